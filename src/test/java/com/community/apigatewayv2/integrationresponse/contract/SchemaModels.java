package com.community.apigatewayv2.integrationresponse.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Resource models generated from the resource schema itself: which properties there are, which are
 * required, their types, patterns, enums and map shapes are read from the schema, so a rule added
 * there reaches the generated models without a change here. A keyword this generator does not know
 * is refused, naming the property, rather than ignored.
 *
 * <p>Generated: every property the template sets, each optional one present or absent; the
 * read-only ones are the service's and the create-only ones are the parents (an API and an
 * integration), which the test supplies. Maps may be empty, strings without a pattern or enum may
 * be empty, values run up to {@value SchemaRegex#MAX_REPETITIONS} characters per repetition and
 * mix in non-ASCII text.
 */
final class SchemaModels {
    static final int MAX_MAP_ENTRIES = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STRING_KEYWORDS = Set.of("type", "description", "pattern", "enum");
    private static final Set<String> MAP_KEYWORDS =
            Set.of("type", "description", "patternProperties", "additionalProperties");
    private static final String REGEX_METACHARACTERS = "\\^$.|?*+()[]{}";

    /**
     * What the service asks beyond the schema. A key between slashes is a regular expression, and one
     * that does not compile ({@code /(/}) is a 400; a schema pattern cannot say "compiles". So a
     * generated key whose expression does not compile has its metacharacters escaped: still a match
     * of the schema's pattern, now a valid expression, and it shrinks with the value it came from.
     */
    private static final Map<String, UnaryOperator<String>> SERVICE_RULES =
            Map.of("IntegrationResponseKey", SchemaModels::compilingBetweenSlashes);

    private final Map<String, Arbitrary<Object>> values = new LinkedHashMap<>();
    private final Set<String> required = new HashSet<>();

    private SchemaModels(final JsonNode schema) {
        final Set<String> supplied = new HashSet<>();
        schema.path("readOnlyProperties").forEach(pointer -> supplied.add(propertyName(pointer)));
        schema.path("createOnlyProperties").forEach(pointer -> supplied.add(propertyName(pointer)));
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").properties().forEach(property -> {
            if (!supplied.contains(property.getKey())) {
                values.put(property.getKey(), valuesOf(property.getKey(), property.getValue()));
            }
        });
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the schema has no property a template sets");
        }
    }

    static SchemaModels from(final Path schemaFile) throws IOException {
        return new SchemaModels(JSON.readTree(schemaFile.toFile()));
    }

    /** The properties a template sets, in the schema's order. */
    List<String> properties() {
        return List.copyOf(values.keySet());
    }

    boolean isRequired(final String property) {
        return required.contains(property);
    }

    /** Any value the schema allows for the property. */
    Arbitrary<Object> valuesOf(final String property) {
        return values.get(property);
    }

    /** Models with each required property and each optional one present or absent. */
    Arbitrary<GeneratedModel> models() {
        final List<Arbitrary<Optional<Object>>> parts = new ArrayList<>();
        for (final String property : values.keySet()) {
            final Arbitrary<Optional<Object>> present = values.get(property).map(Optional::of);
            parts.add(
                    isRequired(property)
                            ? present
                            : Arbitraries.frequencyOf(
                                    Tuple.of(1, Arbitraries.just(Optional.empty())), Tuple.of(3, present)));
        }
        return Combinators.combine(parts).as(this::model);
    }

    /** What an update does to one property of the created model. */
    enum Step {
        KEEP,
        /** the value of an independently generated model, absent when it has none */
        REPLACE,
        /** leave it out (a required property is replaced instead) */
        DROP,
        /** remove some of a map's keys (a value that is not a non-empty map is kept) */
        FEWER_KEYS
    }

    /**
     * A model to create and the model to update it to: either another model generated on its own, or
     * the created one with each property kept, replaced, dropped or (a map) stripped of some keys.
     * The steps are generated as values, not by a flatMap over the created model, so a change is as
     * cheap to generate and to shrink as two models.
     */
    Arbitrary<Change> changes() {
        final Arbitrary<Step> step = Arbitraries.frequency(
                Tuple.of(3, Step.KEEP),
                Tuple.of(2, Step.REPLACE),
                Tuple.of(2, Step.DROP),
                Tuple.of(3, Step.FEWER_KEYS));
        final Arbitrary<List<Step>> steps = Arbitraries.frequencyOf(
                Tuple.of(
                        1,
                        Arbitraries.just(values.keySet().stream()
                                .map(name -> Step.REPLACE)
                                .toList())),
                Tuple.of(3, step.list().ofSize(values.size())));
        final Arbitrary<List<Boolean>> keptKeys =
                Arbitraries.of(true, false).list().ofSize(MAX_MAP_ENTRIES);
        return Combinators.combine(models(), models(), steps, keptKeys)
                .as((created, other, plan, kept) -> new Change(created, changed(created, other, plan, kept)));
    }

    private GeneratedModel changed(
            final GeneratedModel created, final GeneratedModel other, final List<Step> plan, final List<Boolean> kept) {
        final Map<String, Object> properties = new LinkedHashMap<>();
        final List<String> names = properties();
        for (int i = 0; i < names.size(); i++) {
            final String name = names.get(i);
            final Object current = created.properties().get(name);
            final Step step = plan.get(i) == Step.DROP && isRequired(name) ? Step.REPLACE : plan.get(i);
            final Object value = switch (step) {
                case KEEP -> current;
                case REPLACE -> other.properties().get(name);
                case DROP -> null;
                case FEWER_KEYS -> fewerKeys(current, kept);
            };
            if (value != null) {
                properties.put(name, value);
            }
        }
        return new GeneratedModel(properties);
    }

    /** The map without the entries (in key order) that {@code kept} marks false, and never whole. */
    private static Object fewerKeys(final Object current, final List<Boolean> kept) {
        if (!(current instanceof Map<?, ?> map) || map.isEmpty()) {
            return current;
        }
        final Map<Object, Object> fewer = new TreeMap<>();
        int index = 0;
        for (final Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
            if (index > 0 && kept.get(index)) {
                fewer.put(entry.getKey(), entry.getValue());
            }
            index++;
        }
        return fewer;
    }

    /** A model to create and the model to update it to. */
    record Change(GeneratedModel create, GeneratedModel update) {
        @Override
        public String toString() {
            return "CREATE " + create + " then UPDATE " + update;
        }
    }

    private GeneratedModel model(final List<Optional<Object>> parts) {
        final Map<String, Object> properties = new LinkedHashMap<>();
        final List<String> names = properties();
        for (int i = 0; i < names.size(); i++) {
            final String name = names.get(i);
            parts.get(i).ifPresent(value -> properties.put(name, value));
        }
        return new GeneratedModel(properties);
    }

    private static Arbitrary<Object> valuesOf(final String property, final JsonNode schema) {
        final String type = schema.path("type").asText();
        if ("string".equals(type)) {
            requireOnly(property, schema, STRING_KEYWORDS);
            final Arbitrary<String> strings = strings(property, schema);
            return strings.map(SERVICE_RULES.getOrDefault(property, UnaryOperator.identity())::apply)
                    .map(Object.class::cast);
        }
        if ("object".equals(type)) {
            requireOnly(property, schema, MAP_KEYWORDS);
            if (!schema.path("additionalProperties").isBoolean()
                    || schema.path("additionalProperties").asBoolean()) {
                throw new IllegalArgumentException(
                        property + ": only maps with additionalProperties false are generated");
            }
            final JsonNode patterns = schema.path("patternProperties");
            if (patterns.size() != 1) {
                throw new IllegalArgumentException(property + ": only maps with one key pattern are generated");
            }
            final Map.Entry<String, JsonNode> keyRule =
                    patterns.properties().iterator().next();
            final Arbitrary<String> keys = SchemaRegex.matching(keyRule.getKey());
            final Arbitrary<Object> mapValues = valuesOf(property + " values", keyRule.getValue());
            return Arbitraries.maps(keys, mapValues.map(String.class::cast))
                    .ofMaxSize(MAX_MAP_ENTRIES)
                    .map(map -> (Object) new TreeMap<>(map));
        }
        throw new IllegalArgumentException(property + ": the type '" + type + "' is not generated");
    }

    private static Arbitrary<String> strings(final String property, final JsonNode schema) {
        if (schema.has("enum")) {
            final List<String> choices = new ArrayList<>();
            schema.get("enum").forEach(choice -> choices.add(choice.asText()));
            return Arbitraries.of(choices);
        }
        if (schema.has("pattern")) {
            return SchemaRegex.matching(schema.get("pattern").asText());
        }
        return SchemaRegex.freeText();
    }

    private static void requireOnly(final String property, final JsonNode schema, final Set<String> known) {
        schema.fieldNames().forEachRemaining(keyword -> {
            if (!known.contains(keyword)) {
                throw new IllegalArgumentException(
                        property + ": the schema keyword '" + keyword + "' is not understood by the generator");
            }
        });
    }

    private static String propertyName(final JsonNode pointer) {
        final String text = pointer.asText();
        return text.substring(text.lastIndexOf('/') + 1);
    }

    static String compilingBetweenSlashes(final String key) {
        if (key.length() < 3 || !key.startsWith("/") || !key.endsWith("/")) {
            return key;
        }
        final String expression = key.substring(1, key.length() - 1);
        try {
            Pattern.compile(expression);
            return key;
        } catch (PatternSyntaxException e) {
            final StringBuilder escaped = new StringBuilder("/");
            expression.codePoints().forEach(codePoint -> {
                if (REGEX_METACHARACTERS.indexOf(codePoint) >= 0) {
                    escaped.append('\\');
                }
                escaped.appendCodePoint(codePoint);
            });
            return escaped.append('/').toString();
        }
    }

    /** One generated model: property name to a string or a string map, in the schema's order. */
    record GeneratedModel(Map<String, Object> properties) {
        /** The model as a template gives it, inside the parents {@code apiId} and {@code integrationId}. */
        ObjectNode json(final String apiId, final String integrationId) {
            final ObjectNode json = JSON.createObjectNode().put("ApiId", apiId).put("IntegrationId", integrationId);
            properties.forEach((name, value) -> json.set(name, JSON.valueToTree(value)));
            return json;
        }

        @Override
        public String toString() {
            return JSON.valueToTree(properties).toString();
        }
    }
}
