package uk.gov.essex.mace.crypto;

import java.security.KeyPair;
import javax.crypto.SecretKey;

/**
 * The hub's long-lived keys, held in one keystore file that is generated at first start (demo)
 * or supplied (production), never committed. Keys are created on first use under an alias and
 * are the same after a restart.
 */
public interface HubKeys {

    /**
     * The key pair under {@code alias}, created on first use.
     *
     * @param algorithm {@code "RSA"} (2048-bit) or {@code "Ed25519"}
     */
    KeyPair keyPair(String alias, String algorithm);

    /** The 256-bit AES or HMAC key under {@code alias}, created on first use. */
    SecretKey secretKey(String alias);
}
