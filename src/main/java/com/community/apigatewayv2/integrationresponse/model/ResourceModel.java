package com.community.apigatewayv2.integrationresponse.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.NoArgsConstructor;
import org.json.JSONObject;

/** The resource's properties, shaped as {@code cfn generate} would write them from resource-schema.json. */
@Data
@Builder(toBuilder = true)
@AllArgsConstructor
@NoArgsConstructor
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
public class ResourceModel {
    /** The name this build gave the type (the build property type.name), as the bundled schema states it. */
    @JsonIgnore
    public static final String TYPE_NAME = Configuration.resourceSchema().getString("typeName");

    @JsonIgnore
    public static final String IDENTIFIER_KEY_APIID = "/properties/ApiId";

    @JsonIgnore
    public static final String IDENTIFIER_KEY_INTEGRATIONID = "/properties/IntegrationId";

    @JsonIgnore
    public static final String IDENTIFIER_KEY_INTEGRATIONRESPONSEID = "/properties/IntegrationResponseId";

    @JsonProperty("ApiId")
    private String apiId;

    @JsonProperty("IntegrationId")
    private String integrationId;

    @JsonProperty("IntegrationResponseId")
    private String integrationResponseId;

    @JsonProperty("IntegrationResponseKey")
    private String integrationResponseKey;

    @JsonProperty("ContentHandlingStrategy")
    private String contentHandlingStrategy;

    @JsonProperty("ResponseParameters")
    private Map<String, String> responseParameters;

    @JsonProperty("ResponseTemplates")
    private Map<String, String> responseTemplates;

    @JsonProperty("TemplateSelectionExpression")
    private String templateSelectionExpression;

    /**
     * The resource's properties, declared once, in the order of the fields above (the order the
     * runtime's serializer writes them): their names in JSON, the schema and the SDK's shapes, the
     * kind of value each holds, and the part each plays. The translator, the lean request reader,
     * the event writer and the difference check all work from this table.
     */
    public enum Property {
        API_ID("ApiId", Kind.STRING, Role.PARENT, ResourceModel::getApiId, (m, v) -> m.setApiId(string(v))),
        INTEGRATION_ID(
                "IntegrationId",
                Kind.STRING,
                Role.PARENT,
                ResourceModel::getIntegrationId,
                (m, v) -> m.setIntegrationId(string(v))),
        INTEGRATION_RESPONSE_ID(
                "IntegrationResponseId",
                Kind.STRING,
                Role.READ_ONLY,
                ResourceModel::getIntegrationResponseId,
                (m, v) -> m.setIntegrationResponseId(string(v))),
        INTEGRATION_RESPONSE_KEY(
                "IntegrationResponseKey",
                Kind.STRING,
                Role.UPDATABLE,
                ResourceModel::getIntegrationResponseKey,
                (m, v) -> m.setIntegrationResponseKey(string(v))),
        CONTENT_HANDLING_STRATEGY(
                "ContentHandlingStrategy",
                Kind.STRING,
                Role.UPDATABLE,
                ResourceModel::getContentHandlingStrategy,
                (m, v) -> m.setContentHandlingStrategy(string(v))),
        RESPONSE_PARAMETERS(
                "ResponseParameters",
                Kind.STRING_MAP,
                Role.UPDATABLE,
                ResourceModel::getResponseParameters,
                (m, v) -> m.setResponseParameters(stringMap(v))),
        RESPONSE_TEMPLATES(
                "ResponseTemplates",
                Kind.STRING_MAP,
                Role.UPDATABLE,
                ResourceModel::getResponseTemplates,
                (m, v) -> m.setResponseTemplates(stringMap(v))),
        TEMPLATE_SELECTION_EXPRESSION(
                "TemplateSelectionExpression",
                Kind.STRING,
                Role.UPDATABLE,
                ResourceModel::getTemplateSelectionExpression,
                (m, v) -> m.setTemplateSelectionExpression(string(v)));

        /** What a property holds: a string, or a map of string to string. */
        public enum Kind {
            STRING,
            STRING_MAP
        }

        /**
         * The part a property plays: names the parent (create-only, part of the identifier), is
         * read-only (the service's id, the rest of the identifier), or is the resource's own and updatable.
         */
        public enum Role {
            PARENT,
            READ_ONLY,
            UPDATABLE
        }

        private final String jsonName;
        private final Kind kind;
        private final Role role;
        private final Function<ResourceModel, Object> getter;
        private final BiConsumer<ResourceModel, Object> setter;

        Property(
                final String jsonName,
                final Kind kind,
                final Role role,
                final Function<ResourceModel, Object> getter,
                final BiConsumer<ResourceModel, Object> setter) {
            this.jsonName = jsonName;
            this.kind = kind;
            this.role = role;
            this.getter = getter;
            this.setter = setter;
        }

        /** The name in JSON, in the schema, and as the SDK's member name. */
        public String jsonName() {
            return jsonName;
        }

        public Kind kind() {
            return kind;
        }

        public Role role() {
            return role;
        }

        public Object get(final ResourceModel model) {
            return getter.apply(model);
        }

        /** Sets the value: a {@code String}, or a {@code Map<String, String>} for a map property. */
        public void set(final ResourceModel model, final Object value) {
            setter.accept(model, value);
        }

        /** The properties that play the given parts, in table order. */
        public static List<Property> playing(final Role... roles) {
            final List<Role> wanted = List.of(roles);
            return Arrays.stream(values())
                    .filter(property -> wanted.contains(property.role))
                    .toList();
        }

        /** The property of that JSON (and SDK member) name. */
        public static Optional<Property> named(final String jsonName) {
            return Optional.ofNullable(ByName.PROPERTIES.get(jsonName));
        }

        /** Looked up for every property of every request and answer, so kept as a map. */
        private static final class ByName {
            static final Map<String, Property> PROPERTIES =
                    Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Property::jsonName, p -> p));
        }

        /** The parts of the primary identifier, in order. */
        public static List<Property> primaryIdentifier() {
            return playing(Role.PARENT, Role.READ_ONLY);
        }

        private static String string(final Object value) {
            return (String) value;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, String> stringMap(final Object value) {
            return (Map<String, String>) value;
        }
    }

    /** The primary identifier, or null unless all three of its parts are set. */
    @JsonIgnore
    public JSONObject getPrimaryIdentifier() {
        final JSONObject identifier = new JSONObject();
        for (final Property part : Property.primaryIdentifier()) {
            final Object value = part.get(this);
            if (value == null) {
                return null;
            }
            identifier.put("/properties/" + part.jsonName(), value);
        }
        return identifier;
    }

    /**
     * The identifier as Cloud Control and Terraform's awscc provider write it: {@code
     * ApiId|IntegrationId|IntegrationResponseId}, a part that is not set left empty.
     */
    @JsonIgnore
    public String getCloudControlIdentifier() {
        return Property.primaryIdentifier().stream()
                .map(part -> Objects.toString(part.get(this), ""))
                .collect(Collectors.joining("|"));
    }
}
