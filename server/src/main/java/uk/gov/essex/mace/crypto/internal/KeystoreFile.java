package uk.gov.essex.mace.crypto.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The keystore on disk: a BouncyCastle FIPS keystore (BCFKS), chosen over PKCS#12 because it holds
 * secret keys as well as key pairs, and protects both the store and each entry with
 * PBKDF2-HMAC-SHA512 derived AES-256-CCM keys under an HMAC-SHA512 integrity check.
 *
 * <p>Every write replaces the whole file atomically (write a temporary file, force it to disk, rename
 * over the old one), so a crash leaves either the old keystore or the new one, never half of each.
 * Edits hold an exclusive lock on a sibling {@code .lock} file, so a one-shot command such as key
 * rotation and a running hub sharing the file never lose each other's entries.
 */
final class KeystoreFile {

    static final String TYPE = "BCFKS";

    // A private provider instance: nothing is registered globally, so JDK providers stay the default.
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path path;
    private final Path lockPath;

    KeystoreFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
        this.lockPath = this.path.resolveSibling(this.path.getFileName() + ".lock");
    }

    Path path() {
        return path;
    }

    /** The file's bytes, or empty when it does not exist. */
    Optional<byte[]> read() {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new KeystoreUnavailableException("cannot read keystore " + path, e);
        }
    }

    static KeyStore empty() {
        try {
            KeyStore store = KeyStore.getInstance(TYPE, BOUNCY_CASTLE);
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("BCFKS keystore type unavailable", e);
        }
    }

    KeyStore decode(byte[] bytes, KeystorePassword password) {
        char[] chars = password.chars();
        try {
            KeyStore store = KeyStore.getInstance(TYPE, BOUNCY_CASTLE);
            store.load(new ByteArrayInputStream(bytes), chars);
            return store;
        } catch (IOException e) {
            // BCFKS cannot tell a wrong password from a damaged file: both fail the integrity MAC.
            throw new KeystoreUnavailableException("Cannot open keystore " + path + " with the password from "
                    + password.source() + ": wrong password or damaged file (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new KeystoreUnavailableException("Cannot open keystore " + path + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    static byte[] encode(KeyStore store, KeystorePassword password) {
        char[] chars = password.chars();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, chars);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encode keystore", e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Replaces the file with {@code bytes}: temporary file, fsync, atomic rename. */
    void write(byte[] bytes) {
        try {
            Path dir = path.getParent();
            PrivateFiles.createDirectories(dir);
            Path temp = PrivateFiles.createTemp(dir, path.getFileName().toString());
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new KeystoreUnavailableException("file system of " + dir + " cannot replace the keystore atomically", e);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            forceDirectory(dir);
        } catch (IOException e) {
            throw new KeystoreUnavailableException("cannot write keystore " + path, e);
        }
    }

    /**
     * Runs {@code action} holding this keystore's lock: a JVM-wide lock per file (a {@link FileLock}
     * is held by the whole JVM, so it cannot separate two threads or two instances in one process),
     * then the operating-system lock that separates processes.
     */
    <T> T locked(Supplier<T> action) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
        jvmLock.lock();
        try {
            PrivateFiles.createDirectories(path.getParent());
            try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock processLock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock keystore " + lockPath, e);
        } finally {
            jvmLock.unlock();
        }
    }

    private static void forceDirectory(Path dir) {
        // Makes the rename itself durable on Linux; other platforms may refuse to open a directory.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }
}
