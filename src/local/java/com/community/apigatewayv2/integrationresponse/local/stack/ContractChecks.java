package com.community.apigatewayv2.integrationresponse.local.stack;

import com.community.apigatewayv2.integrationresponse.local.cloudcontrol.TypeSchema;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resource contract's checks on the models a step returns, from the type's schema (its primary
 * identifier, read-only, create-only and write-only properties), collecting every break: what the
 * {@code lifecycle} and {@code contract-v2} runners share.
 */
public final class ContractChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The schema the handler ships with, read once. */
    private static final TypeSchema SCHEMA = TypeSchema.load();

    private static final List<String> PRIMARY_IDENTIFIER = SCHEMA.primaryIdentifier();
    private static final List<String> READ_ONLY = names(SCHEMA.readOnlyProperties());
    private static final List<String> CREATE_ONLY = names(SCHEMA.createOnlyProperties());
    private static final List<String> WRITE_ONLY = names(SCHEMA.writeOnlyProperties());
    private final List<String> violations = new ArrayList<>();

    /** Every break found so far, in the order found. */
    public List<String> violations() {
        return violations;
    }

    /** Records a break that no check here finds, e.g. a step that failed. */
    public void broken(final String violation) {
        violations.add(violation);
    }

    /** The model holding only the primary identifier's parts, as {@code model} has them. */
    public static ObjectNode identifierOf(final JsonNode model) {
        final ObjectNode identifier = JSON.createObjectNode();
        PRIMARY_IDENTIFIER.forEach(part -> identifier.put(part, model.path(part).asText()));
        return identifier;
    }

    /** The model a LIST of the resource's siblings takes: its API's and integration's ids. */
    public static ObjectNode parentsOf(final JsonNode model) {
        return JSON.createObjectNode()
                .put("ApiId", model.path("ApiId").asText())
                .put("IntegrationId", model.path("IntegrationId").asText());
    }

    /** Every part of the primary identifier and every read-only property is there, and not empty. */
    public void expectIdentified(final String step, final JsonNode model) {
        violations.addAll(unidentified(step, model));
    }

    /** What {@link #expectIdentified} finds: one break per part of the identifier or read-only property missing. */
    public static List<String> unidentified(final String step, final JsonNode model) {
        final Set<String> required = new LinkedHashSet<>(PRIMARY_IDENTIFIER);
        required.addAll(READ_ONLY);
        final List<String> breaks = new ArrayList<>();
        for (final String part : required) {
            if (model.path(part).asText("").isEmpty()) {
                breaks.add(step + " returned a model without " + part + ": " + model);
            }
        }
        return breaks;
    }

    /** No write-only property comes back: a handler returns them to no one. */
    public void expectNoWriteOnly(final String step, final JsonNode model) {
        for (final String property : WRITE_ONLY) {
            if (model.has(property)) {
                violations.add(step + " returned the write-only property " + property);
            }
        }
    }

    /** The primary identifier is the one the resource was created with. */
    public void expectSameIdentifier(final String step, final JsonNode identifier, final JsonNode model) {
        if (!identifierOf(model).equals(identifier)) {
            violations.add(step + " changed the primary identifier from " + identifier + " to " + identifierOf(model));
        }
    }

    /** The create-only properties are as {@code created} has them. */
    public void expectCreateOnlyUnchanged(final String step, final JsonNode created, final JsonNode model) {
        for (final String property : CREATE_ONLY) {
            if (!created.path(property).equals(model.path(property))) {
                violations.add(step + " changed the create-only property " + property + " from "
                        + created.path(property) + " to " + model.path(property));
            }
        }
    }

    /**
     * The handler's own answer to the model it was given: every property but the read-only ones
     * exactly as the input has it (an empty map or string given comes back as given).
     */
    public void expectSameProperties(final String step, final JsonNode input, final JsonNode output) {
        if (output == null) {
            violations.add(step + " returned no model");
            return;
        }
        final ObjectNode written = output.deepCopy();
        written.remove(READ_ONLY);
        if (!written.equals(input)) {
            violations.add(step + " returned " + written + " for the input " + input);
        }
    }

    /**
     * A model read back by its identifier alone against what was set: each property but the
     * read-only ones, on either side, must be equal, where an empty map or an empty string is the
     * same as no value. The service holds no difference between them, and a READ has no request
     * model to show them as given, so {@code ResponseTemplates: {}} set reads back as no
     * {@code ResponseTemplates} at all; a value that differs, or one that is left over, is a break.
     */
    public void expectSetAsGiven(final String step, final JsonNode expected, final JsonNode actual) {
        final Set<String> names = new TreeSet<>();
        fieldNames(expected).forEachRemaining(names::add);
        fieldNames(actual).forEachRemaining(names::add);
        names.removeAll(READ_ONLY);
        for (final String name : names) {
            final JsonNode want = unsetWhenEmpty(expected.get(name));
            final JsonNode got = unsetWhenEmpty(actual.get(name));
            if (want == null ? got != null : !want.equals(got)) {
                violations.add(step + " read " + name + " as " + shown(got) + ", expected " + shown(want));
            }
        }
    }

    /** {@code expected} and {@code actual} are the same, or {@code expected} is null (nothing to compare). */
    public void expectEqual(final String what, final JsonNode expected, final JsonNode actual) {
        if (expected != null && !expected.equals(actual)) {
            violations.add(what + " returned " + actual + ", expected " + expected);
        }
    }

    private static JsonNode unsetWhenEmpty(final JsonNode value) {
        final boolean empty = value == null
                || value.isNull()
                || value.isTextual() && value.asText().isEmpty()
                || value.isObject() && value.isEmpty();
        return empty ? null : value;
    }

    private static String shown(final JsonNode value) {
        return value == null ? "unset" : value.toString();
    }

    private static Iterator<String> fieldNames(final JsonNode model) {
        return model == null ? Collections.emptyIterator() : model.fieldNames();
    }

    /** The property names of schema pointers ({@code /properties/ApiId}). */
    private static List<String> names(final List<String> pointers) {
        return pointers.stream()
                .map(pointer -> JsonPointer.compile(pointer).tail().getMatchingProperty())
                .toList();
    }
}
