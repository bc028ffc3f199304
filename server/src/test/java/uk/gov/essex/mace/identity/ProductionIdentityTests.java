package uk.gov.essex.mace.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.DemoUsers;
import uk.gov.essex.mace.support.DevTokenScript;
import uk.gov.essex.mace.support.FreshDataDir;

/**
 * The hub as production runs it: without the {@code demo} profile, the keystore password supplied
 * in a file (README "Configuring production"). None of the demo people can sign in or get a token,
 * and no demo client or agency exists. Its own Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductionIdentityTests {

    private static final Path DATA_DIR = FreshDataDir.create("hub-production-");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        registry.add("hub.storage.data-dir", DATA_DIR::toString);
        registry.add("hub.keys.password-file", () -> passwordFile().toString());
    }

    /** A keystore password as an operator would mount it: owner-only, outside the keys directory. */
    private static Path passwordFile() {
        Path file = DATA_DIR.resolve("keystore-password.secret");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    IdentityProperties identity;

    @Autowired
    UserDetailsService people;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    Partnership partnership;

    private String base() {
        return "http://localhost:" + port;
    }

    static Stream<Named<String>> demoUsernames() {
        return DemoUsers.all().stream().map(user -> Named.of(user.username(), user.username()));
    }

    @Test
    void startsWithoutTheDemoProfileAndWithNoPeopleOrClientsConfigured() {
        assertThat(environment.getActiveProfiles()).doesNotContain("demo");
        assertThat(identity.users()).isEmpty();
        assertThat(identity.clients()).isEmpty();
        assertThat(identity.publicClients()).isEmpty();
        assertThat(partnership.agencies()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoUsernames")
    void demoUserCannotSignIn(String username) throws Exception {
        assertThatThrownBy(() -> people.loadUserByUsername(username)).isInstanceOf(UsernameNotFoundException.class);

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password="
                        + enc(DemoTokens.PASSWORD) + "&_csrf=" + enc(csrf.group(1))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).contains("/login?error");
    }

    @Test
    void devTokenGetsNoTokenForADemoUser() throws Exception {
        DevTokenScript.Result result = DevTokenScript.against(base()).run("police.north", DemoTokens.PASSWORD);

        assertThat(result.exit()).isNotZero();
        assertThat(result.stdout()).isBlank();
        assertThatThrownBy(() -> new DemoTokens(base()).freshUser("police.north", DemoTokens.PASSWORD))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"police-rms", "council-system", "hub-cli", "hub-web", "part2-web"})
    void noDemoClientExists(String clientId) throws Exception {
        assertThat(clients.findByClientId(clientId)).isNull();

        String basic = Base64.getEncoder().encodeToString((clientId + ":" + DemoTokens.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=hub")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(token.body()).doesNotContain("access_token");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
