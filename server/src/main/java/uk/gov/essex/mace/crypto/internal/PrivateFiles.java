package uk.gov.essex.mace.crypto.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only the hub's own user may read: the keystore, its temporary copies and a generated
 * password. On POSIX file systems they are created 0600 (directories 0700) from the start, so there is
 * no moment at which another user could open them; elsewhere the platform default applies.
 */
final class PrivateFiles {

    private PrivateFiles() {
    }

    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && isPosix(parent)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Creates {@code file}, failing if it exists, readable and writable by the owner only. */
    static void createNew(Path file) throws IOException {
        Files.createFile(file, ownerOnly(file.toAbsolutePath().getParent()));
    }

    /** A new empty temporary file in {@code dir}, owner-only. */
    static Path createTemp(Path dir, String prefix) throws IOException {
        return Files.createTempFile(dir, prefix, ".tmp", ownerOnly(dir));
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) throws IOException {
        if (isPosix(dir)) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path existingAncestorOrSelf) throws IOException {
        Path probe = existingAncestorOrSelf;
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        return probe != null && Files.getFileStore(probe).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
