package com.community.apigatewayv2.integrationresponse.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    @Test
    void theSchemaIsReadOnceFromBesideTheClass() {
        assertEquals(
                System.getProperty("type.name"), Configuration.resourceSchema().getString("typeName"));
        assertEquals(
                Configuration.resourceSchema().toMap(),
                Configuration.load("resource-schema.json").toMap());
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
                "a|i|null",
                whole.toBuilder().integrationResponseId(null).build().getCloudControlIdentifier());
    }
}
