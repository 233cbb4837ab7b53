package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import com.community.apigatewayv2.integrationresponse.model.Configuration;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.json.JSONObject;
import software.amazon.cloudformation.resource.Validator;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/**
 * What Cloud Control reads from the type's schema, and nothing else: its name, the primary identifier,
 * the create-only and read-only properties, and the schemas a model and a list request are checked
 * against. Every rule comes from the schema document the handler ships with.
 */
public final class TypeSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCE_SCHEMA_REFERENCE = "resource-schema.json#";

    private final String document;
    private final JsonNode schema;
    private final JSONObject schemaObject;
    private final List<String> primaryIdentifier;
    private final List<String> createOnly;
    private final List<String> readOnly;
    private final List<String> writeOnly;
    private final JSONObject listSchema;
    private final Validator validator = new Validator();

    private TypeSchema(final String document) throws IOException {
        this.document = document;
        this.schema = JSON.readTree(document);
        this.schemaObject = new JSONObject(document);
        this.primaryIdentifier = propertyNames(schema.path("primaryIdentifier"));
        this.createOnly = pointers(schema.path("createOnlyProperties"));
        this.readOnly = pointers(schema.path("readOnlyProperties"));
        this.writeOnly = pointers(schema.path("writeOnlyProperties"));
        this.listSchema = new JSONObject(listHandlerSchema(schema).toString());
    }

    /**
     * {@code handlers.list.handlerSchema} as a schema of its own: its references into the resource
     * schema ({@code resource-schema.json#/properties/ApiId}) replaced by what they point to, and the
     * resource schema's definitions beside them, so validating it never fetches anything.
     */
    private static ObjectNode listHandlerSchema(final JsonNode schema) {
        final ObjectNode list = schema.path("handlers")
                        .path("list")
                        .path("handlerSchema")
                        .isObject()
                ? schema.path("handlers").path("list").path("handlerSchema").deepCopy()
                : JSON.createObjectNode();
        list.put("type", "object");
        final JsonNode properties = list.path("properties");
        for (String name : fieldNames(properties)) {
            final String reference = properties.path(name).path("$ref").asText("");
            if (reference.startsWith(RESOURCE_SCHEMA_REFERENCE)) {
                ((ObjectNode) properties).set(name, schema.at(reference.substring(RESOURCE_SCHEMA_REFERENCE.length())));
            }
        }
        if (schema.has("definitions")) {
            list.set("definitions", schema.get("definitions"));
        }
        return list;
    }

    /** The schema the handler jar carries. */
    public static TypeSchema load() {
        try (InputStream in = Configuration.class.getResourceAsStream(Configuration.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        Configuration.SCHEMA_RESOURCE + " is missing beside " + Configuration.class.getName());
            }
            return new TypeSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String typeName() {
        return schema.path("typeName").asText();
    }

    String description() {
        return schema.path("description").asText("");
    }

    /** The schema as the registry's DescribeType returns it. */
    String document() {
        return document;
    }

    /** The names of the primary identifier's parts, in the schema's order. */
    public List<String> primaryIdentifier() {
        return primaryIdentifier;
    }

    /** Create-only properties, as JSON pointers into the schema ({@code /properties/ApiId}). */
    public List<String> createOnlyProperties() {
        return createOnly;
    }

    public List<String> readOnlyProperties() {
        return readOnly;
    }

    /** Write-only properties, as JSON pointers into the schema; none, for this type's schema. */
    public List<String> writeOnlyProperties() {
        return writeOnly;
    }

    /**
     * The model holding only the primary identifier, from the identifier in either of Cloud Control's
     * forms: the values joined with {@code |} in the schema's order, or a JSON object of them.
     */
    ObjectNode identifierModel(final String identifier) throws CloudControlException {
        final ObjectNode model = JSON.createObjectNode();
        final String trimmed = identifier.strip();
        if (trimmed.startsWith("{")) {
            final JsonNode parsed;
            try {
                parsed = JSON.readTree(trimmed);
            } catch (IOException e) {
                throw badIdentifier();
            }
            if (!parsed.isObject() || parsed.size() != primaryIdentifier.size()) {
                throw badIdentifier();
            }
            for (String name : primaryIdentifier) {
                final JsonNode value = parsed.get(name);
                if (value == null || !value.isTextual() || value.asText().isEmpty()) {
                    throw badIdentifier();
                }
                model.put(name, value.asText());
            }
            return model;
        }
        final String[] parts = identifier.split("\\|", -1);
        if (parts.length != primaryIdentifier.size()) {
            throw badIdentifier();
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw badIdentifier();
            }
            model.put(primaryIdentifier.get(i), parts[i]);
        }
        return model;
    }

    private CloudControlException badIdentifier() {
        return CloudControlException.invalidRequest("Invalid identifier: the primary identifier of " + typeName()
                + " is " + String.join("|", primaryIdentifier) + ", joined with '|' in that order, or a JSON object"
                + " of those " + primaryIdentifier.size() + " properties");
    }

    /** {@code ApiId|IntegrationId|IntegrationResponseId} of a model, or empty while any part is missing. */
    public Optional<String> identifierOf(final JsonNode model) {
        final List<String> values = new ArrayList<>();
        for (String name : primaryIdentifier) {
            final JsonNode value = model == null ? null : model.get(name);
            if (value == null || !value.isTextual()) {
                return Optional.empty();
            }
            values.add(value.asText());
        }
        return Optional.of(String.join("|", values));
    }

    /** Whether a JSON pointer into a model ({@code /ApiId/x}) lies in the property a schema pointer names. */
    static boolean touches(final String modelPath, final String propertyPointer) {
        final String property = propertyPointer.substring("/properties".length());
        return modelPath.equals(property) || modelPath.startsWith(property + "/");
    }

    /** Why a model fails the resource schema, worded as the registry's validator words it; empty when it passes. */
    Optional<String> violations(final JsonNode model) {
        try {
            validator.validateObject(new JSONObject(model.toString()), schemaObject);
            return Optional.empty();
        } catch (ValidationException e) {
            return Optional.of(describe(e));
        }
    }

    /** Why a ListResources model fails {@code handlers.list.handlerSchema}; empty when it passes. */
    Optional<String> listViolations(final JsonNode model) {
        try {
            validator.validateObject(new JSONObject(model.toString()), listSchema);
            return Optional.empty();
        } catch (ValidationException e) {
            return Optional.of(describe(e));
        }
    }

    /** Each leaf violation, e.g. {@code #: required key [ApiId] not found}, joined with commas. */
    private static String describe(final ValidationException e) {
        final List<String> leaves = new ArrayList<>();
        collect(e, leaves);
        return String.join(", ", leaves);
    }

    private static void collect(final ValidationException e, final List<String> leaves) {
        if (e.getCausingExceptions().isEmpty()) {
            leaves.add(e.getMessage());
        } else {
            e.getCausingExceptions().forEach(cause -> collect(cause, leaves));
        }
    }

    private static List<String> pointers(final JsonNode array) {
        final List<String> pointers = new ArrayList<>();
        array.forEach(pointer -> pointers.add(pointer.asText()));
        return Collections.unmodifiableList(pointers);
    }

    private static List<String> propertyNames(final JsonNode array) {
        return pointers(array).stream()
                .map(pointer -> JsonPointer.compile(pointer).tail().getMatchingProperty())
                .collect(Collectors.toUnmodifiableList());
    }

    /** The names of a JSON object's fields. */
    static List<String> fieldNames(final JsonNode object) {
        final List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
