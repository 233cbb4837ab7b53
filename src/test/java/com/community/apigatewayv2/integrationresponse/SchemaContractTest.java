package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.cloudformation.resource.Validator;

/** Our schema against the published AWS one: the contract must match, stricter only where the service rejects anyway. */
class SchemaContractTest {
    private static final JSONObject OURS = Configuration.resourceSchema();
    private static final JSONObject REFERENCE = reference();

    private static JSONObject reference() {
        try (InputStream in = SchemaContractTest.class.getResourceAsStream(
            "/reference/AWS_ApiGatewayV2_IntegrationResponse.schema.json")) {
            return new JSONObject(new JSONTokener(in));
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"required", "createOnlyProperties", "readOnlyProperties", "primaryIdentifier"})
    void identifierAndMutabilityListsMatchInOrder(final String key) {
        assertEquals(REFERENCE.getJSONArray(key).toList(), OURS.getJSONArray(key).toList());
    }

    @Test
    void propertiesHaveTheSameNamesTypesAndDescriptions() {
        final JSONObject ours = OURS.getJSONObject("properties");
        final JSONObject reference = REFERENCE.getJSONObject("properties");
        assertEquals(reference.keySet(), ours.keySet());
        for (final String name : reference.keySet()) {
            assertEquals(reference.getJSONObject(name).getString("type"), ours.getJSONObject(name).getString("type"), name);
            assertEquals(reference.getJSONObject(name).getString("description"),
                ours.getJSONObject(name).getString("description"), name);
        }
    }

    @Test
    void taggingAndAdditionalPropertiesMatch() {
        assertEquals(REFERENCE.getJSONObject("tagging").toMap(), OURS.getJSONObject("tagging").toMap());
        assertEquals(false, OURS.getBoolean("additionalProperties"));
        assertEquals(ResourceModel.TYPE_NAME, OURS.getString("typeName"));
    }

    @Test
    void stricterOnlyWhereTheServiceRejectsAnyway() {
        final JSONObject properties = OURS.getJSONObject("properties");
        assertEquals(List.of("CONVERT_TO_BINARY", "CONVERT_TO_TEXT"),
            properties.getJSONObject("ContentHandlingStrategy").getJSONArray("enum").toList());
        for (final String map : List.of("ResponseParameters", "ResponseTemplates")) {
            final JSONObject schema = properties.getJSONObject(map);
            assertEquals(Map.of("^.+$", Map.of("type", "string")), schema.getJSONObject("patternProperties").toMap(), map);
            assertEquals(false, schema.getBoolean("additionalProperties"), map);
        }
        final JSONObject list = OURS.getJSONObject("handlers").getJSONObject("list").getJSONObject("handlerSchema");
        assertEquals(List.of("ApiId", "IntegrationId"), list.getJSONArray("required").toList());
    }

    @Test
    void permissionsAreExactlyTheActionsTheHandlersUse() {
        final JSONObject handlers = OURS.getJSONObject("handlers");
        assertEquals(Map.of(
                "create", List.of("apigateway:POST", "apigateway:GET"),
                "read", List.of("apigateway:GET"),
                "update", List.of("apigateway:PATCH", "apigateway:GET"),
                "delete", List.of("apigateway:DELETE"),
                "list", List.of("apigateway:GET")),
            Map.of(
                "create", handlers.getJSONObject("create").getJSONArray("permissions").toList(),
                "read", handlers.getJSONObject("read").getJSONArray("permissions").toList(),
                "update", handlers.getJSONObject("update").getJSONArray("permissions").toList(),
                "delete", handlers.getJSONObject("delete").getJSONArray("permissions").toList(),
                "list", handlers.getJSONObject("list").getJSONArray("permissions").toList()));
    }

    /**
     * The runtime writes this $schema into the schema object on every validation; with it already there,
     * that write never changes the shared object, even under concurrent requests.
     */
    @Test
    void theSchemaNamesTheProviderDefinitionMetaSchemaTheRuntimeValidatesItAgainst() throws IOException {
        final JSONObject file = new JSONObject(Files.readString(Path.of("resource-schema.json")));
        assertEquals("https://schema.cloudformation.us-east-1.amazonaws.com/provider.definition.schema.v1.json",
            file.getString("$schema"));
        new Validator().loadResourceDefinitionSchema(new JSONObject(file.toString()));
        assertEquals(file.toMap(), OURS.toMap());
    }

    @Test
    void theCfnCliNameIsALinkToTheOneSchema() throws IOException {
        final JSONObject project = new JSONObject(Files.readString(Path.of("resource-schema.json")));
        final Path link = Path.of(project.getString("typeName").replace("::", "-").toLowerCase(Locale.ROOT) + ".json");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertEquals(Path.of("resource-schema.json"), Files.readSymbolicLink(link));
    }

    @Test
    void theHandlerCarriesTheOneSchemaUnderTheBuiltTypeName() throws IOException {
        final JSONObject project = new JSONObject(Files.readString(Path.of("resource-schema.json")));
        assertEquals(System.getProperty("type.name"), OURS.getString("typeName"));
        assertEquals(project.put("typeName", OURS.getString("typeName")).toMap(), OURS.toMap());
    }
}
