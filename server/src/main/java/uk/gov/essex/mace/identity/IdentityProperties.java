package uk.gov.essex.mace.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;

/**
 * Who the hub trusts and who may sign in to its embedded authorization server.
 *
 * @param issuer the embedded authorization server's issuer identifier ({@code iss} of its tokens)
 * @param audience the audience every access token must carry
 * @param accessTokenTtl lifetime of access tokens the embedded server issues
 * @param users people who sign in with a password at the embedded server (demo only in practice)
 * @param clients partner systems using the client credentials grant
 * @param publicClients browser and command-line clients using authorization code with PKCE
 * @param trustedIssuers external OIDC issuers (each agency's IdP) and how their claims map
 * @param revokedClients client ids whose tokens are refused and who get no new ones, whatever the
 *     database says (revocations made at run time through the admin API are stored and added to these)
 * @param revocationRefresh how often an instance re-reads the stored revocations, so a client revoked
 *     through another instance is refused here within this time
 */
@Validated
@ConfigurationProperties("hub.identity")
public record IdentityProperties(
        @NotNull @DefaultValue("https://localhost:8080") URI issuer,
        @NotBlank @DefaultValue("mace-hub") String audience,
        @NotNull @DefaultValue("15m") Duration accessTokenTtl,
        @Valid @DefaultValue List<User> users,
        @Valid @DefaultValue List<Client> clients,
        @Valid @DefaultValue List<PublicClient> publicClients,
        @Valid @DefaultValue List<TrustedIssuer> trustedIssuers,
        @DefaultValue List<@NotBlank String> revokedClients,
        @NotNull @DefaultValue("10s") Duration revocationRefresh) {

    /**
     * A person known to the embedded authorization server.
     *
     * @param username login name, e.g. {@code police.north}
     * @param passwordHash a Spring Security encoded hash, e.g. {@code {bcrypt}$2a$...}
     * @param agency the agency id the user acts for
     * @param roles the user's roles
     * @param quadrants the quadrants the user covers
     */
    public record User(
            @NotBlank String username,
            @NotBlank String passwordHash,
            @NotBlank String agency,
            @NotEmpty List<Role> roles,
            @DefaultValue List<Quadrant> quadrants) {

        @Override
        public String toString() {
            return "User[" + username + ", passwordHash=[REDACTED]]";
        }
    }

    /**
     * A partner system (police RMS, council case system) using client credentials.
     *
     * @param clientId the OAuth2 client id
     * @param secretHash a Spring Security encoded hash of the client secret
     * @param agency the agency id the system acts for
     * @param roles roles granted to the system (normally PARTNER_SYSTEM)
     * @param quadrants the quadrants it serves
     */
    public record Client(
            @NotBlank String clientId,
            @NotBlank String secretHash,
            @NotBlank String agency,
            @NotEmpty List<Role> roles,
            @DefaultValue List<Quadrant> quadrants) {

        @Override
        public String toString() {
            return "Client[" + clientId + ", secretHash=[REDACTED]]";
        }
    }

    /**
     * A public client (no secret) that must use PKCE.
     *
     * @param clientId the OAuth2 client id
     * @param redirectUris exact redirect URIs allowed
     */
    public record PublicClient(@NotBlank String clientId, @NotEmpty List<String> redirectUris) {}

    /**
     * An external OIDC issuer the hub trusts, and how its tokens' claims become agency, roles and
     * quadrants. Values that the mapping does not name are ignored, never guessed.
     *
     * @param issuerUri the exact {@code iss} value
     * @param jwkSetUri where the issuer publishes its signing keys
     * @param audience the audience its tokens must carry for the hub
     * @param agency a fixed agency id for every token of this issuer (an agency's own IdP)
     * @param agencyClaim or the claim holding the agency id (a shared IdP)
     * @param subjectClaim the claim naming the person or system
     * @param rolesClaim the claim holding role values (string or list)
     * @param roleMapping external role value to hub role
     * @param quadrantsClaim the claim holding quadrant names
     */
    public record TrustedIssuer(
            @NotBlank String issuerUri,
            @NotBlank String jwkSetUri,
            @NotBlank String audience,
            String agency,
            String agencyClaim,
            @NotBlank @DefaultValue("sub") String subjectClaim,
            @NotBlank @DefaultValue("roles") String rolesClaim,
            @DefaultValue Map<String, Role> roleMapping,
            @NotBlank @DefaultValue("quadrants") String quadrantsClaim) {}
}
