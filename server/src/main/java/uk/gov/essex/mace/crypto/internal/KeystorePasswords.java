package uk.gov.essex.mace.crypto.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the keystore password, in this order: the {@value #ENV_VAR} environment variable, the file
 * named by {@code hub.keys.password-file}, and (only with {@code hub.keys.generate-if-missing}) a
 * password generated at first start into {@code ${dataDir}/keys/keystore-password}. Anything else
 * fails start-up with a message naming what to set.
 */
final class KeystorePasswords {

    static final String ENV_VAR = "HUB_KEYSTORE_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(KeystorePasswords.class);

    private final UnaryOperator<String> environment;

    /** @param environment looks up an environment variable ({@code System::getenv} outside tests) */
    KeystorePasswords(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    KeystorePassword resolve(KeysProperties properties, Path dataDir) {
        String fromEnv = environment.apply(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new KeystorePassword(fromEnv.toCharArray(), "environment variable " + ENV_VAR);
        }
        if (properties.passwordFile() != null) {
            Path file = properties.passwordFile();
            if (!Files.isRegularFile(file)) {
                throw new KeystoreUnavailableException("hub.keys.password-file " + file + " does not exist or is not a file");
            }
            return read(file, "hub.keys.password-file " + file);
        }
        Path generated = KeysProperties.generatedPasswordFileIn(dataDir);
        Path keystore = properties.keystoreIn(dataDir);
        if (!properties.generateIfMissing()) {
            throw new KeystoreUnavailableException("No keystore password for " + keystore + ": set the " + ENV_VAR
                    + " environment variable or hub.keys.password-file (hub.keys.generate-if-missing is false, as in"
                    + " production, so none is generated)");
        }
        if (Files.isRegularFile(generated)) {
            return read(generated, "generated file " + generated);
        }
        if (Files.exists(keystore)) {
            throw new KeystoreUnavailableException("Keystore " + keystore + " exists but its password is not available: set "
                    + ENV_VAR + " or hub.keys.password-file (the generated password file " + generated + " is missing)");
        }
        return generate(generated);
    }

    private static KeystorePassword generate(Path file) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(random);
        Arrays.fill(random, (byte) 0);
        try {
            PrivateFiles.createDirectories(file.getParent());
            PrivateFiles.createNew(file);
            Files.write(file, encoded);
        } catch (FileAlreadyExistsException raced) {
            // Another instance generated it between our check and our write: use theirs.
            return read(file, "generated file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated keystore password " + file, e);
        }
        log.warn("Generated a keystore password into {} (demo mode, hub.keys.generate-if-missing=true). "
                + "Production supplies it through {} or hub.keys.password-file.", file, ENV_VAR);
        return toPassword(encoded, "generated file " + file);
    }

    private static KeystorePassword read(Path file, String source) {
        try {
            return toPassword(Files.readAllBytes(file), source);
        } catch (IOException e) {
            throw new KeystoreUnavailableException("cannot read keystore password from " + source, e);
        }
    }

    private static KeystorePassword toPassword(byte[] bytes, String source) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        // A trailing newline from `echo ... > file` or a secret mount is not part of the password.
        int end = chars.limit();
        while (end > 0 && Character.isWhitespace(chars.get(end - 1))) {
            end--;
        }
        char[] password = new char[end];
        chars.get(password, 0, end);
        Arrays.fill(chars.array(), '\0');
        try {
            return new KeystorePassword(password, source);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
