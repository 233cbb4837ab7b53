package com.community.apigatewayv2.integrationresponse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.community.apigatewayv2.integrationresponse.contract.SchemaModels.GeneratedModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.everit.json.schema.Schema;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;

/**
 * The generator behind {@link GeneratedModelContractTest}: what it makes is valid for the schema (by
 * the JSON Schema validator the RPDK runtime uses), covers the cases the contract suite is for, and what it cannot
 * read it refuses by name.
 */
class SchemaModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMA_FILE = Path.of("resource-schema.json");

    private final SchemaModels models;
    private final Schema schema;

    SchemaModelsTest() throws IOException {
        models = SchemaModels.from(SCHEMA_FILE);
        // compiled once; the runtime's Validator would compile it again for every model
        schema = SchemaLoader.builder()
                .schemaJson(new JSONObject(JSON.readTree(SCHEMA_FILE.toFile()).toString()))
                .draftV7Support()
                .build()
                .load()
                .build();
    }

    @Provide
    Arbitrary<GeneratedModel> generated() {
        return Combinators.combine(models.changes(), Arbitraries.of(true, false))
                .as((change, created) -> created ? change.create() : change.update());
    }

    @Property(tries = 500)
    void everyModelIsValidForTheSchemaAndCoversTheCasesThatMatter(@ForAll("generated") final GeneratedModel model) {
        final JSONObject json =
                new JSONObject(model.json("a1b2c3d4e5", "int1234").toString());
        assertThatCode(() -> schema.validate(json)).as(model.toString()).doesNotThrowAnyException();
        final String key = (String) model.properties().get("IntegrationResponseKey");
        if (!"$default".equals(key)) {
            assertThatCode(() -> Pattern.compile(key.substring(1, key.length() - 1)))
                    .as(key)
                    .doesNotThrowAnyException();
        }
        for (final String property : models.properties()) {
            Statistics.label(property).collect(model.properties().containsKey(property));
        }
        final List<Object> values = new ArrayList<>(model.properties().values());
        model.properties().values().stream()
                .filter(Map.class::isInstance)
                .forEach(map -> values.addAll(((Map<?, ?>) map).values()));
        Statistics.label("an empty map")
                .collect(values.stream().anyMatch(value -> value instanceof Map<?, ?> map && map.isEmpty()));
        Statistics.label("an empty string").collect(values.contains(""));
        Statistics.label("non-ASCII text").collect(model.toString().chars().anyMatch(c -> c > 0x7f));
        Statistics.label("a value of 100 characters or more")
                .collect(values.stream().anyMatch(value -> value.toString().length() >= 100));
        // what Python's re lets through and ECMA-262's '.' does not: the cfn CLI's suite generates these
        final String text = model.properties().toString();
        Statistics.label("a line terminator")
                .collect(text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029));
        Statistics.label("a character outside the Basic Multilingual Plane")
                .collect(text.codePoints().anyMatch(c -> c > 0xffff));
        Statistics.label("a key with a line terminator").collect(key.chars().anyMatch(c -> c == '\n' || c == '\r'));

        Statistics.label("an empty map").coverage(check -> check.check(true).percentage(p -> p > 5));
        Statistics.label("an empty string").coverage(check -> check.check(true).percentage(p -> p > 5));
        Statistics.label("non-ASCII text").coverage(check -> check.check(true).percentage(p -> p > 20));
        Statistics.label("a value of 100 characters or more")
                .coverage(check -> check.check(true).percentage(p -> p > 5));
        Statistics.label("a line terminator")
                .coverage(check -> check.check(true).percentage(p -> p > 5));
        Statistics.label("a character outside the Basic Multilingual Plane")
                .coverage(check -> check.check(true).percentage(p -> p > 5));
        Statistics.label("a key with a line terminator")
                .coverage(check -> check.check(true).percentage(p -> p > 5));
        for (final String property : models.properties()) {
            Statistics.label(property).coverage(check -> check.check(true).percentage(p -> p > 30));
            if (!models.isRequired(property)) {
                Statistics.label(property).coverage(check -> check.check(false).percentage(p -> p > 5));
            }
        }
    }

    @Property(tries = 300)
    void everySchemaPatternYieldsOnlyStringsItMatches(@ForAll("patternAndMatch") final String[] patternAndMatch) {
        assertThat(Pattern.compile(patternAndMatch[0])
                        .matcher(patternAndMatch[1])
                        .matches())
                .as("%s should match %s", patternAndMatch[1], patternAndMatch[0])
                .isTrue();
    }

    @Provide
    Arbitrary<String[]> patternAndMatch() throws IOException {
        final List<String> patterns = new ArrayList<>();
        collectPatterns(JSON.readTree(SCHEMA_FILE.toFile()).path("properties"), patterns);
        // the three identifiers share one pattern
        assertThat(patterns).hasSize(7);
        final List<Arbitrary<? extends String[]>> matches = new ArrayList<>();
        for (final String pattern : new java.util.TreeSet<>(patterns)) {
            matches.add(SchemaRegex.matching(pattern).map(match -> new String[] {pattern, match}));
        }
        return Arbitraries.oneOf(matches);
    }

    private static void collectPatterns(final JsonNode node, final List<String> patterns) {
        node.properties().forEach(field -> {
            if ("pattern".equals(field.getKey())) {
                patterns.add(field.getValue().asText());
            } else if ("patternProperties".equals(field.getKey())) {
                field.getValue().fieldNames().forEachRemaining(patterns::add);
            }
            if (field.getValue().isObject()) {
                collectPatterns(field.getValue(), patterns);
            }
        });
    }

    @Example
    void aKeyWhoseExpressionDoesNotCompileIsEscapedIntoOneThatDoes() {
        assertThat(SchemaModels.compilingBetweenSlashes("/(/")).isEqualTo("/\\(/");
        assertThat(SchemaModels.compilingBetweenSlashes("/a[b*/")).isEqualTo("/a\\[b\\*/");
        assertThat(SchemaModels.compilingBetweenSlashes("/4\\d\\d/")).isEqualTo("/4\\d\\d/");
        assertThat(SchemaModels.compilingBetweenSlashes("$default")).isEqualTo("$default");
    }

    @Example
    void aPatternConstructTheGeneratorDoesNotKnowIsRefusedByName() {
        assertThatThrownBy(() -> SchemaRegex.matching("^a{2}$"))
                .hasMessage("the schema pattern ^a{2}$ uses a counted quantifier '{' (at 2), "
                        + "which the model generator does not understand");
        assertThatThrownBy(() -> SchemaRegex.matching("\\d+"))
                .hasMessage("the schema pattern \\d+ uses the escape '\\d' (at 0), "
                        + "which the model generator does not understand");
        assertThatThrownBy(() -> SchemaRegex.matching("(?i)a"))
                .hasMessage("the schema pattern (?i)a uses a special group '(?' (at 0), "
                        + "which the model generator does not understand");
        assertThatThrownBy(() -> SchemaRegex.matching("^/.+/$"))
                .hasMessage("the schema pattern ^/.+/$ uses '.', which matches a different set of characters in "
                        + "each dialect (write [\\s\\S]) (at 2), which the model generator does not understand");
        assertThatThrownBy(() -> SchemaRegex.matching("a\\S+"))
                .hasMessage("the schema pattern a\\S+ uses the escape '\\S' (at 1), "
                        + "which the model generator does not understand");
        assertThatThrownBy(() -> SchemaRegex.matching("a)"))
                .hasMessage("the schema pattern a) uses an unbalanced ')' (at 1), "
                        + "which the model generator does not understand");
    }
}
