package com.community.apigatewayv2.integrationresponse.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    /** The schema in the jar is the project's resource-schema.json, with the type name the build was given. */
    @Test
    void theSchemaIsTheProjectsWithTheBuildsTypeName() throws IOException {
        final JSONObject written = new JSONObject(Files.readString(Path.of("resource-schema.json")));
        written.put("typeName", System.getProperty("type.name"));

        assertEquals(written.toMap(), Configuration.resourceSchema().toMap());
        assertEquals(written.toMap(), Configuration.load("resource-schema.json").toMap());
        assertSame(Configuration.resourceSchema(), Configuration.resourceSchema());
    }

    @Test
    void aMissingSchemaIsNamed() {
        assertThatThrownBy(() -> Configuration.load("no-such-schema.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no-such-schema.json is missing from the handler jar");
    }

    @Test
    void thePrimaryIdentifierNeedsAllThreeParts() {
        final ResourceModel whole = ResourceModel.builder()
                .apiId("a")
                .integrationId("i")
                .integrationResponseId("r")
                .build();
        assertEquals(
                Map.of(
                        "/properties/ApiId",
                        "a",
                        "/properties/IntegrationId",
                        "i",
                        "/properties/IntegrationResponseId",
                        "r"),
                whole.getPrimaryIdentifier().toMap());
        assertNull(whole.toBuilder().apiId(null).build().getPrimaryIdentifier());
        assertNull(whole.toBuilder().integrationId(null).build().getPrimaryIdentifier());
        assertNull(whole.toBuilder().integrationResponseId(null).build().getPrimaryIdentifier());
        assertEquals(
                "a|i|", whole.toBuilder().integrationResponseId(null).build().getCloudControlIdentifier());
    }
}
