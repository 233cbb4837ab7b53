package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/README.md, laid out as {@code cfn generate} writes it, must say what the schema says. */
class DocsTest {
    private static final Pattern JSON_SYNTAX = Pattern.compile("^ {8}\"<a href=\"#(\\w+)\" title=\"(\\w+)\">(\\w+)</a>\" : <i>([^<]+)</i>,?$");
    private static final Pattern YAML_SYNTAX = Pattern.compile("^ {4}<a href=\"#(\\w+)\" title=\"(\\w+)\">(\\w+)</a>: <i>([^<]+)</i>$");
    private static final Pattern CODE = Pattern.compile("<code>([^<]+)</code>");

    private static JSONObject schema() throws IOException {
        return new JSONObject(Files.readString(Path.of("resource-schema.json")));
    }

    private static String docs() throws IOException {
        return Files.readString(Path.of("docs", "README.md"));
    }

    private static String section(final String markdown, final String start, final String end) {
        final int from = markdown.indexOf(start);
        if (from < 0) {
            return "";
        }
        final int to = end == null ? -1 : markdown.indexOf(end, from + start.length());
        return markdown.substring(from + start.length(), to < 0 ? markdown.length() : to);
    }

    /** Name to type, in order, from a syntax block. */
    private static Map<String, String> syntax(final String block, final Pattern line, final List<String> problems) {
        final Map<String, String> properties = new LinkedHashMap<>();
        for (final String text : block.split("\n")) {
            final Matcher matcher = line.matcher(text);
            if (matcher.matches()) {
                if (!matcher.group(1).equals(matcher.group(2).toLowerCase()) || !matcher.group(2).equals(matcher.group(3))) {
                    problems.add("syntax line links the wrong property: " + text);
                }
                properties.put(matcher.group(3), matcher.group(4));
            }
        }
        return properties;
    }

    /** The heading-4 sections of a part of the docs, by name. */
    private static Map<String, String> subsections(final String part) {
        final Map<String, String> sections = new LinkedHashMap<>();
        final String[] pieces = part.split("\n#### ");
        for (int i = 1; i < pieces.length; i++) {
            final int newline = pieces[i].indexOf('\n');
            sections.put(newline < 0 ? pieces[i].trim() : pieces[i].substring(0, newline).trim(),
                newline < 0 ? "" : pieces[i].substring(newline));
        }
        return sections;
    }

    private static String field(final String section, final String name) {
        final Matcher matcher = Pattern.compile("^_" + name + "_: (.*)$", Pattern.MULTILINE).matcher(section);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String docsType(final JSONObject property) {
        return switch (property.optString("type", "object")) {
            case "string" -> "String";
            case "integer" -> "Integer";
            case "number" -> "Double";
            case "boolean" -> "Boolean";
            case "object" -> "Map";
            default -> "List";
        };
    }

    private static List<String> names(final JSONArray pointers) {
        return pointers.toList().stream().map(p -> ((String) p).replace("/properties/", "")).toList();
    }

    /** Every way the docs disagree with the schema; empty when they agree. */
    static List<String> disagreements(final JSONObject schema, final String markdown) {
        final List<String> problems = new ArrayList<>();
        final JSONObject properties = schema.getJSONObject("properties");
        final List<String> required = names(schema.optJSONArray("required", new JSONArray()));
        final List<String> createOnly = names(schema.optJSONArray("createOnlyProperties", new JSONArray()));
        final List<String> readOnly = names(schema.optJSONArray("readOnlyProperties", new JSONArray()));
        final Map<String, String> writable = new LinkedHashMap<>();
        for (final String name : properties.keySet()) {
            if (!readOnly.contains(name)) {
                writable.put(name, docsType(properties.getJSONObject(name)));
            }
        }
        if (!markdown.startsWith("# " + schema.getString("typeName") + "\n")) {
            problems.add("the title is not the type name " + schema.getString("typeName"));
        }
        final String jsonBlock = section(markdown, "### JSON", "</pre>");
        if (!jsonBlock.contains("\"Type\" : \"" + schema.getString("typeName") + "\"")) {
            problems.add("JSON syntax names another type");
        }
        if (!section(markdown, "### YAML", "</pre>").contains("Type: " + schema.getString("typeName") + "\n")) {
            problems.add("YAML syntax names another type");
        }
        final Map<String, String> json = syntax(jsonBlock, JSON_SYNTAX, problems);
        final Map<String, String> yaml = syntax(section(markdown, "### YAML", "</pre>"), YAML_SYNTAX, problems);
        if (!json.equals(writable)) {
            problems.add("JSON syntax lists " + json + ", the schema's writable properties are " + writable);
        }
        if (!yaml.equals(writable)) {
            problems.add("YAML syntax lists " + yaml + ", the schema's writable properties are " + writable);
        }

        final Map<String, String> documented = subsections(section(markdown, "\n## Properties\n", "\n## Return Values"));
        if (!documented.keySet().equals(writable.keySet())) {
            problems.add("Properties documents " + documented.keySet() + ", the schema's writable properties are "
                + writable.keySet());
        }
        for (final Map.Entry<String, String> entry : documented.entrySet()) {
            final String name = entry.getKey();
            final String text = entry.getValue();
            if (!properties.has(name)) {
                continue;
            }
            final JSONObject property = properties.getJSONObject(name);
            final String requiredText = required.contains(name) ? "Yes" : "No";
            if (!requiredText.equals(field(text, "Required"))) {
                problems.add(name + ": Required should be " + requiredText);
            }
            if (!docsType(property).equals(field(text, "Type"))) {
                problems.add(name + ": Type should be " + docsType(property));
            }
            final List<String> allowed = new ArrayList<>();
            final String allowedText = field(text, "Allowed Values");
            if (allowedText != null) {
                final Matcher code = CODE.matcher(allowedText);
                while (code.find()) {
                    allowed.add(code.group(1));
                }
            }
            final List<Object> enumValues = property.has("enum") ? property.getJSONArray("enum").toList() : List.of();
            if (!allowed.equals(enumValues)) {
                problems.add(name + ": Allowed Values should be " + enumValues);
            }
            final String update = field(text, "Update requires");
            final String expected = createOnly.contains(name) ? "[Replacement]" : "[No interruption]";
            if (update == null || !update.startsWith(expected)) {
                problems.add(name + ": Update requires should be " + expected);
            }
            if (property.has("description") && !text.contains(property.getString("description"))) {
                problems.add(name + ": the description differs from the schema's");
            }
        }

        final String ref = section(markdown, "\n### Ref\n", "\n### ");
        for (final String part : names(schema.getJSONArray("primaryIdentifier"))) {
            if (!ref.contains(part)) {
                problems.add("Ref does not name the primary identifier's " + part);
            }
        }
        final Map<String, String> attributes = subsections(section(markdown, "\n### Fn::GetAtt\n", null));
        if (!attributes.keySet().equals(Set.copyOf(readOnly))) {
            problems.add("Fn::GetAtt documents " + attributes.keySet() + ", the read-only properties are " + readOnly);
        }
        return problems;
    }

    @Test
    void docsAgreeWithTheSchema() throws IOException {
        assertThat(disagreements(schema(), docs())).isEmpty();
    }

    static Stream<Arguments> schemaChanges() {
        return Stream.of(
            Arguments.of("a property the docs lack",
                (UnaryOperator<JSONObject>) s -> s.put("properties", s.getJSONObject("properties")
                    .put("Extra", new JSONObject().put("type", "string")))),
            Arguments.of("a documented property the schema lacks",
                (UnaryOperator<JSONObject>) s -> s.put("properties", removed(s.getJSONObject("properties"), "ResponseParameters"))),
            Arguments.of("another type",
                (UnaryOperator<JSONObject>) s -> s.put("properties", s.getJSONObject("properties")
                    .put("TemplateSelectionExpression", new JSONObject().put("type", "integer")))),
            Arguments.of("another required flag",
                (UnaryOperator<JSONObject>) s -> s.put("required", s.getJSONArray("required").put("ContentHandlingStrategy"))),
            Arguments.of("another update behaviour",
                (UnaryOperator<JSONObject>) s -> s.put("createOnlyProperties",
                    s.getJSONArray("createOnlyProperties").put("/properties/IntegrationResponseKey"))),
            Arguments.of("another read-only property",
                (UnaryOperator<JSONObject>) s -> s.put("readOnlyProperties",
                    s.getJSONArray("readOnlyProperties").put("/properties/TemplateSelectionExpression"))),
            Arguments.of("other allowed values",
                (UnaryOperator<JSONObject>) s -> {
                    s.getJSONObject("properties").getJSONObject("ContentHandlingStrategy").getJSONArray("enum").remove(1);
                    return s;
                }),
            Arguments.of("another primary identifier",
                (UnaryOperator<JSONObject>) s -> s.put("primaryIdentifier", new JSONArray().put("/properties/RouteId"))),
            Arguments.of("another type name",
                (UnaryOperator<JSONObject>) s -> s.put("typeName", "Acme::ApiGatewayV2::IntegrationResponse")));
    }

    private static JSONObject removed(final JSONObject object, final String key) {
        object.remove(key);
        return object;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaChanges")
    void anyDisagreementIsFound(final String change, final UnaryOperator<JSONObject> mutation) throws IOException {
        assertThat(disagreements(mutation.apply(schema()), docs())).as(change).isNotEmpty();
    }
}
