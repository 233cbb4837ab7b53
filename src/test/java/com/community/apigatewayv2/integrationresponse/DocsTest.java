package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/ is what {@code cfn generate} (cloudformation-cli 0.2.39, {@code Project.generate_docs}) writes for
 * resource-schema.json: README.md lists the writable properties in schema order, a map property whose keys the
 * schema describes gets a page of its own ({@code docs/<name>.md}) and its type links there, the read-only
 * properties are the {@code Fn::GetAtt} attributes, and there is a {@code Ref} section only when the primary
 * identifier is a single property. Every expected value here comes from the schema, never from the docs.
 */
class DocsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_SYNTAX =
            Pattern.compile("^ +\"<a href=\"#([^\"]*)\" title=\"([^\"]*)\">([^<]*)</a>\" : <i>(.*)</i>(,?)$");
    private static final Pattern YAML_SYNTAX =
            Pattern.compile("^ *<a href=\"#([^\"]*)\" title=\"([^\"]*)\">([^<]*)</a>: <i>(.*)</i>$");
    private static final Pattern CODE = Pattern.compile("<code>([^<]+)</code>");
    /** The first characters after which the generator escapes a sub-page heading with a backslash. */
    private static final String MARKDOWN_RESERVED = "^*+.([{#";

    /** One property as a page documents it. */
    private record Entry(
            String name,
            String type,
            boolean required,
            boolean createOnly,
            boolean readOnly,
            boolean lastInObject,
            String description,
            List<String> allowedValues,
            /* minLength, maxLength and pattern, where the schema states them: cfn generate shows each */
            Map<String, String> limits) {}

    /** One file of docs/: its title line, the object's description and the object's properties. */
    private record Page(String title, String description, List<Entry> entries, boolean escapedHeadings) {}

    static JsonNode schema() throws IOException {
        return JSON.readTree(Path.of("resource-schema.json").toFile());
    }

    /** Every file of docs/, by name. */
    static Map<String, String> docs() throws IOException {
        final Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(Path.of("docs"))) {
            for (final Path file : listing.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static List<String> names(final JsonNode object) {
        final List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> strings(final JsonNode array) {
        final Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The keys an object property declares: its properties, else its pattern properties. */
    private static JsonNode keys(final JsonNode object) {
        final JsonNode properties = object.path("properties");
        return properties.size() > 0 ? properties : object.path("patternProperties");
    }

    private static String pointer(final List<String> path) {
        final StringBuilder pointer = new StringBuilder("/properties");
        path.forEach(part -> pointer.append('/').append(part.replace("~", "~0").replace("/", "~1")));
        return pointer.toString();
    }

    private static String heading(final String name, final boolean escaped) {
        return escaped && !name.isEmpty() && MARKDOWN_RESERVED.indexOf(name.charAt(0)) >= 0 ? "\\" + name : name;
    }

    /**
     * The pages the schema makes the generator write, by file name. Schema features this test does not know
     * how the generator documents (arrays, $ref, combiners, several types) are reported, not guessed.
     */
    static Map<String, Page> expectedPages(final JsonNode schema, final List<String> problems) {
        final Map<String, Page> pages = new LinkedHashMap<>();
        final String typeName = schema.path("typeName").asText();
        final List<Entry> entries = entries(schema, typeName, List.of(), pages, problems);
        pages.put(
                "README.md",
                new Page("# " + typeName, schema.path("description").asText(null), entries, false));
        return pages;
    }

    private static List<Entry> entries(
            final JsonNode schema,
            final String typeName,
            final List<String> path,
            final Map<String, Page> pages,
            final List<String> problems) {
        final JsonNode object = path.isEmpty() ? schema : propertyAt(schema, path);
        final JsonNode properties = keys(object);
        final Set<String> required = strings(object.path("required"));
        final Set<String> createOnly = strings(schema.path("createOnlyProperties"));
        final Set<String> readOnly = strings(schema.path("readOnlyProperties"));
        final List<String> names = names(properties);
        final List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            final List<String> propertyPath = new ArrayList<>(path);
            propertyPath.add(names.get(i));
            final JsonNode property = properties.get(names.get(i));
            final List<String> allowed = new ArrayList<>();
            property.path("enum").forEach(value -> allowed.add(value.asText()));
            entries.add(new Entry(
                    names.get(i),
                    type(schema, typeName, propertyPath, pages, problems),
                    required.contains(names.get(i)),
                    createOnly.contains(pointer(propertyPath)),
                    readOnly.contains(pointer(propertyPath)),
                    i == names.size() - 1,
                    property.path("description").asText(null),
                    allowed,
                    limits(property)));
        }
        return entries;
    }

    /** What cfn generate's template shows of a property's limits: each one it tests as truthy. */
    private static Map<String, String> limits(final JsonNode property) {
        final Map<String, String> limits = new java.util.TreeMap<>();
        for (final String name : List.of("minLength", "maxLength", "pattern")) {
            final JsonNode value = property.path(name);
            if (!value.isMissingNode()
                    && !"0".equals(value.asText())
                    && !value.asText().isEmpty()) {
                limits.put(name, value.asText());
            }
        }
        return limits;
    }

    private static JsonNode propertyAt(final JsonNode schema, final List<String> path) {
        JsonNode node = schema;
        for (final String name : path) {
            node = keys(node).path(name);
        }
        return node;
    }

    /** The type a page writes for a property; a map whose keys the schema describes also gets its page. */
    private static String type(
            final JsonNode schema,
            final String typeName,
            final List<String> path,
            final Map<String, Page> pages,
            final List<String> problems) {
        final JsonNode property = propertyAt(schema, path);
        final String name = path.get(path.size() - 1);
        if (property.has("$ref")
                || property.has("oneOf")
                || property.has("anyOf")
                || property.has("allOf")
                || property.path("type").isArray()) {
            problems.add(name + ": DocsTest does not know how cfn generate documents $ref, combiners or several types");
            return null;
        }
        switch (property.path("type").asText("object")) {
            case "string":
                return "String";
            case "integer":
                return "Integer";
            case "number":
                return "Double";
            case "boolean":
                return "Boolean";
            case "object":
                if (keys(property).size() == 0) {
                    return "Map";
                }
                final String file = String.join("-", path).toLowerCase(Locale.ROOT) + ".md";
                pages.put(
                        file,
                        new Page(
                                "# " + typeName + " " + String.join(" ", path),
                                property.path("description").asText(null),
                                entries(schema, typeName, path, pages, problems),
                                true));
                return "<a href=\"" + file + "\">" + name + "</a>";
            default:
                problems.add(name + ": DocsTest does not know how cfn generate documents the type "
                        + property.path("type").asText());
                return null;
        }
    }

    private static String section(final String markdown, final String start, final String end) {
        final int from = markdown.indexOf(start);
        if (from < 0) {
            return "";
        }
        final int to = end == null ? -1 : markdown.indexOf(end, from + start.length());
        return markdown.substring(from + start.length(), to < 0 ? markdown.length() : to);
    }

    /** The syntax lines of a block, each as name, type and (JSON only) the comma after it. */
    private static List<String> syntax(
            final String file, final String block, final Pattern line, final List<String> problems) {
        final List<String> properties = new ArrayList<>();
        for (final String text : block.split("\n")) {
            final Matcher matcher = line.matcher(text);
            if (matcher.matches()) {
                if (!matcher.group(1).equals(matcher.group(3).toLowerCase(Locale.ROOT))
                        || !matcher.group(2).equals(matcher.group(3))) {
                    problems.add(file + ": a syntax line links the wrong property: " + text);
                }
                properties.add(matcher.group(3) + " : " + matcher.group(4)
                        + (matcher.groupCount() > 4 ? matcher.group(5) : ""));
            }
        }
        return properties;
    }

    /** The heading-4 sections of a part of a page, by heading. */
    private static Map<String, String> subsections(final String part) {
        final Map<String, String> sections = new LinkedHashMap<>();
        final String[] pieces = part.split("\n#### ");
        for (int i = 1; i < pieces.length; i++) {
            final int newline = pieces[i].indexOf('\n');
            sections.put(
                    newline < 0
                            ? pieces[i].trim()
                            : pieces[i].substring(0, newline).trim(),
                    newline < 0 ? "" : pieces[i].substring(newline));
        }
        return sections;
    }

    private static String field(final String section, final String name) {
        final Matcher matcher =
                Pattern.compile("^_" + name + "_: (.*)$", Pattern.MULTILINE).matcher(section);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static void comparePage(
            final String file, final String markdown, final Page page, final List<String> problems) {
        if (!markdown.startsWith(page.title() + "\n")) {
            problems.add(file + ": the title should be " + page.title());
        }
        if (page.description() != null && !markdown.startsWith(page.title() + "\n\n" + page.description() + "\n")) {
            problems.add(file + ": the description under the title differs from the schema's");
        }
        final List<Entry> writable =
                page.entries().stream().filter(e -> !e.readOnly()).toList();
        final List<String> json = writable.stream()
                .map(e -> e.name() + " : " + e.type() + (e.lastInObject() ? "" : ","))
                .toList();
        final List<String> parsedJson =
                syntax(file, section(markdown, "\n### JSON\n", "</pre>"), JSON_SYNTAX, problems);
        if (!parsedJson.equals(json)) {
            problems.add(file + ": JSON syntax lists " + parsedJson + ", the schema says " + json);
        }
        final List<String> yaml =
                writable.stream().map(e -> e.name() + " : " + e.type()).toList();
        final List<String> parsedYaml =
                syntax(file, section(markdown, "\n### YAML\n", "</pre>"), YAML_SYNTAX, problems);
        if (!parsedYaml.equals(yaml)) {
            problems.add(file + ": YAML syntax lists " + parsedYaml + ", the schema says " + yaml);
        }

        final Map<String, String> documented =
                subsections(section(markdown, "\n## Properties\n", "\n## Return Values"));
        final List<String> headings = writable.stream()
                .map(e -> heading(e.name(), page.escapedHeadings()))
                .toList();
        if (!List.copyOf(documented.keySet()).equals(headings)) {
            problems.add(file + ": Properties documents " + documented.keySet() + ", the schema says " + headings);
        }
        for (final Entry entry : writable) {
            final String text = documented.get(heading(entry.name(), page.escapedHeadings()));
            if (text == null) {
                continue;
            }
            final String where = file + ": " + entry.name();
            if (!(entry.required() ? "Yes" : "No").equals(field(text, "Required"))) {
                problems.add(where + ": Required should be " + (entry.required() ? "Yes" : "No"));
            }
            if (!String.valueOf(entry.type()).equals(field(text, "Type"))) {
                problems.add(where + ": Type should be " + entry.type());
            }
            final List<String> allowed = new ArrayList<>();
            final String allowedText = field(text, "Allowed Values");
            if (allowedText != null) {
                final Matcher code = CODE.matcher(allowedText);
                while (code.find()) {
                    allowed.add(code.group(1));
                }
            }
            if (!allowed.equals(entry.allowedValues())) {
                problems.add(where + ": Allowed Values should be " + entry.allowedValues());
            }
            for (final String[] limit : new String[][] {
                {"Minimum Length", "minLength"}, {"Maximum Length", "maxLength"}, {"Pattern", "pattern"}
            }) {
                final String shown = field(text, limit[0]);
                final String stated = entry.limits().get(limit[1]);
                if (!java.util.Objects.equals(stated == null ? null : "<code>" + stated + "</code>", shown)) {
                    problems.add(where + ": " + limit[0] + " should be " + (stated == null ? "absent" : stated));
                }
            }
            final String update = field(text, "Update requires");
            final String expected = entry.createOnly() ? "[Replacement]" : "[No interruption]";
            if (update == null || !update.startsWith(expected)) {
                problems.add(where + ": Update requires should be " + expected);
            }
            if (entry.description() != null && !text.startsWith("\n\n" + entry.description() + "\n")) {
                problems.add(where + ": the description differs from the schema's");
            }
        }
    }

    /** The Return Values of README.md: a Ref section only for a one-property identifier, GetAtt for the read-only properties. */
    private static void compareReturnValues(final JsonNode schema, final String readme, final List<String> problems) {
        final JsonNode identifier = schema.path("primaryIdentifier");
        final String ref = identifier.size() == 1 ? identifier.get(0).asText().replaceFirst("^/properties/", "") : null;
        final List<String> readOnly = strings(schema.path("readOnlyProperties")).stream()
                .map(p -> p.substring(p.lastIndexOf('/') + 1))
                .toList();
        final String returnValues = section(readme, "\n## Return Values\n", null);
        if (readme.contains("\n## Return Values\n") != (ref != null || !readOnly.isEmpty())) {
            problems.add("README.md: a Return Values section belongs there only when there is a Ref or an attribute");
        }
        final String refSection = section(returnValues, "\n### Ref\n", "\n### ");
        if (ref == null && returnValues.contains("\n### Ref\n")) {
            problems.add("README.md: cfn generate writes no Ref section for a primary identifier of "
                    + identifier.size() + " properties");
        }
        if (ref != null && !refSection.contains("Ref returns the " + ref + ".")) {
            problems.add("README.md: Ref should return the " + ref);
        }
        final Map<String, String> attributes = subsections(section(returnValues, "\n### Fn::GetAtt\n", null));
        if (!List.copyOf(attributes.keySet()).equals(readOnly)) {
            problems.add("README.md: Fn::GetAtt documents " + attributes.keySet() + ", the read-only properties are "
                    + readOnly);
        }
        for (final String name : readOnly) {
            final String text = attributes.get(name);
            final String description = schema.path("properties")
                    .path(name)
                    .path("description")
                    .asText("Returns the <code>" + name + "</code> value.");
            if (text != null && !text.startsWith("\n\n" + description + "\n")) {
                problems.add("README.md: Fn::GetAtt " + name + " should say " + description);
            }
        }
    }

    /** Every way docs/ disagrees with what cfn generate writes for the schema; empty when they agree. */
    static List<String> disagreements(final JsonNode schema, final Map<String, String> docs) {
        final List<String> problems = new ArrayList<>();
        final Map<String, Page> pages = expectedPages(schema, problems);
        if (!new TreeSet<>(docs.keySet()).equals(new TreeSet<>(pages.keySet()))) {
            problems.add("docs/ holds " + new TreeSet<>(docs.keySet()) + ", cfn generate writes "
                    + new TreeSet<>(pages.keySet()));
        }
        for (final Map.Entry<String, Page> page : pages.entrySet()) {
            if (docs.containsKey(page.getKey())) {
                comparePage(page.getKey(), docs.get(page.getKey()), page.getValue(), problems);
            }
        }
        compareReturnValues(schema, docs.getOrDefault("README.md", ""), problems);
        return problems;
    }

    @Test
    void docsAreWhatCfnGenerateWritesForTheSchema() throws IOException {
        assertThat(disagreements(schema(), docs())).isEmpty();
    }

    @Test
    void eachMapPropertyOfTheSchemaHasItsPage() throws IOException {
        assertThat(docs()).containsOnlyKeys("README.md", "responseparameters.md", "responsetemplates.md");
        assertThat(docs().get("README.md"))
                .contains("<i><a href=\"responseparameters.md\">ResponseParameters</a></i>")
                .doesNotContain("### Ref");
    }

    private static ObjectNode properties(final JsonNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static ArrayNode array(final JsonNode schema, final String name) {
        return (ArrayNode) schema.get(name);
    }

    private static ObjectNode mapOfStrings() {
        final ObjectNode map = JsonNodeFactory.instance.objectNode().put("type", "object");
        map.putObject("patternProperties").putObject("^.+$").put("type", "string");
        return map.put("additionalProperties", false);
    }

    static Stream<Arguments> schemaChanges() {
        return Stream.of(
                Arguments.of("a property the docs lack", (UnaryOperator<JsonNode>) s -> properties(s)
                        .set("Extra", JsonNodeFactory.instance.objectNode().put("type", "string"))),
                Arguments.of("a documented property the schema lacks", (UnaryOperator<JsonNode>)
                        s -> properties(s).without("TemplateSelectionExpression")),
                Arguments.of("a documented map property the schema lacks", (UnaryOperator<JsonNode>)
                        s -> properties(s).without("ResponseParameters")),
                Arguments.of("another type", (UnaryOperator<JsonNode>)
                        s -> ((ObjectNode) properties(s).get("TemplateSelectionExpression")).put("type", "integer")),
                Arguments.of("another description", (UnaryOperator<JsonNode>)
                        s -> ((ObjectNode) properties(s).get("ApiId")).put("description", "The API.")),
                Arguments.of("another order", (UnaryOperator<JsonNode>) s -> {
                    final JsonNode apiId = properties(s).remove("ApiId");
                    final ObjectNode reordered =
                            JsonNodeFactory.instance.objectNode().set("ApiId", apiId);
                    reordered.setAll(properties(s));
                    return ((ObjectNode) s).set("properties", reordered);
                }),
                Arguments.of("another required flag", (UnaryOperator<JsonNode>)
                        s -> array(s, "required").add("ContentHandlingStrategy")),
                Arguments.of("another update behaviour", (UnaryOperator<JsonNode>)
                        s -> array(s, "createOnlyProperties").add("/properties/IntegrationResponseKey")),
                Arguments.of("another read-only property", (UnaryOperator<JsonNode>)
                        s -> array(s, "readOnlyProperties").add("/properties/TemplateSelectionExpression")),
                Arguments.of("another pattern", (UnaryOperator<JsonNode>)
                        s -> ((ObjectNode) properties(s).get("ApiId")).put("pattern", "^[a-z0-9]+$")),
                Arguments.of("another maximum length", (UnaryOperator<JsonNode>)
                        s -> ((ObjectNode) properties(s).get("IntegrationId")).put("maxLength", 10)),
                Arguments.of("a minimum length the docs lack", (UnaryOperator<JsonNode>)
                        s -> ((ObjectNode) properties(s).get("TemplateSelectionExpression")).put("minLength", 1)),
                Arguments.of("no pattern", (UnaryOperator<JsonNode>) s -> {
                    ((ObjectNode) properties(s).get("IntegrationResponseKey")).remove("pattern");
                    return s;
                }),
                Arguments.of("other allowed values", (UnaryOperator<JsonNode>)
                        s -> array(properties(s).get("ContentHandlingStrategy"), "enum")
                                .remove(1)),
                Arguments.of("a primary identifier of one property, which has a Ref section", (UnaryOperator<JsonNode>)
                        s -> ((ObjectNode) s)
                                .set(
                                        "primaryIdentifier",
                                        JsonNodeFactory.instance.arrayNode().add("/properties/IntegrationResponseId"))),
                Arguments.of("another type name", (UnaryOperator<JsonNode>)
                        s -> ((ObjectNode) s).put("typeName", "Acme::ApiGatewayV2::IntegrationResponse")),
                Arguments.of("a map property without described keys, which has no page", (UnaryOperator<JsonNode>)
                        s -> ((ObjectNode) properties(s).get("ResponseTemplates")).without("patternProperties")),
                Arguments.of("a new map property, whose page is missing", (UnaryOperator<JsonNode>)
                        s -> properties(s).set("StageVariables", mapOfStrings())),
                Arguments.of("another key pattern of a map property", (UnaryOperator<JsonNode>) s -> {
                    final ObjectNode keys =
                            (ObjectNode) properties(s).get("ResponseParameters").get("patternProperties");
                    keys.set("^method\\.response\\.header\\..+$", keys.remove("^.+$"));
                    return s;
                }),
                Arguments.of("a list property, which DocsTest does not know", (UnaryOperator<JsonNode>) s -> properties(
                                s)
                        .set("Tags", JsonNodeFactory.instance.objectNode().put("type", "array"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaChanges")
    void anySchemaChangeTheDocsMissIsFound(final String change, final UnaryOperator<JsonNode> mutation)
            throws IOException {
        final JsonNode schema = schema();
        mutation.apply(schema);
        assertThat(disagreements(schema, docs())).as(change).isNotEmpty();
    }

    static Stream<Arguments> docsChanges() {
        return Stream.of(
                Arguments.of("a map property's page is missing", (UnaryOperator<Map<String, String>>) d -> {
                    d.remove("responsetemplates.md");
                    return d;
                }),
                Arguments.of("a page cfn generate would delete", (UnaryOperator<Map<String, String>>) d -> {
                    d.put("integrationresponsekey.md", "# stale\n");
                    return d;
                }),
                Arguments.of("a map typed Map instead of linking its page", (UnaryOperator<Map<String, String>>) d -> {
                    d.put(
                            "README.md",
                            d.get("README.md")
                                    .replace("<a href=\"responseparameters.md\">ResponseParameters</a>", "Map"));
                    return d;
                }),
                Arguments.of("a Ref section cfn generate does not write", (UnaryOperator<Map<String, String>>) d -> {
                    d.put(
                            "README.md",
                            d.get("README.md")
                                    .replace(
                                            "\n### Fn::GetAtt\n",
                                            "\n### Ref\n\nRef returns the primary identifier.\n\n### Fn::GetAtt\n"));
                    return d;
                }),
                Arguments.of("a page's key heading not escaped", (UnaryOperator<Map<String, String>>) d -> {
                    d.put(
                            "responsetemplates.md",
                            d.get("responsetemplates.md").replace("#### \\^[\\s\\S]+$", "#### ^[\\s\\S]+$"));
                    return d;
                }),
                Arguments.of("a page titled with another type name", (UnaryOperator<Map<String, String>>) d -> {
                    d.put(
                            "responseparameters.md",
                            d.get("responseparameters.md").replaceFirst("^# Community::", "# Acme::"));
                    return d;
                }),
                Arguments.of("a comma after the last syntax line", (UnaryOperator<Map<String, String>>) d -> {
                    d.put(
                            "README.md",
                            d.get("README.md")
                                    .replace(">ApiId</a>\" : <i>String</i>\n", ">ApiId</a>\" : <i>String</i>,\n"));
                    return d;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("docsChanges")
    void anyDocsChangeCfnGenerateWouldUndoIsFound(
            final String change, final UnaryOperator<Map<String, String>> mutation) throws IOException {
        final Map<String, String> docs = mutation.apply(docs());
        assertThat(disagreements(schema(), docs)).as(change).isNotEmpty();
    }
}
