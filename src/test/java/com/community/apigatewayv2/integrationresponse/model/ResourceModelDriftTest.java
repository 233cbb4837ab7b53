package com.community.apigatewayv2.integrationresponse.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.resource.Serializer;

/** The hand-written model must serialise to exactly the schema's properties, as cfn generate's would. */
class ResourceModelDriftTest {
    private final Serializer serializer = new Serializer();

    @Test
    void aFullModelSerialisesToExactlyTheSchemasProperties() throws Exception {
        final JSONObject json = new JSONObject(serializer.serialize(HandlerTestSupport.fullModel()));
        assertEquals(Configuration.resourceSchema().getJSONObject("properties").keySet(), json.keySet());
    }

    @Test
    void theModelReadsBackWhatItWrites() throws Exception {
        final ResourceModel model = HandlerTestSupport.fullModel();
        assertEquals(
                model,
                serializer.deserializeStrict(serializer.serialize(model), new TypeReference<ResourceModel>() {}));
    }

    @Test
    void unsetPropertiesAreLeftOut() throws Exception {
        final JSONObject json = new JSONObject(serializer.serialize(HandlerTestSupport.minimalModel()));
        assertEquals(
                Map.of(
                        "ApiId",
                        "a1b2c3d4e5",
                        "IntegrationId",
                        "int1234",
                        "IntegrationResponseId",
                        "res5678",
                        "IntegrationResponseKey",
                        "$default"),
                json.toMap());
    }

    @Test
    void aPropertyTheSchemaLacksIsRejected() {
        assertThrows(
                UnrecognizedPropertyException.class,
                () -> serializer.deserializeStrict(
                        "{\"ApiId\":\"a\",\"RouteId\":\"r\"}", new TypeReference<ResourceModel>() {}));
    }

    @Test
    void identifierKeysPointAtSchemaProperties() {
        final JSONObject properties = Configuration.resourceSchema().getJSONObject("properties");
        for (final String pointer : new String[] {
            ResourceModel.IDENTIFIER_KEY_APIID,
            ResourceModel.IDENTIFIER_KEY_INTEGRATIONID,
            ResourceModel.IDENTIFIER_KEY_INTEGRATIONRESPONSEID
        }) {
            assertEquals(true, properties.has(pointer.substring("/properties/".length())), pointer);
        }
        assertEquals(
                Configuration.resourceSchema().getJSONArray("primaryIdentifier").toList(),
                java.util.List.of(
                        ResourceModel.IDENTIFIER_KEY_APIID,
                        ResourceModel.IDENTIFIER_KEY_INTEGRATIONID,
                        ResourceModel.IDENTIFIER_KEY_INTEGRATIONRESPONSEID));
    }
}
