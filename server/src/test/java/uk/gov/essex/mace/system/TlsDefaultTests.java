package uk.gov.essex.mace.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** HTTPS unless plain HTTP is asked for in so many words. (TlsTests serves HTTPS for real.) */
class TlsDefaultTests {

    private static TlsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("hub.tls", TlsProperties.class);
    }

    @Test
    void whenNothingIsConfiguredThenTheHubServesHttps() {
        assertThat(bind(Map.of()).enabled()).isTrue();
    }

    @Test
    void whenPlainHttpIsAskedForThenOnlyThen() {
        assertThat(bind(Map.of("hub.tls.enabled", "false")).enabled()).isFalse();
    }

    @Test
    void theSelfSignedCertificateIsMadeWhenTheSettingIsAbsent() throws Exception {
        var condition = TlsConfiguration.class.getAnnotation(org.springframework.boot.autoconfigure.condition.ConditionalOnProperty.class);
        assertThat(condition.matchIfMissing()).isTrue();
        assertThat(condition.havingValue()).isEqualTo("true");
    }
}
