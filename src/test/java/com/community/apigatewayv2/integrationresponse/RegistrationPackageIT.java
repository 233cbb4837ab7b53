package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.model.Configuration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registration package this build wrote, entry by entry, against what the cfn CLI's dry run of
 * {@code cfn submit} writes. Runs in the integration-test phase, after package has written it.
 */
class RegistrationPackageIT {
    private static final String TYPE_NAME = System.getProperty("type.name");
    private static final String HYPHENATED = System.getProperty("type.hyphenated");
    private static final String JAR = System.getProperty("handler.jar");
    private static ZipFile zip;

    @BeforeAll
    static void open() throws IOException {
        zip = new ZipFile(Path.of("target", HYPHENATED + ".zip").toFile());
    }

    @AfterAll
    static void close() throws IOException {
        zip.close();
    }

    private static List<String> filesUnder(final String dir) throws IOException {
        if (!Files.isDirectory(Path.of(dir))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(Path.of(dir))) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.toString().replace('\\', '/'))
                    .toList();
        }
    }

    private static byte[] entry(final String name) throws IOException {
        final ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static JSONObject json(final String name) throws IOException {
        return new JSONObject(new String(entry(name), StandardCharsets.UTF_8));
    }

    @Test
    void holdsExactlyWhatTheCfnCliPackages() throws IOException {
        final Set<String> expected =
                new TreeSet<>(List.of(".rpdk-config", "schema.json", ".cfn_metadata.json", "pom.xml", "target/" + JAR));
        try (Stream<Path> inputs =
                Files.isDirectory(Path.of("inputs")) ? Files.list(Path.of("inputs")) : Stream.empty()) {
            inputs.filter(Files::isRegularFile).forEach(p -> expected.add("inputs/" + p.getFileName()));
        }
        expected.addAll(filesUnder("src"));
        expected.addAll(filesUnder("contract-tests-artifacts"));
        expected.addAll(filesUnder("target/generated-sources"));
        assertEquals(
                expected,
                new TreeSet<>(Collections.list(zip.entries()).stream()
                        .map(ZipEntry::getName)
                        .toList()));
        assertThat(Collections.list(zip.entries()))
                .allSatisfy(e -> assertEquals(ZipEntry.STORED, e.getMethod(), e.getName()));
    }

    @Test
    void projectFilesAreCopiedAsTheyAre() throws IOException {
        final List<String> copied = new ArrayList<>(List.of("pom.xml"));
        copied.addAll(filesUnder("src"));
        copied.addAll(filesUnder("contract-tests-artifacts"));
        try (Stream<Path> inputs =
                Files.isDirectory(Path.of("inputs")) ? Files.list(Path.of("inputs")) : Stream.empty()) {
            inputs.filter(Files::isRegularFile).forEach(p -> copied.add("inputs/" + p.getFileName()));
        }
        for (final String file : copied) {
            assertArrayEquals(Files.readAllBytes(Path.of(file)), entry(file), file);
        }
        assertArrayEquals(Files.readAllBytes(Path.of("target", JAR)), entry("target/" + JAR));
    }

    @Test
    void carriesTheContractTestsV2SetsAndTheirDependencies() throws IOException {
        final List<String> artifacts = Collections.list(zip.entries()).stream()
                .map(ZipEntry::getName)
                .filter(name -> name.startsWith("contract-tests-artifacts/"))
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "contract-tests-artifacts/dependencies.yml",
                        "contract-tests-artifacts/inputs_1.json",
                        "contract-tests-artifacts/inputs_2.json",
                        "contract-tests-artifacts/inputs_3.json"),
                artifacts);
        final JSONObject first = json("contract-tests-artifacts/inputs_1.json");
        assertEquals(Set.of("CreateInputs", "PatchInputs"), first.keySet());
        assertEquals(
                "{{IntegrationResponseTestApiId}}",
                first.getJSONObject("CreateInputs").getString("ApiId"));
        assertThat(new String(entry("contract-tests-artifacts/dependencies.yml"), StandardCharsets.UTF_8))
                .contains("Name: IntegrationResponseTestApiId", "Name: IntegrationResponseTestIntegrationId");
    }

    @Test
    void schemaAndSettingsNameTheBuiltType() throws IOException {
        final JSONObject project = new JSONObject(Files.readString(Path.of("resource-schema.json")));
        assertEquals(
                project.put("typeName", TYPE_NAME).toMap(), json("schema.json").toMap());
        final JSONObject settings = new JSONObject(Files.readString(Path.of(".rpdk-config")));
        assertEquals(
                settings.put("typeName", TYPE_NAME)
                        .put("runtime", System.getProperty("lambda.runtime"))
                        .toMap(),
                json(".rpdk-config").toMap());
    }

    @Test
    void metadataNamesTheJavaPluginAndItsVersion() throws IOException {
        final JSONObject metadata = json(".cfn_metadata.json");
        assertEquals(Set.of("plugin-tool-version", "plugin-name", "plugin-version", "cli-version"), metadata.keySet());
        assertEquals("java", metadata.getString("plugin-name"));
        assertEquals(System.getProperty("rpdk.version"), metadata.getString("plugin-version"));
    }

    @Test
    void theJarIsTheOneCfnSubmitWouldFindAndCarriesTheRenamedSchema() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            assertEquals(
                    List.of(JAR),
                    jars.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith(HYPHENATED + "-") && n.endsWith(".jar"))
                            .toList());
        }
        final Map<String, byte[]> wanted = new java.util.HashMap<>();
        try (ZipInputStream jar = new ZipInputStream(zip.getInputStream(zip.getEntry("target/" + JAR)))) {
            for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
                if (e.getName().endsWith("integrationresponse/model/" + Configuration.SCHEMA_RESOURCE)
                        || e.getName().endsWith("integrationresponse/HandlerWrapper.class")) {
                    wanted.put(e.getName(), jar.readAllBytes());
                }
            }
        }
        assertThat(wanted).containsKey("com/community/apigatewayv2/integrationresponse/HandlerWrapper.class");
        final byte[] schema =
                wanted.get("com/community/apigatewayv2/integrationresponse/model/" + Configuration.SCHEMA_RESOURCE);
        assertArrayEquals(entry("schema.json"), schema);
    }

    @Test
    void theExecutionRoleTemplateTrustsTheBuiltType() throws IOException {
        assertThat(Files.readString(Path.of("target", "type", "resource-role.yaml")))
                .contains("type/resource/" + TYPE_NAME.replace("::", "-") + "/*");
    }
}
