package uk.gov.essex.mace.system;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * HTTPS (and WSS) by default, with a certificate the hub makes for itself unless it is given one:
 * a production hub is given its certificate with {@code server.ssl.*} or an SSL bundle (which win
 * over this). Plain HTTP only when asked for explicitly ({@code hub.tls.enabled=false}), for local
 * development or behind a TLS-terminating proxy on a private network; the hub then says so loudly.
 *
 * @param enabled serve HTTPS on {@code server.port} (default), with a self-signed certificate
 *     generated at first start where none is configured; plain HTTP is then not served at all
 * @param keystore the PKCS#12 file holding the key and certificate; default
 *     {@code ${hub.storage.data-dir}/keys/tls.p12} (its password in {@code tls.p12.password} beside it)
 * @param hostnames DNS names and IP addresses the certificate is for (subject alternative names)
 * @param validity how long a generated certificate is valid; it is made again when less than a
 *     tenth of that is left, or when the hostnames change
 */
@Validated
@ConfigurationProperties("hub.tls")
public record TlsProperties(
        @DefaultValue("true") boolean enabled,
        Path keystore,
        @NotEmpty @DefaultValue({"localhost", "127.0.0.1", "::1"}) List<String> hostnames,
        @NotNull @DefaultValue("365d") Duration validity) {

    public TlsProperties {
        hostnames = List.copyOf(hostnames);
    }

    Path keystoreIn(Path dataDir) {
        return keystore != null ? keystore : dataDir.resolve("keys").resolve("tls.p12");
    }
}
