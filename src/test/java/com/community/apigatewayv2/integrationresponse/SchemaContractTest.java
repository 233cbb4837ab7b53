package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.model.Configuration;
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
import org.junit.jupiter.params.provider.CsvSource;
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
        assertEquals(
                REFERENCE.getJSONArray(key).toList(), OURS.getJSONArray(key).toList());
    }

    @Test
    void propertiesHaveTheSameNamesTypesAndDescriptions() {
        final JSONObject ours = OURS.getJSONObject("properties");
        final JSONObject reference = REFERENCE.getJSONObject("properties");
        assertEquals(reference.keySet(), ours.keySet());
        for (final String name : reference.keySet()) {
            assertEquals(
                    reference.getJSONObject(name).getString("type"),
                    ours.getJSONObject(name).getString("type"),
                    name);
            assertEquals(
                    reference.getJSONObject(name).getString("description"),
                    ours.getJSONObject(name).getString("description"),
                    name);
        }
    }

    @Test
    void taggingAndAdditionalPropertiesMatch() {
        assertEquals(
                REFERENCE.getJSONObject("tagging").toMap(),
                OURS.getJSONObject("tagging").toMap());
        assertEquals(false, OURS.getBoolean("additionalProperties"));
    }

    @Test
    void stricterOnlyWhereTheServiceRejectsAnyway() {
        final JSONObject properties = OURS.getJSONObject("properties");
        assertEquals(
                List.of("CONVERT_TO_BINARY", "CONVERT_TO_TEXT"),
                properties
                        .getJSONObject("ContentHandlingStrategy")
                        .getJSONArray("enum")
                        .toList());
        assertEquals(
                "^(\\$default|/[\\s\\S]+/)$",
                properties.getJSONObject("IntegrationResponseKey").getString("pattern"));
        assertEquals(
                Map.of(
                        "^method\\.response\\.header\\.[!#$%&'*+.^_`|~0-9A-Za-z-]+$",
                        Map.of(
                                "type",
                                "string",
                                "pattern",
                                "^(integration\\.response\\.header\\.[!#$%&'*+.^_`|~0-9A-Za-z-]+"
                                        + "|integration\\.response\\.body\\.[^\\t\\n\\x0B\\f\\r ]+|'[^']*')$")),
                properties
                        .getJSONObject("ResponseParameters")
                        .getJSONObject("patternProperties")
                        .toMap());
        assertEquals(
                Map.of("^[\\s\\S]+$", Map.of("type", "string")),
                properties
                        .getJSONObject("ResponseTemplates")
                        .getJSONObject("patternProperties")
                        .toMap());
        for (final String map : List.of("ResponseParameters", "ResponseTemplates")) {
            assertEquals(false, properties.getJSONObject(map).getBoolean("additionalProperties"), map);
        }
        final JSONObject list =
                OURS.getJSONObject("handlers").getJSONObject("list").getJSONObject("handlerSchema");
        assertEquals(
                List.of("ApiId", "IntegrationId"), list.getJSONArray("required").toList());
    }

    /** The API Gateway developer guide's forms are accepted; anything else fails before a call, naming the property. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "IntegrationResponseKey|$default|true",
                "IntegrationResponseKey|/200/|true",
                "IntegrationResponseKey|/4\\d\\d/|true",
                "IntegrationResponseKey|/.*/|true",
                "IntegrationResponseKey|200|false",
                "IntegrationResponseKey|default|false",
                "IntegrationResponseKey|$DEFAULT|false",
                "IntegrationResponseKey|//|false",
                "IntegrationResponseKey|/200|false",
                "method.response.header.X-Trace|integration.response.header.X-Trace|true",
                "method.response.header.x_a|integration.response.body.status|true",
                "method.response.header.Content-Type|integration.response.body.items[0].type|true",
                "method.response.header.Cache-Control|'no-cache, no-store'|true",
                "method.response.header.X-Empty|''|true",
                "method.request.header.X-Trace|integration.response.header.X-Trace|false",
                "method.response.header.|integration.response.header.X-Trace|false",
                "method.response.header.X Trace|integration.response.header.X-Trace|false",
                "method.response.header.X-Trace|integration.response.header.|false",
                "method.response.header.X-Trace|integration.request.header.X-Trace|false",
                "method.response.header.X-Trace|$integration.response.body.status|false",
                "method.response.header.X-Trace|integration.response.body|false",
                "method.response.header.X-Trace|no-cache|false",
                "method.response.header.X-Trace|'it's'|false"
            })
    void theServicesFormsPassAndOthersFailNamingTheProperty(
            final String name, final String value, final boolean valid) {
        final JSONObject model =
                new JSONObject().put("ApiId", "a").put("IntegrationId", "i").put("IntegrationResponseKey", "$default");
        if (name.equals("IntegrationResponseKey")) {
            model.put(name, value);
        } else {
            model.put("ResponseParameters", new JSONObject().put(name, value));
        }
        final org.everit.json.schema.Schema schema = org.everit.json.schema.loader.SchemaLoader.builder()
                .draftV7Support()
                .schemaJson(OURS)
                .build()
                .load()
                .build();
        try {
            schema.validate(model);
            assertThat(valid).as(name + " = " + value + " passed").isTrue();
        } catch (final org.everit.json.schema.ValidationException e) {
            assertThat(valid)
                    .as(name + " = " + value + " failed: " + e.getAllMessages())
                    .isFalse();
            final String message = String.join("; ", e.getAllMessages());
            if (name.equals("IntegrationResponseKey")) {
                assertThat(message).contains("#/IntegrationResponseKey", "does not match pattern");
            } else if (value.startsWith("integration.response.header.X")
                    || value.startsWith("integration.response.body.")) {
                assertThat(message).contains("#/ResponseParameters", "extraneous key [" + name + "]");
            } else {
                assertThat(message).contains("#/ResponseParameters/" + name, "does not match pattern");
            }
        }
    }

    @Test
    void permissionsAreExactlyTheActionsTheHandlersUse() {
        final JSONObject handlers = OURS.getJSONObject("handlers");
        assertEquals(
                Map.of(
                        "create", List.of("apigateway:POST", "apigateway:GET"),
                        "read", List.of("apigateway:GET"),
                        "update", List.of("apigateway:PATCH", "apigateway:GET"),
                        "delete", List.of("apigateway:DELETE"),
                        "list", List.of("apigateway:GET")),
                Map.of(
                        "create",
                                handlers.getJSONObject("create")
                                        .getJSONArray("permissions")
                                        .toList(),
                        "read",
                                handlers.getJSONObject("read")
                                        .getJSONArray("permissions")
                                        .toList(),
                        "update",
                                handlers.getJSONObject("update")
                                        .getJSONArray("permissions")
                                        .toList(),
                        "delete",
                                handlers.getJSONObject("delete")
                                        .getJSONArray("permissions")
                                        .toList(),
                        "list",
                                handlers.getJSONObject("list")
                                        .getJSONArray("permissions")
                                        .toList()));
    }

    /**
     * The runtime writes this $schema into the schema object on every validation; with it already there,
     * that write never changes the shared object, even under concurrent requests.
     */
    @Test
    void theSchemaNamesTheProviderDefinitionMetaSchemaTheRuntimeValidatesItAgainst() throws IOException {
        final JSONObject file = new JSONObject(Files.readString(Path.of("resource-schema.json")));
        assertEquals(
                "https://schema.cloudformation.us-east-1.amazonaws.com/provider.definition.schema.v1.json",
                file.getString("$schema"));
        new Validator().loadResourceDefinitionSchema(new JSONObject(file.toString()));
        assertEquals(file.toMap(), OURS.toMap());
    }

    @Test
    void theCfnCliNameIsALinkToTheOneSchema() throws IOException {
        final JSONObject project = new JSONObject(Files.readString(Path.of("resource-schema.json")));
        final Path link =
                Path.of(project.getString("typeName").replace("::", "-").toLowerCase(Locale.ROOT) + ".json");
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
