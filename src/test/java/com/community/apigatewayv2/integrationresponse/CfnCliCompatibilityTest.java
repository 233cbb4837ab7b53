package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.community.apigatewayv2.integrationresponse.model.TypeConfigurationModel;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.LambdaWrapper;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.ResourceHandlerTestPayload;
import software.amazon.cloudformation.resource.Serializer;

/**
 * What the cfn CLI reads from this project and what {@code cfn generate} writes back into it: the RPDK
 * dependency's version as the Java plugin reads it from pom.xml, the .rpdk-config the generator leaves as it is,
 * and the sam-tests events the TestEntrypoint takes.
 */
class CfnCliCompatibilityTest {
    static final String RPDK_ARTIFACT = "aws-cloudformation-rpdk-java-plugin";
    /** Below it {@code cfn generate} stops: "... is no longer supported". */
    static final String OLDEST_SUPPORTED = "2.0.0";
    /** From it {@code cfn generate} writes HandlerWrapperExecutable. */
    static final String OLDEST_WITH_EXECUTABLE = "2.0.3";

    static final String EXECUTABLE_ENTRYPOINT =
            "com.community.apigatewayv2.integrationresponse.HandlerWrapperExecutable";
    /** The keys, in order, cfn generate's {@code write_settings} gives a resource project's .rpdk-config. */
    static final List<String> RPDK_CONFIG_KEYS = List.of(
            "artifact_type",
            "typeName",
            "language",
            "runtime",
            "entrypoint",
            "testEntrypoint",
            "settings",
            "executableEntrypoint",
            "canarySettings");

    static final Set<String> PLACEHOLDERS = Set.of(
            "{{IntegrationResponseTestApiId}}",
            "{{IntegrationResponseTestIntegrationId}}",
            "{{IntegrationResponseTestIntegrationResponseId}}");
    private static final String RESPONSE_ID = "{{IntegrationResponseTestIntegrationResponseId}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Document pom() throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    }

    /** The children of an element with a local name, as ElementTree's {@code mvn:name} step finds them. */
    private static List<Element> children(final Element parent, final String name) {
        final List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(final Element parent, final String name) {
        final List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    /** The dependencies directly under {@code <project><dependencies>}: never dependencyManagement's. */
    private static List<Element> dependencies(final Document pom) {
        final List<Element> dependencies = new ArrayList<>();
        children(pom.getDocumentElement(), "dependencies").forEach(d -> dependencies.addAll(children(d, "dependency")));
        return dependencies;
    }

    /** The index of the dependency the Java plugin reads: the first whose artifactId is the runtime's. */
    private static int rpdkDependencyIndex(final Document pom) {
        final List<Element> dependencies = dependencies(pom);
        for (int i = 0; i < dependencies.size(); i++) {
            if (RPDK_ARTIFACT.equals(text(dependencies.get(i), "artifactId"))) {
                return i;
            }
        }
        return -1;
    }

    /** The version text as the Java plugin reads it (untrimmed), or null when the dependency or its version is missing. */
    static String rpdkVersionAsCfnReadsIt(final Document pom) {
        final int index = rpdkDependencyIndex(pom);
        return index < 0 ? null : text(dependencies(pom).get(index), "version");
    }

    /** The Java plugin compares the version text with "2.0.0" as Python compares strings: character by character. */
    static boolean cfnGenerateAccepts(final String version) {
        return version != null && version.compareTo(OLDEST_SUPPORTED) >= 0;
    }

    @Test
    void theJavaPluginsComparisonRefusesAPropertyAndAcceptsAVersion() {
        assertThat(cfnGenerateAccepts("${rpdk.version}")).isFalse();
        assertThat(cfnGenerateAccepts(" 2.2.5")).isFalse();
        assertThat(cfnGenerateAccepts("1.0.5")).isFalse();
        assertThat(cfnGenerateAccepts(null)).isFalse();
        assertThat(cfnGenerateAccepts("2.0.0")).isTrue();
        assertThat(cfnGenerateAccepts("2.2.5")).isTrue();
    }

    @Test
    void theRpdkDependencyCarriesALiteralVersionCfnGenerateAccepts() throws Exception {
        final String version = rpdkVersionAsCfnReadsIt(pom());
        assertThat(version)
                .as("the version under <project><dependencies> that cfn generate reads")
                .isNotNull()
                .doesNotContain("${")
                .isEqualTo(version.strip());
        assertThat(cfnGenerateAccepts(version))
                .as(version + " >= " + OLDEST_SUPPORTED)
                .isTrue();
        assertThat(version.compareTo(OLDEST_WITH_EXECUTABLE))
                .as(version + " >= " + OLDEST_WITH_EXECUTABLE)
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void theVersionCfnGenerateReadsIsTheRuntimeTheHandlerIsBuiltWith() throws Exception {
        final Properties built = new Properties();
        try (InputStream in = LambdaWrapper.class.getResourceAsStream(
                "/META-INF/maven/software.amazon.cloudformation/" + RPDK_ARTIFACT + "/pom.properties")) {
            assertThat(in)
                    .as("the RPDK runtime's pom.properties on the classpath")
                    .isNotNull();
            built.load(in);
        }
        assertEquals(built.getProperty("version"), rpdkVersionAsCfnReadsIt(pom()));
    }

    @Test
    void rpdkVersionIsReadFromTheDependencySoTheVersionIsWrittenOnce() throws Exception {
        final Document pom = pom();
        final List<Element> properties = children(pom.getDocumentElement(), "properties");
        assertThat(properties).hasSize(1);
        assertEquals(
                "${project.dependencies[" + rpdkDependencyIndex(pom) + "].version}",
                text(properties.get(0), "rpdk.version"));
    }

    @Test
    void rpdkConfigIsWhatCfnGenerateWrites() throws IOException {
        final String text = Files.readString(Path.of(".rpdk-config"));
        final JsonNode config = JSON.readTree(text);
        final List<String> keys = new ArrayList<>();
        config.fieldNames().forEachRemaining(keys::add);
        assertEquals(RPDK_CONFIG_KEYS, keys);
        final List<String> namespace = new ArrayList<>();
        config.get("settings").get("namespace").forEach(part -> namespace.add(part.asText()));
        assertEquals(EXECUTABLE_ENTRYPOINT, String.join(".", namespace) + ".HandlerWrapperExecutable");
        assertEquals(EXECUTABLE_ENTRYPOINT, config.get("executableEntrypoint").asText());
        // an empty object: cfn generate writes no canary templates
        assertThat(config.get("canarySettings").isObject()).isTrue();
        assertThat(config.get("canarySettings").size()).isZero();
        assertEquals("RESOURCE", config.get("artifact_type").asText());
        // byte for byte what Python's json.dump(..., indent=4) and a newline write
        assertEquals(PythonJson.dump(config) + "\n", text);
    }

    @Test
    void pythonJsonWritesAsPythonDoes() throws IOException {
        assertEquals(
                "{\n    \"a\": [\n        1,\n        true,\n        null\n    ],\n    \"b\": {},\n    \"c\": [],\n"
                        + "    \"d\": \"\\\"\\\\/\\n\\u00e9\\u0001\"\n}",
                PythonJson.dump(JSON.readTree(
                        "{\"a\": [1, true, null], \"b\": {}, \"c\": [], \"d\": \"\\\"\\\\/\\n\u00e9\\u0001\"}")));
    }

    private static JsonNode withResponseId(final JsonNode model) {
        final ObjectNode withId = JSON.createObjectNode();
        model.properties().forEach(field -> {
            withId.set(field.getKey(), field.getValue());
            if ("IntegrationId".equals(field.getKey())) {
                withId.put("IntegrationResponseId", RESPONSE_ID);
            }
        });
        return withId;
    }

    private static JsonNode read(final String file) throws IOException {
        return JSON.readTree(Path.of(file).toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "read", "update", "delete", "list"})
    void samTestsEventsAreTestEntrypointPayloads(final String action) throws IOException {
        final Path file = Path.of("sam-tests", action + ".json");
        final String text = Files.readString(file);
        // strict: a field ResourceHandlerTestPayload or ResourceHandlerRequest lacks fails here
        final ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel> payload =
                new Serializer(true)
                        .deserialize(
                                text,
                                new TypeReference<
                                        ResourceHandlerTestPayload<
                                                ResourceModel, CallbackContext, TypeConfigurationModel>>() {});
        assertEquals(Action.valueOf(action.toUpperCase(Locale.ROOT)), payload.getAction());
        assertThat(payload.getCredentials()).isNotNull();
        assertThat(payload.getCallbackContext()).isNull();
        final ResourceHandlerRequest<ResourceModel> request = payload.getRequest();
        assertThat(UUID.fromString(request.getClientRequestToken())).isNotNull();
        assertThat(request.getLogicalResourceIdentifier()).isNotBlank();
        assertThat(request.getRegion())
                .as("the handler needs a region: ResourceHandlerRequest.region")
                .isNotBlank();
        assertThat(request.getPreviousResourceState() != null)
                .as("previousResourceState")
                .isEqualTo("update".equals(action));

        final Matcher placeholder = Pattern.compile("\\{\\{[^}]*}}").matcher(text);
        final Set<String> used = new TreeSet<>();
        while (placeholder.find()) {
            used.add(placeholder.group());
        }
        assertThat(PLACEHOLDERS).containsAll(used);

        final JsonNode create = read("inputs/inputs_1_create.json");
        final JsonNode requestJson = JSON.readTree(text).get("request");
        final JsonNode desired = requestJson.get("desiredResourceState");
        final ObjectNode parents = JSON.createObjectNode()
                .setAll(Map.of("ApiId", create.get("ApiId"), "IntegrationId", create.get("IntegrationId")));
        switch (action) {
            case "create" -> assertEquals(create, desired);
            case "read" -> assertEquals(parents.deepCopy().put("IntegrationResponseId", RESPONSE_ID), desired);
            case "update" -> {
                assertEquals(withResponseId(read("inputs/inputs_1_update.json")), desired);
                assertEquals(withResponseId(create), requestJson.get("previousResourceState"));
            }
            case "delete" -> assertEquals(withResponseId(create), desired);
            default -> assertEquals(parents, desired);
        }
    }

    /** JSON as Python's {@code json.dumps(value, indent=4)} writes it (ensure_ascii, ", " and ": " separators). */
    static final class PythonJson {
        private PythonJson() {}

        static String dump(final JsonNode node) {
            final StringBuilder out = new StringBuilder();
            write(node, "", out);
            return out.toString();
        }

        private static void write(final JsonNode node, final String indent, final StringBuilder out) {
            if ((node.isObject() || node.isArray()) && node.size() == 0) {
                out.append(node.isObject() ? "{}" : "[]");
            } else if (node.isObject() || node.isArray()) {
                final String inner = indent + "    ";
                out.append(node.isObject() ? "{\n" : "[\n");
                final List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                for (int i = 0; i < node.size(); i++) {
                    out.append(inner);
                    if (node.isObject()) {
                        string(names.get(i), out);
                        out.append(": ");
                    }
                    write(node.isObject() ? node.get(names.get(i)) : node.get(i), inner, out);
                    out.append(i < node.size() - 1 ? ",\n" : "\n");
                }
                out.append(indent).append(node.isObject() ? '}' : ']');
            } else if (node.isTextual()) {
                string(node.asText(), out);
            } else {
                out.append(node.toString());
            }
        }

        private static void string(final String value, final StringBuilder out) {
            out.append('"');
            for (final char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            out.append('"');
        }
    }
}
