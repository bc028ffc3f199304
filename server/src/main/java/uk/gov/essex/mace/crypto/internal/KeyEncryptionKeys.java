package uk.gov.essex.mace.crypto.internal;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * The versioned key-encryption keys: AES-256 keys {@code kek-v1}, {@code kek-v2}, ... in the keystore.
 * The highest version wraps new data keys; older versions stay only to unwrap data keys not yet
 * re-wrapped by a rotation.
 */
@Component
public final class KeyEncryptionKeys {

    static final String ALIAS_PREFIX = "kek-v";
    private static final Pattern ALIAS = Pattern.compile(Pattern.quote(ALIAS_PREFIX) + "([1-9][0-9]{0,8})");

    private final KeystoreHubKeys keystore;

    public KeyEncryptionKeys(KeystoreHubKeys keystore) {
        this.keystore = keystore;
    }

    /** One KEK version. */
    public record Kek(int version, SecretKey key) {

        @Override
        public String toString() {
            return ALIAS_PREFIX + version + "[REDACTED]";
        }
    }

    /**
     * The version that wraps new data keys, creating {@code kek-v1} on first use. The file is re-read
     * first, so a rotation run by another process is picked up before anything more is wrapped under
     * the old version.
     */
    public Kek current() {
        keystore.refresh();
        SortedSet<Integer> versions = versions();
        if (versions.isEmpty()) {
            keystore.secretKey(alias(1)); // created under the file lock unless another process just did
            versions = versions();
        }
        return version(versions.last());
    }

    /** The KEK of {@code version}, which must still be in the keystore. */
    public Kek version(int version) {
        SecretKey key = keystore.existingSecretKey(alias(version)).orElseThrow(() -> new KeystoreUnavailableException(
                "Key-encryption key " + alias(version) + " is not in the keystore: a data key wrapped under it cannot be"
                        + " opened. Restore the keystore from the backup that holds it."));
        return new Kek(version, key);
    }

    /** Creates the next version and returns it; it becomes {@link #current()}. */
    public Kek createNext() {
        String alias = keystore.createSecretKey(aliases -> {
            SortedSet<Integer> versions = versionsIn(aliases);
            return alias(versions.isEmpty() ? 1 : versions.last() + 1);
        });
        return version(Integer.parseInt(alias.substring(ALIAS_PREFIX.length())));
    }

    /** Deletes an old version from the keystore; the current one cannot be retired. */
    public boolean retire(int version) {
        if (version >= versions().last()) {
            throw new IllegalArgumentException("cannot retire the current key-encryption key " + alias(version));
        }
        return keystore.delete(alias(version));
    }

    /** Every version in the keystore, oldest first. */
    public SortedSet<Integer> versions() {
        return versionsIn(keystore.aliases());
    }

    static String alias(int version) {
        return ALIAS_PREFIX + version;
    }

    private static SortedSet<Integer> versionsIn(Iterable<String> aliases) {
        SortedSet<Integer> versions = new TreeSet<>();
        for (String alias : aliases) {
            Matcher matcher = ALIAS.matcher(alias);
            if (matcher.matches()) {
                versions.add(Integer.parseInt(matcher.group(1)));
            }
        }
        return versions;
    }
}
