package uk.gov.essex.mace.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubClientBuilderTests {

    private static HubClientBuilder valid() {
        return HubClient.builder().baseUrl("https://hub.example").clientCredentials("police-rms", "s3cret");
    }

    @Test
    void buildWhenRequiredSettingsGivenThenClient() {
        assertThat(valid().build()).hasToString("HubClient[https://hub.example]");
    }

    @Test
    void buildWhenBaseUrlMissingThenSaysSo() {
        assertThatThrownBy(() -> HubClient.builder().clientCredentials("a", "b").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseUrl is required");
    }

    @Test
    void buildWhenNoCredentialsThenSaysWhichToCall() {
        assertThatThrownBy(() -> HubClient.builder().baseUrl("https://hub.example").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clientCredentials(id, secret) or tokenSupplier");
    }

    @Test
    void buildWhenBothCredentialKindsThenRefused() {
        assertThatThrownBy(() -> valid().tokenSupplier(() -> "t").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
    }

    @Test
    void buildWhenPlainHttpToRemoteHostThenRefused() {
        assertThatThrownBy(() -> HubClient.builder().baseUrl("http://hub.example").tokenSupplier(() -> "t").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("https://");
    }

    @Test
    void buildWhenPlainHttpToLoopbackThenAllowed() {
        assertThat(HubClient.builder().baseUrl("http://localhost:8080/").tokenSupplier(() -> "t").build())
                .hasToString("HubClient[http://localhost:8080]");
        assertThat(HubClient.builder().baseUrl("http://127.0.0.1:8080").tokenSupplier(() -> "t").build()).isNotNull();
    }

    @Test
    void buildWhenPlainHttpExplicitlyAllowedThenBuilt() {
        assertThat(HubClient.builder().baseUrl("http://hub.example").allowPlainHttp(true).tokenSupplier(() -> "t").build())
                .isNotNull();
    }

    @Test
    void baseUrlWhenNotHttpThenRefusedAtOnce() {
        assertThatThrownBy(() -> HubClient.builder().baseUrl("ftp://hub.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> HubClient.builder().baseUrl("https://hub.example/?x=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no query");
        assertThatThrownBy(() -> HubClient.builder().baseUrl("not a url"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settersWhenOutOfRangeThenNameTheSetting() {
        assertThatThrownBy(() -> valid().maxRetries(-1)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> valid().maxRetries(11)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> valid().connectTimeout(Duration.ZERO)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> valid().requestTimeout(Duration.ofSeconds(-1))).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> valid().retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> valid().clientCredentials(" ", "x")).hasMessageContaining("clientId");
        assertThatThrownBy(() -> valid().clientCredentials("x", "")).hasMessageContaining("clientSecret");
        assertThatThrownBy(() -> valid().scope("")).hasMessageContaining("scope");
        assertThatThrownBy(() -> valid().tokenUrl("/relative")).hasMessageContaining("tokenUrl");
    }

    @Test
    void buildWhenTokenUrlWithTokenSupplierThenRefused() {
        assertThatThrownBy(() -> HubClient.builder().baseUrl("https://hub.example").tokenUrl("https://idp.example/token")
                        .tokenSupplier(() -> "t").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tokenUrl");
    }

    @Test
    void trustStoreWhenFileMissingThenRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> valid().trustStore(dir.resolve("missing.p12"), "x".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not readable");
    }

    @Test
    void trustStoreWhenKeyStoreGivenThenBuilt() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        assertThat(valid().trustStore(store).build()).isNotNull();
    }

    @Test
    void requestOptionsWhenKeyHasSpacesThenRefused() {
        assertThatThrownBy(() -> RequestOptions.idempotencyKey("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RequestOptions.idempotencyKey("rms-12345").keyOrRandom()).isEqualTo("rms-12345");
        assertThat(RequestOptions.NONE.keyOrRandom()).isNotEqualTo(RequestOptions.NONE.keyOrRandom());
    }
}
