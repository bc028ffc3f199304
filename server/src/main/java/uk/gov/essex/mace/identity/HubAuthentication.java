package uk.gov.essex.mace.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated call: the validated token and the {@link HubPrincipal} drawn from it. The
 * principal is what controllers receive with {@code @AuthenticationPrincipal}.
 */
public final class HubAuthentication extends AbstractAuthenticationToken {

    private final transient Jwt token;
    private final HubPrincipal principal;

    public HubAuthentication(Jwt token, HubPrincipal principal) {
        super(principal.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.token = token;
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public HubPrincipal getPrincipal() {
        return principal;
    }

    /** The raw token is never exposed as credentials, so it cannot end up in a log or a body. */
    @Override
    public Object getCredentials() {
        return "[REDACTED]";
    }

    public java.time.Instant expiresAt() {
        return token.getExpiresAt();
    }

    @Override
    public String getName() {
        return principal.subject();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HubAuthentication that && principal.equals(that.principal) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return principal.hashCode();
    }

    static List<String> authorityNames(HubPrincipal principal) {
        return principal.roles().stream().map(r -> "ROLE_" + r.name()).toList();
    }
}
