package com.community.apigatewayv2.integrationresponse.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/cfn-local} as a user runs it, from a copy of the project whose build is already there (this
 * build's classes and classpath), so the script starts its JVM without building.
 */
class BinScriptsIT {
    private Path root;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createTempDirectory(Path.of(System.getProperty("it.work.dir")), "bin-scripts-");
        Files.createDirectories(root.resolve("bin"));
        Files.copy(Path.of("bin", "cfn-local"), root.resolve("bin/cfn-local"));
        Files.createDirectories(root.resolve("target"));
        Files.createSymbolicLink(
                root.resolve("target/classes"), Path.of("target/classes").toAbsolutePath());
        Files.createSymbolicLink(
                root.resolve("target/test-classes"),
                Path.of("target/test-classes").toAbsolutePath());
        // what the script's own build writes: the dependencies, without this build's class directories
        final String classpath = Arrays.stream(
                        System.getProperty("surefire.test.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .collect(Collectors.joining(File.pathSeparator));
        Files.writeString(root.resolve("target/cfn-local.classpath"), classpath);
    }

    private record Run(int status, String out, String err) {}

    private Run cfnLocal(final Path javaHome, final String... args) throws IOException, InterruptedException {
        final List<String> command =
                new java.util.ArrayList<>(List.of(root.resolve("bin/cfn-local").toString()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command)
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
                "#!/bin/sh\necho started >> '" + home.resolve("starts") + "'\nexec '"
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
}
