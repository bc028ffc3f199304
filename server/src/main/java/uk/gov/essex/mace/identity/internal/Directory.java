package uk.gov.essex.mace.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.IdentityProperties;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;

/**
 * The people and partner systems known to the embedded authorization server, from configuration.
 * Checks at start-up that every one of them names a configured agency.
 */
@Component
class Directory implements UserDetailsService {

    /** What goes into an access token about its subject. */
    record Grant(String agency, List<Role> roles, List<Quadrant> quadrants) {}

    private final Map<String, IdentityProperties.User> users;
    private final Map<String, IdentityProperties.Client> clients;

    Directory(IdentityProperties properties, Partnership partnership) {
        this.users = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(IdentityProperties.User::username, Function.identity()));
        this.clients = properties.clients().stream()
                .collect(Collectors.toUnmodifiableMap(IdentityProperties.Client::clientId, Function.identity()));
        properties.users().forEach(u -> requireAgency(partnership, u.agency(), "user " + u.username()));
        properties.clients().forEach(c -> requireAgency(partnership, c.agency(), "client " + c.clientId()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        IdentityProperties.User user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .authorities(user.roles().stream().map(r -> "ROLE_" + r.name()).toArray(String[]::new))
                .build();
    }

    Optional<Grant> userGrant(String username) {
        return Optional.ofNullable(users.get(username)).map(u -> new Grant(u.agency(), u.roles(), u.quadrants()));
    }

    Optional<Grant> clientGrant(String clientId) {
        return Optional.ofNullable(clients.get(clientId)).map(c -> new Grant(c.agency(), c.roles(), c.quadrants()));
    }

    List<IdentityProperties.Client> clients() {
        return List.copyOf(clients.values());
    }

    private static void requireAgency(Partnership partnership, String agency, String who) {
        if (partnership.agency(agency).isEmpty()) {
            throw new IllegalStateException(who + " names agency '" + agency + "', which is not configured");
        }
    }
}
