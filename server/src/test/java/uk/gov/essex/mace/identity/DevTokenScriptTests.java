package uk.gov.essex.mace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** {@code scripts/dev-token} drives the real authorization code + PKCE flow for every demo user. */
class DevTokenScriptTests extends HubIntegrationTest {

    @Autowired
    IdentityProperties identity;

    static Stream<String> demoUsers() {
        return Stream.of("police.north", "police.south", "csc.north", "council.north", "csp.north", "health.north",
                "healthlead.north", "education.north", "coordinator.north", "coordinator.south", "chair.north",
                "analyst.north", "staysafe.north", "subcommittee", "auditor", "admin");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoUsers")
    void devTokenWorksForDemoUser(String username) throws Exception {
        Result result = run(username, "mace-demo-2026");

        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(api.get(result.stdout().trim(), "/api/cases").status()).isIn(200);
    }

    @Test
    void everyConfiguredDemoUserIsCovered() {
        assertThat(identity.users()).extracting(IdentityProperties.User::username).containsAll(demoUsers().toList());
    }

    @Test
    void devTokenWithWrongPasswordFails() throws Exception {
        Result result = run("police.north", "wrong-password");

        assertThat(result.exit()).isNotZero();
        assertThat(result.stdout()).isBlank();
    }

    record Result(int exit, String stdout, String stderr) {}

    private Result run(String username, String password) throws Exception {
        Path script = Path.of("..", "scripts", "dev-token").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), username);
        builder.environment().put("HUB_URL", baseUrl());
        builder.environment().put("HUB_DEMO_PASSWORD", password);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
