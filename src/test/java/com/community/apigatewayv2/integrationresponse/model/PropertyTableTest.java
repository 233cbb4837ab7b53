package com.community.apigatewayv2.integrationresponse.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property.Kind;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.resource.Serializer;

/** The property table says of each property what the schema and the model's fields say. */
class PropertyTableTest {
    private static final JSONObject SCHEMA = Configuration.resourceSchema();

    private static List<String> names(final List<Property> properties) {
        return properties.stream().map(Property::jsonName).toList();
    }

    @Test
    void theTableListsTheModelsFieldsInTheOrderTheRuntimeWritesThem() throws Exception {
        final ResourceModel full = ResourceModel.builder()
                .apiId("a")
                .integrationId("i")
                .integrationResponseId("r")
                .integrationResponseKey("k")
                .contentHandlingStrategy("CONVERT_TO_TEXT")
                .templateSelectionExpression("t")
                .responseParameters(Map.of("p", "v"))
                .responseTemplates(Map.of("t", "v"))
                .build();
        final List<String> written = new ArrayList<>();
        new ObjectMapper()
                .readTree(new Serializer().serialize(full))
                .fieldNames()
                .forEachRemaining(written::add);

        assertEquals(
                List.of(
                        "ApiId",
                        "IntegrationId",
                        "IntegrationResponseId",
                        "IntegrationResponseKey",
                        "ContentHandlingStrategy",
                        "ResponseParameters",
                        "ResponseTemplates",
                        "TemplateSelectionExpression"),
                written);
        assertEquals(written, names(Arrays.asList(Property.values())));
    }

    @Test
    void theTableListsExactlyTheSchemasPropertiesWithTheirKinds() {
        final JSONObject properties = SCHEMA.getJSONObject("properties");
        assertEquals(properties.keySet(), new java.util.TreeSet<>(names(Arrays.asList(Property.values()))));
        for (final Property property : Property.values()) {
            final String type = properties.getJSONObject(property.jsonName()).getString("type");
            assertEquals(type.equals("object") ? Kind.STRING_MAP : Kind.STRING, property.kind(), property.jsonName());
        }
    }

    @Test
    void rolesAreTheSchemasCreateOnlyReadOnlyAndIdentifierLists() {
        assertEquals(List.of("ApiId", "IntegrationId"), names(Property.playing(Role.PARENT)));
        assertEquals(List.of("IntegrationResponseId"), names(Property.playing(Role.READ_ONLY)));
        assertEquals(
                List.of(
                        "IntegrationResponseKey",
                        "ContentHandlingStrategy",
                        "ResponseParameters",
                        "ResponseTemplates",
                        "TemplateSelectionExpression"),
                names(Property.playing(Role.UPDATABLE)));
        assertEquals(
                List.of(
                        Role.PARENT,
                        Role.PARENT,
                        Role.READ_ONLY,
                        Role.UPDATABLE,
                        Role.UPDATABLE,
                        Role.UPDATABLE,
                        Role.UPDATABLE,
                        Role.UPDATABLE),
                Arrays.stream(Property.values()).map(Property::role).toList());
        assertEquals(pointers("createOnlyProperties"), names(Property.playing(Role.PARENT)));
        assertEquals(pointers("readOnlyProperties"), names(Property.playing(Role.READ_ONLY)));
        assertEquals(pointers("primaryIdentifier"), names(Property.primaryIdentifier()));
    }

    @Test
    void eachPropertyReadsAndWritesItsOwnField() throws Exception {
        for (final Property property : Property.values()) {
            final ResourceModel model = new ResourceModel();
            final Object value = property.kind() == Kind.STRING_MAP ? Map.of("k", property.name()) : property.name();
            property.set(model, value);
            assertEquals(value, property.get(model), property.jsonName());
            final JSONObject written = new JSONObject(new Serializer().serialize(model));
            assertEquals(List.of(property.jsonName()), new ArrayList<>(written.keySet()), property.jsonName());
        }
    }

    @Test
    void aPropertyIsFoundByItsNameAndNoOther() {
        assertEquals(Optional.of(Property.RESPONSE_TEMPLATES), Property.named("ResponseTemplates"));
        assertEquals(Optional.empty(), Property.named("responseTemplates"));
        assertEquals(Optional.empty(), Property.named("RouteId"));
    }

    private static List<String> pointers(final String list) {
        return SCHEMA.getJSONArray(list).toList().stream()
                .map(pointer -> ((String) pointer).substring("/properties/".length()))
                .toList();
    }
}
