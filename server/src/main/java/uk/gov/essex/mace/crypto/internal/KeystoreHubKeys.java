package uk.gov.essex.mace.crypto.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.essex.mace.crypto.HubKeys;

/**
 * {@link HubKeys} held in one BCFKS keystore file (see {@link KeystoreFile}).
 *
 * <p>All entries are decrypted once when the file is opened and served from memory: BCFKS derives a
 * key with PBKDF2 for every entry it opens, far too slow for a request path. Reads take no lock. A key
 * that does not exist yet is created under the keystore's lock (JVM-wide and across processes),
 * after re-reading the file in case another process (a rotation command) changed it, and the whole
 * file is rewritten atomically.
 */
public final class KeystoreHubKeys implements HubKeys {

    private static final Logger log = LoggerFactory.getLogger(KeystoreHubKeys.class);

    private final KeystoreFile file;
    private final KeystorePassword password;
    private final Clock clock;

    // guarded by the keystore file's lock (KeystoreFile.locked)
    private KeyStore store;
    private byte[] digest;

    private volatile Map<String, SecretKey> secrets = Map.of();
    private volatile Map<String, KeyPair> pairs = Map.of();

    private KeystoreHubKeys(KeystoreFile file, KeystorePassword password, Clock clock) {
        this.file = file;
        this.password = password;
        this.clock = clock;
    }

    /**
     * Opens the keystore at {@code path}, creating an empty one when there is no file (first start).
     * A keystore created by mistake (a mistyped path) cannot go unnoticed: {@link KeystoreMatchesDatabase}
     * stops start-up when the database holds data keys this keystore cannot unwrap.
     *
     * @throws KeystoreUnavailableException when the password is wrong or the file is damaged
     */
    public static KeystoreHubKeys open(Path path, KeystorePassword password, Clock clock) {
        KeystoreHubKeys keys = new KeystoreHubKeys(new KeystoreFile(path), password, clock);
        keys.edit(() -> {
            if (keys.file.read().isPresent()) {
                keys.syncWithDisk();
            } else {
                keys.store = KeystoreFile.empty();
                keys.save();
                log.warn("Created a new, empty keystore {}. Back it up apart from the database once the hub has"
                        + " created its keys; without it no sealed field can be read.", keys.file.path());
            }
            return null;
        });
        log.info("Opened keystore {} ({} entries, password from {})", keys.file.path(), keys.aliases().size(), password.source());
        return keys;
    }

    /** The keystore file. */
    public Path path() {
        return file.path();
    }

    @Override
    public KeyPair keyPair(String alias, String algorithm) {
        if (!JdkKeys.RSA.equals(algorithm) && !JdkKeys.ED25519.equals(algorithm)) {
            throw new IllegalArgumentException("unsupported key pair algorithm " + algorithm + " (RSA or Ed25519)");
        }
        KeyPair pair = pairs.get(alias);
        if (pair == null) {
            pair = edit(() -> {
                syncWithDisk();
                requireNot(secrets, alias, "a secret key");
                return pairs.containsKey(alias) ? pairs.get(alias) : addKeyPair(alias, algorithm);
            });
        }
        String actual = JdkKeys.algorithmOf(pair.getPublic());
        if (!actual.equals(algorithm)) {
            throw new IllegalArgumentException("keystore alias " + alias + " holds an " + actual + " key pair, not " + algorithm);
        }
        return pair;
    }

    @Override
    public SecretKey secretKey(String alias) {
        SecretKey key = secrets.get(alias);
        if (key != null) {
            return key;
        }
        return edit(() -> {
            syncWithDisk();
            requireNot(pairs, alias, "a key pair");
            return secrets.containsKey(alias) ? secrets.get(alias) : addSecretKey(alias);
        });
    }

    /** The secret key under {@code alias} if it exists, re-reading the file first when it is not in memory. */
    public Optional<SecretKey> existingSecretKey(String alias) {
        SecretKey key = secrets.get(alias);
        if (key == null) {
            refresh();
            key = secrets.get(alias);
        }
        return Optional.ofNullable(key);
    }

    /**
     * Creates a secret key under the alias {@code aliasFor} picks from the current aliases, decided
     * under the file lock so two processes cannot pick the same one.
     *
     * @return the alias created
     */
    public String createSecretKey(Function<Set<String>, String> aliasFor) {
        return edit(() -> {
            syncWithDisk();
            String alias = aliasFor.apply(aliases());
            if (aliases().contains(alias)) {
                throw new IllegalStateException("keystore alias " + alias + " already exists");
            }
            addSecretKey(alias);
            return alias;
        });
    }

    /** Deletes the entry under {@code alias}; false when there was none. */
    public boolean delete(String alias) {
        return edit(() -> {
            syncWithDisk();
            if (!aliases().contains(alias)) {
                return false;
            }
            try {
                store.deleteEntry(alias);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot delete keystore entry " + alias, e);
            }
            save();
            secrets = without(secrets, alias);
            pairs = without(pairs, alias);
            log.info("Deleted keystore entry {} from {}", alias, file.path());
            return true;
        });
    }

    /** Every alias in the keystore, as last read. */
    public Set<String> aliases() {
        Set<String> aliases = new HashSet<>(secrets.keySet());
        aliases.addAll(pairs.keySet());
        return Collections.unmodifiableSet(aliases);
    }

    /** Re-reads the file if another process changed it since this instance last read or wrote it. */
    public void refresh() {
        edit(() -> {
            syncWithDisk();
            return null;
        });
    }

    private <T> T edit(Supplier<T> action) {
        return file.locked(action);
    }

    private void syncWithDisk() {
        byte[] bytes = file.read().orElseThrow(() -> new KeystoreUnavailableException("Keystore " + file.path()
                + " disappeared while the hub was using it: restore it from its backup"));
        byte[] current = sha256(bytes);
        if (digest != null && MessageDigest.isEqual(digest, current)) {
            return;
        }
        KeyStore loaded = file.decode(bytes, password);
        KeystoreEntries.Keys keys = KeystoreEntries.readAll(loaded, password, file.path());
        store = loaded;
        digest = current;
        secrets = keys.secrets();
        pairs = keys.pairs();
    }

    private SecretKey addSecretKey(String alias) {
        SecretKey key = KeystoreEntries.addSecretKey(store, alias, password);
        save();
        secrets = with(secrets, alias, key);
        log.info("Created secret key {} in keystore {}", alias, file.path());
        return key;
    }

    private KeyPair addKeyPair(String alias, String algorithm) {
        KeyPair pair = KeystoreEntries.addKeyPair(store, alias, algorithm, password, clock);
        save();
        pairs = with(pairs, alias, pair);
        log.info("Created {} key pair {} in keystore {}", algorithm, alias, file.path());
        return pair;
    }

    private void save() {
        byte[] bytes = KeystoreFile.encode(store, password);
        file.write(bytes);
        digest = sha256(bytes);
    }

    private static void requireNot(Map<String, ?> holding, String alias, String what) {
        if (holding.containsKey(alias)) {
            throw new IllegalArgumentException("keystore alias " + alias + " holds " + what);
        }
    }

    private static <V> Map<String, V> with(Map<String, V> map, String alias, V value) {
        Map<String, V> copy = new HashMap<>(map);
        copy.put(alias, value);
        return Map.copyOf(copy);
    }

    private static <V> Map<String, V> without(Map<String, V> map, String alias) {
        Map<String, V> copy = new HashMap<>(map);
        copy.remove(alias);
        return Map.copyOf(copy);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
