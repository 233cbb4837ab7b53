package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code -Dtype.name}: a copy of this project built by a child Maven under another name, and names the
 * build must refuse. The pom's validate-phase rules (type names, Lambda runtimes and their dates) run
 * in-process through {@link PomAntCheck}, each with every case; one child {@code mvn validate} per rule
 * shows that Maven applies it. The children run offline against the local repository this build
 * already filled.
 */
class NamespaceIT {
    private static final Path WORK = Path.of("target", "namespace-it");
    private static final String ACME = "Acme::ApiGatewayV2::IntegrationResponse";

    @BeforeAll
    static void clean() throws IOException {
        if (Files.exists(WORK)) {
            try (Stream<Path> old = Files.walk(WORK)) {
                for (final Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result maven(final Path project, final String phase, final String typeName, final String... more)
            throws IOException, InterruptedException {
        final boolean windows = System.getProperty("os.name").startsWith("Windows");
        final Path mvn = Path.of(System.getProperty("maven.home"), "bin", windows ? "mvn.cmd" : "mvn");
        final List<String> command = new ArrayList<>(List.of(
                mvn.toString(),
                "-B",
                "-o",
                "-f",
                project.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                "-Dmaven.test.skip=true",
                "-Djacoco.skip=true",
                // the parent build checked the formatting of these very sources
                "-Dspotless.check.skip=true",
                "-Dtype.name=" + typeName));
        command.addAll(List.of(more));
        command.add(phase);
        final Process process =
                new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static void copy(final Path from, final Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (final Path file : files.filter(Files::isRegularFile).toList()) {
                final Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void anotherNameReachesSchemaSettingsJarPackageRoleAndHandler() throws Exception {
        final Path project = WORK.resolve("acme");
        for (final String file : List.of(
                "pom.xml",
                "resource-schema.json",
                ".rpdk-config",
                "resource-role.yaml",
                "template.yml",
                "lambda-runtimes.properties")) {
            copy(Path.of(file), project.resolve(file));
        }
        copy(Path.of("src"), project.resolve("src"));
        copy(Path.of("inputs"), project.resolve("inputs"));

        final Result build = maven(project, "package", ACME, "-Dlambda.runtime=java25");
        assertEquals(0, build.exitCode(), build.output());

        final String jar = "acme-apigatewayv2-integrationresponse-handler-"
                + System.getProperty("handler.jar").replaceAll("^.*-handler-", "");
        try (Stream<Path> jars = Files.list(project.resolve("target"))) {
            assertEquals(
                    List.of(jar),
                    jars.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith("acme-apigatewayv2-integrationresponse-") && n.endsWith(".jar"))
                            .toList());
        }
        try (ZipFile zip = new ZipFile(project.resolve("target/acme-apigatewayv2-integrationresponse.zip")
                .toFile())) {
            for (final String settingsOrSchema : List.of("schema.json", ".rpdk-config")) {
                try (InputStream in = zip.getInputStream(zip.getEntry(settingsOrSchema))) {
                    assertEquals(
                            ACME,
                            new JSONObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getString("typeName"),
                            settingsOrSchema);
                }
            }
            assertThat(zip.getEntry("target/" + jar)).isNotNull();
            try (InputStream in = zip.getInputStream(zip.getEntry(".rpdk-config"))) {
                assertEquals(
                        "java25",
                        new JSONObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getString("runtime"));
            }
        }
        assertThat(Files.readString(project.resolve("target/type/template.yml")))
                .contains("      Runtime: java25\n      CodeUri: ../" + jar + "\n")
                .doesNotContain("java21")
                .doesNotContain("Community");
        assertThat(Files.readString(project.resolve("target/type/resource-role.yaml")))
                .contains("type/resource/Acme-ApiGatewayV2-IntegrationResponse/*")
                .doesNotContain("Community");

        final URL[] handlerJar = {project.resolve("target").resolve(jar).toUri().toURL()};
        try (URLClassLoader handler = new URLClassLoader(handlerJar, ClassLoader.getPlatformClassLoader())) {
            final Class<?> model = handler.loadClass(ResourceModel.class.getName());
            assertEquals(ACME, model.getField("TYPE_NAME").get(null));
        }
    }

    /** The pom's check-type-name rule, run in-process with each name. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "AWS::ApiGatewayV2::IntegrationResponse    | uses the namespace 'AWS', which AWS reserves",
                "alexa::ApiGatewayV2::IntegrationResponse  | uses the namespace 'alexa', which AWS reserves",
                "AWSQuickStart::ApiGatewayV2::Response     | uses the namespace 'AWSQuickStart', which AWS reserves",
                "Custom::ApiGatewayV2::IntegrationResponse | uses the namespace 'Custom', which AWS reserves",
                "Acme::IntegrationResponse                 | needs three parts separated by '::'",
                "Acme::ApiGatewayV2::Response::MODULE      | needs three parts separated by '::'",
                "A::ApiGatewayV2::IntegrationResponse      | each of 2 to 64 letters (a-z, A-Z) or digits",
                "Acme::Api-Gateway::IntegrationResponse    | each of 2 to 64 letters (a-z, A-Z) or digits",
            })
    void anInvalidNameFailsTheCheckSayingWhy(final String typeName, final String reason) throws Exception {
        final PomAntCheck.Outcome outcome =
                new PomAntCheck("check-type-name").run(Map.of("type.name", typeName), WORK.resolve("ant"));
        assertThat(outcome.failure()).startsWith("type.name '" + typeName + "'").contains(reason);
    }

    @ParameterizedTest
    @CsvSource({ACME, "Community::ApiGatewayV2::IntegrationResponse", "Ab::C2::D3"})
    void aValidNamePassesTheCheck(final String typeName) throws Exception {
        assertThat(new PomAntCheck("check-type-name")
                        .run(Map.of("type.name", typeName), WORK.resolve("ant"))
                        .failure())
                .isNull();
    }

    /** The wiring: Maven runs that rule at validate, and a refused name stops the build with its words. */
    @Test
    void anInvalidNameFailsTheMavenBuildSayingWhy() throws Exception {
        final String typeName = "AWS::ApiGatewayV2::IntegrationResponse";
        final Path project = WORK.resolve("invalid-name");
        copy(Path.of("pom.xml"), project.resolve("pom.xml"));

        final Result build = maven(project, "validate", typeName);

        assertThat(build.exitCode()).as(build.output()).isNotZero();
        assertThat(build.output())
                .contains("type.name '" + typeName + "'")
                .contains("uses the namespace 'AWS', which AWS reserves");
    }

    private static PomAntCheck.Outcome runtimeCheck(final String runtime, final Path table) throws Exception {
        final Path work = WORK.resolve("ant");
        return new PomAntCheck("check-lambda-runtime")
                .run(
                        Map.of(
                                "lambda.runtime", runtime,
                                "lambda.runtimes", table.toAbsolutePath().toString(),
                                "project.build.directory", work.toAbsolutePath().toString()),
                        work);
    }

    @ParameterizedTest
    @CsvSource({"java11", "java2", "java21x"})
    void aRuntimeOutsideTheTableFailsTheCheckNamingTheChoices(final String runtime) throws Exception {
        final PomAntCheck.Outcome outcome = runtimeCheck(runtime, Path.of("lambda-runtimes.properties"));
        assertThat(outcome.failure())
                .startsWith("lambda.runtime '" + runtime + "' is not a Lambda runtime this handler runs on")
                .contains("use one of java17, java21, java25 (the table in");
    }

    @ParameterizedTest
    @CsvSource({"java17", "java21", "java25"})
    void aRuntimeInTheTablePassesTheCheck(final String runtime) throws Exception {
        assertThat(runtimeCheck(runtime, Path.of("lambda-runtimes.properties")).failure())
                .isNull();
    }

    /** The warning looks 180 days ahead of the day the check runs: tables dated around it. */
    @ParameterizedTest
    @CsvSource({
        "-400, Lambda deprecated the runtime java21 on",
        "0,    Lambda deprecated the runtime java21 on",
        "179,  Lambda deprecates the runtime java21 on",
        "181,  ''"
    })
    void theCheckWarnsWhenTheRuntimeIsDeprecatedOrWillBeWithin180Days(final int daysAhead, final String warning)
            throws Exception {
        final String day = java.time.LocalDate.now().plusDays(daysAhead).toString();
        final Path table = Files.writeString(
                Files.createDirectories(WORK.resolve("ant")).resolve("dates" + daysAhead + ".properties"),
                "# a test table\njava17=2020-01-01\njava21 = " + day + "\n");

        final PomAntCheck.Outcome outcome = runtimeCheck("java21", table);

        assertThat(outcome.failure()).isNull();
        if (warning.isEmpty()) {
            assertThat(outcome.warnings()).isEmpty();
        } else {
            assertThat(outcome.warnings()).singleElement().asString().startsWith(warning + " " + day);
        }
    }

    /** The wiring: Maven runs that rule at validate, and its warning is a Maven warning. */
    @Test
    void theMavenBuildWarnsOfADeprecatedRuntime() throws Exception {
        final Path project = WORK.resolve("runtime-dates");
        copy(Path.of("pom.xml"), project.resolve("pom.xml"));
        final String day = java.time.LocalDate.now().toString();
        Files.writeString(
                project.resolve("dates.properties"), "# a test table\njava17=2020-01-01\njava21 = " + day + "\n");

        final Result build = maven(
                project,
                "validate",
                ACME,
                "-Dlambda.runtimes=" + project.resolve("dates.properties").toAbsolutePath());

        assertEquals(0, build.exitCode(), build.output());
        assertThat(build.output()).contains("[WARNING]").contains("Lambda deprecated the runtime java21 on " + day);
    }
}
