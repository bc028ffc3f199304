package uk.gov.essex.mace.crypto.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.essex.mace.storage.StorageProperties;

/** Opens the keystore at start-up, so a missing or wrong password stops the hub before it serves anything. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    KeystoreHubKeys hubKeys(KeysProperties keys, StorageProperties storage, Clock clock) {
        KeystorePassword password = new KeystorePasswords(System::getenv).resolve(keys, storage.dataDir());
        return KeystoreHubKeys.open(keys.keystoreIn(storage.dataDir()), password, clock);
    }
}
