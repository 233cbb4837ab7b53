package com.community.apigatewayv2.integrationresponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * After package: the rpdk.version the build hands on (to the registration package's .cfn_metadata.json and to
 * these tests) is the version written on the RPDK dependency, the text {@code cfn generate} reads.
 */
class CfnCliCompatibilityIT {

    @Test
    void theBuildsRpdkVersionIsTheVersionOnTheDependency() throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        final Document pom =
                factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        final String onTheDependency = CfnCliCompatibilityTest.rpdkVersionAsCfnReadsIt(pom);

        assertEquals(onTheDependency, System.getProperty("rpdk.version"));
        final JSONObject metadata = new JSONObject(Files.readString(Path.of("target", "type", ".cfn_metadata.json")));
        assertEquals(onTheDependency, metadata.getString("plugin-version"));
    }
}
