package uk.gov.essex.mace.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import uk.gov.essex.mace.crypto.HubKeys;
import uk.gov.essex.mace.identity.IdentityProperties;

/**
 * The embedded OAuth2 authorization server: client credentials for partner systems, authorization
 * code with PKCE for people. Its RSA signing key lives in the hub keystore (generated at first
 * start) and is published at {@code /oauth2/jwks}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 s4.4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636">RFC 7636 (PKCE)</a>
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String SIGNING_KEY_ALIAS = "jwt-signing";
    static final String SCOPE = "hub";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, ProblemAuthenticationEntryPoint problems)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        // Only a browser that asks for HTML is sent to the login page; a machine that calls the
        // token endpoint without client credentials gets 401 problem+json, not a redirect.
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> {})
                .csrf(c -> c.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser)
                        .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
    }

    @Bean
    RSAKey hubSigningKey(HubKeys keys) {
        KeyPair pair = keys.keyPair(SIGNING_KEY_ALIAS, "RSA");
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate()).build();
        try {
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute key id of the signing key", e);
        }
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey hubSigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(hubSigningKey));
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IdentityProperties properties) {
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .build();
        List<RegisteredClient> registered = new ArrayList<>();
        for (IdentityProperties.Client client : properties.clients()) {
            registered.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                    .clientId(client.clientId())
                    .clientSecret(client.secretHash())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope(SCOPE)
                    .tokenSettings(tokens)
                    .build());
        }
        for (IdentityProperties.PublicClient client : properties.publicClients()) {
            registered.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                    .clientId(client.clientId())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUris(uris -> uris.addAll(client.redirectUris()))
                    .scope(SCOPE)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .tokenSettings(tokens)
                    .build());
        }
        if (registered.isEmpty()) {
            // The repository needs at least one client; this one can never authenticate.
            registered.add(RegisteredClient.withId("disabled")
                    .clientId("disabled-" + UUID.randomUUID())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1/disabled")
                    .clientSettings(ClientSettings.builder().requireProofKey(true).build())
                    .build());
        }
        return new InMemoryRegisteredClientRepository(registered);
    }
}
