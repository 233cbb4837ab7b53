package com.community.apigatewayv2.integrationresponse.local.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A copy of the project in which {@code bin/cfn-local} runs as a user runs it, with this build's classes
 * and classpath already in place, so the script starts its JVM without building. For integration tests.
 */
public final class ScriptSandbox {
    private final Path root;

    private ScriptSandbox(final Path root) {
        this.root = root;
    }

    /** A fresh copy under the failsafe work directory. */
    public static ScriptSandbox create(final String prefix) throws IOException {
        final Path root = Files.createTempDirectory(Path.of(System.getProperty("it.work.dir")), prefix);
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
        return new ScriptSandbox(root);
    }

    public Path root() {
        return root;
    }

    /** The sandbox's own temporary directory, for TMPDIR. */
    public Path tmp() throws IOException {
        return Files.createDirectories(root.resolve("tmp"));
    }

    /**
     * A running {@code bin/cfn-local serve}: the script, what it printed up to its ready line, and
     * the variables its {@code export} lines set.
     */
    public record Serving(Process script, String output, int port, Map<String, String> exports) {
        /** Stops the script with SIGTERM, as a supervisor does, and waits for it. */
        public void stop() throws InterruptedException {
            script.destroy();
            script.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code bin/cfn-local serve} on a free Lambda port, read until its ready line ({@code cfn test
     * --endpoint ...}, after every {@code export} line) or its end.
     */
    public Serving serve(final Path javaHome, final String... more) throws Exception {
        final int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        final List<String> command = new ArrayList<>(
                List.of(root.resolve("bin/cfn-local").toString(), "serve", "--port", String.valueOf(port)));
        command.addAll(List.of(more));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("TMPDIR", tmp().toString());
        final Process script = builder.start();
        // read on another thread, so a serve that hangs before its ready line fails the test, not hangs it
        final StringBuffer seen = new StringBuffer();
        final CountDownLatch ready = new CountDownLatch(1);
        final Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    seen.append(line).append('\n');
                    if (line.startsWith("cfn test ")) {
                        ready.countDown();
                    }
                }
            } catch (final IOException e) {
                seen.append(e);
            } finally {
                ready.countDown();
            }
        });
        reader.setDaemon(true);
        reader.start();
        ready.await(90, TimeUnit.SECONDS);
        final String output = seen.toString();
        final Map<String, String> exports = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("export ") && line.contains("=")) {
                final String assignment = line.substring("export ".length());
                exports.put(
                        assignment.substring(0, assignment.indexOf('=')),
                        assignment.substring(assignment.indexOf('=') + 1));
            }
        }
        return new Serving(script, output, port, exports);
    }
}
