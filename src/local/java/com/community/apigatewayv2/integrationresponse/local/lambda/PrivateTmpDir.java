package com.community.apigatewayv2.integrationresponse.local.lambda;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether {@code java.io.tmpdir} is safe for the RPDK runtime, which deletes everything
 * in it on every request. Only a directory set aside for this JVM is: never a shared temporary
 * directory, the filesystem root, nor a directory holding the home or working directory.
 */
public final class PrivateTmpDir {

    private static final Set<Path> SHARED_TEMP_DIRS = Set.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/"));

    private PrivateTmpDir() {}

    private static boolean contains(Path dir, String other) {
        return other != null
                && !other.isBlank()
                && Path.of(other).toAbsolutePath().normalize().startsWith(dir);
    }

    /** Why {@code tmpdir} must not be used, or empty when it is private enough. */
    public static Optional<String> problemWith(String tmpdir, String userHome, String workingDir) {
        if (tmpdir == null || tmpdir.isBlank()) {
            return Optional.of("java.io.tmpdir is not set");
        }
        Path dir = Path.of(tmpdir).toAbsolutePath().normalize();
        if (SHARED_TEMP_DIRS.contains(dir)) {
            return Optional.of("java.io.tmpdir is the shared directory " + dir);
        }
        if (contains(dir, userHome)) {
            return Optional.of("java.io.tmpdir is or contains the home directory");
        }
        if (contains(dir, workingDir)) {
            return Optional.of("java.io.tmpdir is or contains the working directory");
        }
        return Optional.empty();
    }
}
