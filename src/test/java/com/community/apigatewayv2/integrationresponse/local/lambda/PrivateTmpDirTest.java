package com.community.apigatewayv2.integrationresponse.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local tools never judge whether the {@code java.io.tmpdir} they were given is safe to empty (a
 * deny-list accepted {@code /dev/shm}, {@code /etc} or {@code /home} as root): they make a new, empty
 * one inside it, and nothing that was there before can be deleted.
 */
class PrivateTmpDirTest {
    private String before;

    @TempDir
    Path base;

    @BeforeEach
    void remember() {
        before = System.getProperty("java.io.tmpdir");
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", before);
    }

    @Test
    void theRuntimesEmptyingReachesOnlyTheNewDirectoryNeverWhatWasThere() throws IOException {
        final Path someoneElses = Files.writeString(base.resolve("someone-elses.txt"), "keep me");
        System.setProperty("java.io.tmpdir", base.toString());

        final Path claimed = PrivateTmpDir.claim();
        Files.writeString(claimed.resolve("request-scratch"), "x");
        // what the RPDK runtime's AbstractWrapper does before each request
        FileUtils.cleanDirectory(FileUtils.getTempDirectory());

        assertThat(Files.readString(someoneElses)).isEqualTo("keep me");
        assertThat(claimed.getParent()).isEqualTo(base);
        assertThat(claimed.getFileName().toString()).startsWith("cfn-local-");
        assertThat(claimed).isEmptyDirectory();
    }

    @Test
    void theNewDirectoryIsTheOwnersOnlyAndBecomesJavaIoTmpdir() throws IOException {
        System.setProperty("java.io.tmpdir", base.toString());
        final Path claimed = PrivateTmpDir.claim();
        assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(claimed.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(claimed)))
                .isEqualTo("rwx------");
    }

    @Test
    void laterClaimsKeepTheDirectoryWhileItIsStillTheOneNamed() throws IOException {
        System.setProperty("java.io.tmpdir", base.toString());
        final Path first = PrivateTmpDir.claim();
        assertThat(PrivateTmpDir.claim()).isEqualTo(first);

        Files.delete(first);
        final Path afterDeletion = PrivateTmpDir.claim();
        assertThat(afterDeletion).isNotEqualTo(first).isDirectory();

        final Path elsewhere = Files.createDirectory(base.resolve("elsewhere"));
        System.setProperty("java.io.tmpdir", elsewhere.toString());
        assertThat(PrivateTmpDir.claim().getParent()).isEqualTo(elsewhere);
    }

    @Test
    void aBaseThatDoesNotExistYetIsMade() throws IOException {
        System.setProperty("java.io.tmpdir", base.resolve("not/yet").toString());
        assertThat(PrivateTmpDir.claim().getParent()).isEqualTo(base.resolve("not/yet"));
    }

    @Test
    void anUnsetTmpdirIsRefusedByName() {
        System.clearProperty("java.io.tmpdir");
        final IOException refused = assertThrows(IOException.class, PrivateTmpDir::claim);
        assertThat(refused.getMessage()).startsWith("java.io.tmpdir is not set");
    }

    @Test
    void aBaseThatCannotHoldADirectoryIsNamed() throws IOException {
        final Path file = Files.writeString(base.resolve("a-file"), "");
        System.setProperty("java.io.tmpdir", file.toString());
        final IOException refused = assertThrows(IOException.class, PrivateTmpDir::claim);
        assertThat(refused.getMessage()).startsWith("cannot make a private temporary directory in " + file);
    }

    @Test
    void removalDeletesTheTreeButNeverFollowsALinkOutOfIt() throws IOException {
        final Path outside = Files.createDirectory(base.resolve("outside"));
        final Path kept = Files.writeString(outside.resolve("kept.txt"), "kept");
        final Path dir = Files.createDirectory(base.resolve("claimed"));
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/c.txt"), "c");
        Files.createSymbolicLink(dir.resolve("link"), outside);

        PrivateTmpDir.remove(dir);

        assertThat(dir).doesNotExist();
        assertThat(Files.readString(kept)).isEqualTo("kept");
    }
}
