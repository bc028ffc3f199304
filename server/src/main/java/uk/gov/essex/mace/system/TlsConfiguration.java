package uk.gov.essex.mace.system;

import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Unless {@code hub.tls.enabled=false}, serves HTTPS (and so WSS) with the hub's own self-signed
 * certificate, unless {@code server.ssl.*} or an SSL bundle already supplies one. HSTS is then
 * sent by Spring Security on every response over TLS.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.tls.enabled", havingValue = "true", matchIfMissing = true)
class TlsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TlsConfiguration.class);

    @Bean
    SelfSignedTlsCustomizer selfSignedTls(TlsProperties properties, Clock clock, @Value("${hub.storage.data-dir}") Path dataDir) {
        return new SelfSignedTlsCustomizer(properties, clock, dataDir);
    }

    static final class SelfSignedTlsCustomizer implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {

        private final TlsProperties properties;
        private final Clock clock;
        private final Path dataDir;

        SelfSignedTlsCustomizer(TlsProperties properties, Clock clock, Path dataDir) {
            this.properties = properties;
            this.clock = clock;
            this.dataDir = dataDir;
        }

        @Override
        public void customize(ConfigurableServletWebServerFactory factory) {
            if (factory instanceof AbstractConfigurableWebServerFactory configured && Ssl.isEnabled(configured.getSsl())) {
                log.info("TLS: using the certificate configured with server.ssl; not generating one");
                return;
            }
            SelfSignedTls.Keystore keystore = SelfSignedTls.ensure(properties.keystoreIn(dataDir), properties.hostnames(),
                    properties.validity(), clock);
            Ssl ssl = new Ssl();
            ssl.setEnabled(true);
            ssl.setKeyStore("file:" + keystore.file().toAbsolutePath());
            ssl.setKeyStoreType("PKCS12");
            ssl.setKeyStorePassword(keystore.password());
            ssl.setKeyAlias(SelfSignedTls.ALIAS);
            ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            factory.setSsl(ssl);
            log.info("TLS: serving HTTPS with the self-signed certificate in {} for {}", keystore.file(), properties.hostnames());
        }

        /** After Boot's own customizer, which applies {@code server.ssl.*} (and would replace this). */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
