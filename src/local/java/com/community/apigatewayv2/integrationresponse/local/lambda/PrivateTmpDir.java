package com.community.apigatewayv2.integrationresponse.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gives this JVM a {@code java.io.tmpdir} nothing else uses. The RPDK runtime deletes everything in
 * that directory on every request; the handler lets it do so only inside Lambda, and the local tools
 * make sure of it as well: rather than judge whether the directory they were given is safe (a list of
 * shared directories is never complete: {@code /dev/shm}, {@code /etc}, a home directory), they make
 * a new, empty directory of their own inside it, readable by the owner only, point
 * {@code java.io.tmpdir} at it, and remove it when the JVM exits.
 */
public final class PrivateTmpDir {

    private static final String PREFIX = "cfn-local-";

    private static final List<Path> CLAIMED = new ArrayList<>();

    private PrivateTmpDir() {}

    /**
     * Points {@code java.io.tmpdir} at a new, empty directory made inside the current one, and returns
     * it. Later calls return the same directory while {@code java.io.tmpdir} still names it and it
     * exists; otherwise they make another.
     *
     * @throws IOException when {@code java.io.tmpdir} is unset or no directory can be made in it
     */
    public static synchronized Path claim() throws IOException {
        final String current = System.getProperty("java.io.tmpdir");
        if (current == null || current.isBlank()) {
            throw new IOException("java.io.tmpdir is not set: start the JVM with -Djava.io.tmpdir=<a directory>");
        }
        if (!CLAIMED.isEmpty()) {
            final Path last = CLAIMED.get(CLAIMED.size() - 1);
            if (last.toString().equals(current) && Files.isDirectory(last)) {
                return last;
            }
        }
        final Path base = Path.of(current).toAbsolutePath().normalize();
        final Path dir;
        try {
            Files.createDirectories(base);
            dir = Files.createTempDirectory(base, PREFIX, ownerOnly());
        } catch (IOException e) {
            throw new IOException("cannot make a private temporary directory in " + base + ": " + e.getMessage(), e);
        }
        if (CLAIMED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(PrivateTmpDir::removeAll, "private-tmpdir-cleanup"));
        }
        CLAIMED.add(dir);
        System.setProperty("java.io.tmpdir", dir.toString());
        return dir;
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
        };
    }

    private static synchronized void removeAll() {
        for (final Path dir : CLAIMED) {
            remove(dir);
        }
    }

    /** Deletes {@code dir} and what is in it, without following links out of it; what cannot go stays. */
    static void remove(final Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // at exit, nothing can be done about it
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // the same
        }
    }
}
