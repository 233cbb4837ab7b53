package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.resource.Validator;

/**
 * examples/: a complete stack using this type, valid against its schema, and the same stack using the
 * AWS type. Written in JSON so that a test, and the local lifecycle runner, read them with org.json.
 */
class ExamplesTest {
    private static final Path OURS = Path.of("examples", "websocket-mock-integration-response.json");
    private static final Path AWS = Path.of("examples", "websocket-mock-integration-response-aws.json");

    private static JSONObject read(final Path template) throws IOException {
        return new JSONObject(Files.readString(template));
    }

    private static JSONObject schema() throws IOException {
        return read(Path.of("resource-schema.json"));
    }

    private static String typeName() throws IOException {
        return schema().getString("typeName");
    }

    private static Map<String, JSONObject> resourcesOfType(final JSONObject template, final String type) {
        final Map<String, JSONObject> found = new TreeMap<>();
        final JSONObject resources = template.getJSONObject("Resources");
        for (final String name : resources.keySet()) {
            if (type.equals(resources.getJSONObject(name).getString("Type"))) {
                found.put(name, resources.getJSONObject(name));
            }
        }
        return found;
    }

    /** The logical id a {"Ref": id} names, or null when the value is not a Ref. */
    private static String ref(final Object value) {
        return value instanceof JSONObject object && object.length() == 1 && object.has("Ref")
                ? object.getString("Ref")
                : null;
    }

    /** The properties as the handler would receive them: each Ref to a template resource becomes an identifier. */
    private static JSONObject resolved(final JSONObject template, final JSONObject properties) {
        final JSONObject resolved = new JSONObject();
        for (final String name : properties.keySet()) {
            final String target = ref(properties.get(name));
            if (target != null) {
                assertThat(template.getJSONObject("Resources").has(target))
                        .as(name + " refers to " + target)
                        .isTrue();
                resolved.put(name, target.toLowerCase() + "1234");
            } else {
                resolved.put(name, properties.get(name));
            }
        }
        return resolved;
    }

    @Test
    void theTwoStacksDifferOnlyInTheTypeName() throws IOException {
        final String ours = Files.readString(OURS);
        final String aws = Files.readString(AWS);
        assertThat(aws).doesNotContain(typeName());
        assertEquals(
                read(OURS).toMap(),
                new JSONObject(aws.replace("AWS::ApiGatewayV2::IntegrationResponse", typeName())).toMap());
        assertThat(ours).doesNotContain("AWS::ApiGatewayV2::IntegrationResponse");
    }

    @Test
    void theStackIsAWebSocketApiWithAMockIntegrationRouteAndRouteResponse() throws IOException {
        final JSONObject template = read(OURS);
        final Map<String, JSONObject> apis = resourcesOfType(template, "AWS::ApiGatewayV2::Api");
        assertThat(apis).hasSize(1);
        assertEquals(
                "WEBSOCKET",
                apis.values().iterator().next().getJSONObject("Properties").getString("ProtocolType"));
        final String api = apis.keySet().iterator().next();
        for (final String type : List.of(
                "AWS::ApiGatewayV2::Integration",
                "AWS::ApiGatewayV2::Route",
                "AWS::ApiGatewayV2::RouteResponse",
                "AWS::ApiGatewayV2::Deployment",
                "AWS::ApiGatewayV2::Stage")) {
            assertThat(resourcesOfType(template, type))
                    .as(type)
                    .hasSize(1)
                    .allSatisfy((name, resource) -> assertEquals(
                            api, ref(resource.getJSONObject("Properties").get("ApiId")), name));
        }
        assertEquals(
                "MOCK",
                resourcesOfType(template, "AWS::ApiGatewayV2::Integration")
                        .values()
                        .iterator()
                        .next()
                        .getJSONObject("Properties")
                        .getString("IntegrationType"));
    }

    @Test
    void everyIntegrationResponseIsValidAgainstTheSchemaAndNamesItsParents() throws IOException {
        final JSONObject template = read(OURS);
        final JSONObject schema = schema();
        final Map<String, JSONObject> ours = resourcesOfType(template, typeName());
        assertThat(ours).isNotEmpty();
        final List<Object> readOnly = schema.getJSONArray("readOnlyProperties").toList();
        for (final Map.Entry<String, JSONObject> entry : ours.entrySet()) {
            final JSONObject properties = entry.getValue().getJSONObject("Properties");
            for (final String name : properties.keySet()) {
                assertThat(readOnly)
                        .as(entry.getKey() + " sets a read-only property")
                        .doesNotContain("/properties/" + name);
            }
            final JSONObject handlerInput = resolved(template, properties);
            assertDoesNotThrow(() -> new Validator().validateObject(handlerInput, schema), entry.getKey());

            final JSONObject resources = template.getJSONObject("Resources");
            final String api = ref(properties.get("ApiId"));
            final String integration = ref(properties.get("IntegrationId"));
            assertEquals("AWS::ApiGatewayV2::Api", resources.getJSONObject(api).getString("Type"));
            assertEquals(
                    "AWS::ApiGatewayV2::Integration",
                    resources.getJSONObject(integration).getString("Type"));
            assertEquals(
                    api,
                    ref(resources
                            .getJSONObject(integration)
                            .getJSONObject("Properties")
                            .get("ApiId")),
                    "the integration belongs to the same API");
        }
    }

    @Test
    void theValidatorWouldCatchABadProperty() throws IOException {
        final JSONObject template = read(OURS);
        final JSONObject properties =
                resourcesOfType(template, typeName()).values().iterator().next().getJSONObject("Properties");
        final JSONObject bad = resolved(template, properties).put("ContentHandlingStrategy", "CONVERT_TO_JSON");
        assertThat(assertThrows(Exception.class, () -> new Validator().validateObject(bad, schema())))
                .hasMessageContaining("ContentHandlingStrategy");
    }

    @Test
    void everyReferenceAndAttributeNamesAResourceOfTheTemplate() throws IOException {
        final JSONObject template = read(OURS);
        final List<String> problems = new ArrayList<>();
        collectReferences(template.getJSONObject("Resources"), template, problems);
        collectReferences(template.getJSONObject("Outputs"), template, problems);
        assertThat(problems).isEmpty();
    }

    private static void collectReferences(final Object node, final JSONObject template, final List<String> problems)
            throws IOException {
        final JSONObject resources = template.getJSONObject("Resources");
        if (node instanceof JSONObject object) {
            if (object.has("Ref") && !resources.has(object.getString("Ref"))) {
                problems.add("Ref " + object.get("Ref"));
            }
            if (object.has("Fn::GetAtt")) {
                final JSONArray att = object.getJSONArray("Fn::GetAtt");
                if (!resources.has(att.getString(0))) {
                    problems.add("Fn::GetAtt " + att);
                } else if (typeName()
                                .equals(resources
                                        .getJSONObject(att.getString(0))
                                        .getString("Type"))
                        && !schema().getJSONArray("readOnlyProperties")
                                .toList()
                                .contains("/properties/" + att.getString(1))) {
                    problems.add("Fn::GetAtt " + att + " is no return value of " + typeName());
                }
            }
            for (final String key : object.keySet()) {
                collectReferences(object.get(key), template, problems);
            }
        } else if (node instanceof JSONArray array) {
            for (final Object item : array) {
                collectReferences(item, template, problems);
            }
        }
    }
}
