package com.community.apigatewayv2.integrationresponse.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/cfn-local} as a user runs it, from a copy of the project whose build is already there (this
 * build's classes and classpath), so the script starts its JVM without building.
 */
class BinScriptsIT {
    private ScriptSandbox sandbox;
    private Path root;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = ScriptSandbox.create("bin-scripts-");
        root = sandbox.root();
    }

    private record Run(int status, String out, String err) {}

    private Run cfnLocal(final Path javaHome, final String... args) throws IOException, InterruptedException {
        return cfnLocalIn(Path.of("").toAbsolutePath(), javaHome, args);
    }

    /** bin/cfn-local run from {@code directory}, as a user in another directory runs it. */
    private Run cfnLocalIn(final Path directory, final Path javaHome, final String... args)
            throws IOException, InterruptedException {
        final List<String> command =
                new java.util.ArrayList<>(List.of(root.resolve("bin/cfn-local").toString()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(root.resolve("out.txt").toFile())
                .redirectError(root.resolve("err.txt").toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment()
                .put("TMPDIR", Files.createDirectories(root.resolve("tmp")).toString());
        final Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("bin/cfn-local ended")
                .isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(root.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(root.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** A JAVA_HOME whose java notes each start in a file, then runs this JVM's java. */
    private Path recordingJavaHome() throws IOException {
        final Path home = root.resolve("recording-jdk");
        final Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(
                java,
                "#!/bin/sh\necho started >> '" + home.resolve("starts") + "'\necho $$ > '" + home.resolve("pid")
                        + "'\nexec '"
                        + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void theHandlersJvmIsTheOneJavaHomeNames() throws Exception {
        final Path home = recordingJavaHome();

        final Run help = cfnLocal(home, "help");

        assertEquals(0, help.status(), help.err());
        assertThat(help.out() + help.err()).contains("lifecycle");
        assertEquals(List.of("started"), Files.readAllLines(home.resolve("starts")));
    }

    @Test
    void aJavaHomeWithoutJavaFailsNamingIt() throws Exception {
        final Path empty = Files.createDirectories(root.resolve("no-jdk"));

        final Run help = cfnLocal(empty, "help");

        assertThat(help.status()).isNotZero();
        assertThat(help.err()).contains(empty.resolve("bin/java").toString());
    }

    private ScriptSandbox.Serving serve(final Path home, final String... more) throws Exception {
        return sandbox.serve(home, more);
    }

    /** A file named on the command line is the caller's, from where they stand, not the project's. */
    @Test
    void aRelativePathIsTheCallersEvenThoughTheScriptChangesDirectory() throws Exception {
        final Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("template.yaml"), "Outputs: {}\n");

        final Run run = cfnLocalIn(elsewhere, recordingJavaHome(), "lifecycle", "--template", "template.yaml");

        assertEquals(2, run.status());
        assertThat(run.err())
                .isEqualTo("cfn-local: " + elsewhere.toRealPath().resolve("template.yaml")
                        + ": no Resources section (a mapping of logical ids) (bin/cfn-local help)\n");
    }

    /** SIGTERM to the script (what kill, timeout, CI step limits and IDE stop buttons send) ends its JVM. */
    @Test
    void sigtermEndsServesJvmAndReleasesItsPort() throws Exception {
        final Path home = recordingJavaHome();
        final ScriptSandbox.Serving serving = serve(home);
        assertThat(serving.output()).as("serve started").contains("export ");
        final long jvm = Long.parseLong(Files.readString(home.resolve("pid")).trim());
        assertThat(ProcessHandle.of(jvm).map(ProcessHandle::isAlive)).contains(true);

        serving.script().destroy(); // SIGTERM to the bash script only

        assertThat(serving.script().waitFor(30, TimeUnit.SECONDS))
                .as("the script ends")
                .isTrue();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(jvm).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(jvm).map(ProcessHandle::isAlive).orElse(false))
                .as("the JVM serve started is gone")
                .isFalse();
        try (java.net.ServerSocket again =
                new java.net.ServerSocket(serving.port(), 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(serving.port());
        }
    }

    /** Faults are for the handler's calls: serve's own CreateApi and CreateIntegration never meet them. */
    @Test
    void faultsOnEveryCallLeaveServesOwnSetUpAlone() throws Exception {
        final ScriptSandbox.Serving serving = serve(recordingJavaHome(), "--faults", "*:500@100%");
        try {
            assertThat(serving.output())
                    .contains("export IntegrationResponseTest")
                    .contains("faults:")
                    .doesNotContain("Exception");
        } finally {
            serving.script().destroy();
            serving.script().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** After a git pull or an edit, the script builds again instead of running the old classes. */
    @Test
    void aSourceNewerThanTheBuildMakesTheScriptBuildAndSayWhy() throws Exception {
        final Path home = recordingJavaHome();
        final Path classpath = root.resolve("target/cfn-local.classpath");
        Files.setLastModifiedTime(
                classpath, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.createDirectories(root.resolve("src/main/java"));
        Files.writeString(root.resolve("src/main/java/Edited.java"), "class Edited {}");
        // a Maven that notes it was asked, and fails: the build itself is not this test's business
        final Path fakeBin = Files.createDirectories(root.resolve("fake-maven"));
        Files.writeString(
                fakeBin.resolve("mvn"), "#!/bin/sh\necho asked >> '" + fakeBin.resolve("asked") + "'\nexit 1\n");
        Files.setPosixFilePermissions(fakeBin.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
        final ProcessBuilder builder = new ProcessBuilder(
                        root.resolve("bin/cfn-local").toString(), "help")
                .redirectOutput(root.resolve("out.txt").toFile())
                .redirectError(root.resolve("err.txt").toFile());
        builder.environment().put("JAVA_HOME", home.toString());
        builder.environment().put("PATH", fakeBin + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment()
                .put("TMPDIR", Files.createDirectories(root.resolve("tmp")).toString());
        final Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertEquals(2, process.exitValue());
        assertThat(Files.readString(root.resolve("err.txt")))
                .contains("cfn-local: building the project (sources changed since the last build)...")
                .contains("cfn-local: the build failed");
        assertEquals(List.of("asked"), Files.readAllLines(fakeBin.resolve("asked")));
        assertThat(home.resolve("starts")).doesNotExist();
    }
}
