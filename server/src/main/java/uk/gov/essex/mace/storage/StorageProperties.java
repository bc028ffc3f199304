package uk.gov.essex.mace.storage;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the hub keeps its data when no external MongoDB is configured.
 *
 * @param dataDir directory for the embedded database file, generated keys and other local state
 * @param durability how writes to the embedded database are made durable before they are acknowledged
 * @param port the loopback port the embedded database listens on; 0 (default) picks a free one. A
 *     fixed port lets a second hub process on the same machine share the store through
 *     {@code spring.mongodb.uri} (development and tests only: production uses a MongoDB replica set)
 */
@Validated
@ConfigurationProperties("hub.storage")
public record StorageProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @NotNull @DefaultValue("GROUP_COMMIT") Durability durability,
        @DefaultValue("0") int port) {

    /** How the embedded store persists acknowledged writes. */
    public enum Durability {
        /** Acknowledge a batch of writes after one save that covers all of them (default). */
        GROUP_COMMIT,
        /** Save after every single write before acknowledging it. */
        PER_WRITE,
        /** Acknowledge at once and save in the background about once a second (may lose writes). */
        BACKGROUND
    }
}
