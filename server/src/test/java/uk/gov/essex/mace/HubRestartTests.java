package uk.gov.essex.mace;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubApi;

/** A restarted hub on the same data directory keeps its data, its keystore and its token-signing key. */
class HubRestartTests {

    @Test
    void restartKeepsCasesKeysAndSigningKey() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "hub-restart-");
        String token;
        String caseId;
        String jwks;
        try (ConfigurableApplicationContext hub = start(dataDir)) {
            String base = base(hub);
            token = new DemoTokens(base).user("police.north");
            HubApi api = new HubApi(base);
            caseId = api.post(token, "/api/cases", aCase().childName("Restart Child").json()).json().get("id").asString();
            jwks = api.get(null, "/oauth2/jwks").body();
        }

        try (ConfigurableApplicationContext hub = start(dataDir)) {
            HubApi api = new HubApi(base(hub));

            HubApi.Reply read = api.get(token, "/api/cases/" + caseId);

            assertThat(read.status()).as("a token signed before the restart is still valid").isEqualTo(200);
            assertThat(read.json().get("childName").asString()).isEqualTo("Restart Child");
            assertThat(api.get(null, "/oauth2/jwks").body()).isEqualTo(jwks);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // arguments, not builder properties: those are defaults, and application.yml's data-dir would win
        return new SpringApplicationBuilder(HubApplication.class)
                .profiles("demo")
                .run("--server.port=0", "--hub.storage.data-dir=" + dataDir, "--spring.jmx.enabled=false");
    }

    private static String base(ConfigurableApplicationContext hub) {
        return "http://localhost:" + ((WebServerApplicationContext) hub).getWebServer().getPort();
    }
}
