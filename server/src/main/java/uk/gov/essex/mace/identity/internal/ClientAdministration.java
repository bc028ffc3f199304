package uk.gov.essex.mace.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.identity.IdentityProperties;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/** Revoking and reinstating clients: administrators only, each change audited (fail closed). */
@Component
class ClientAdministration {

    private final PolicyDecisionPoint policy;
    private final ClientRevocations revocations;
    private final IdentityProperties properties;
    private final AuditTrail audit;

    ClientAdministration(PolicyDecisionPoint policy, ClientRevocations revocations, IdentityProperties properties,
            AuditTrail audit) {
        this.policy = policy;
        this.revocations = revocations;
        this.properties = properties;
        this.audit = audit;
    }

    ClientListResponse list(HubPrincipal who) {
        policy.check(who, Action.ADMINISTER);
        List<ClientResponse> clients = new ArrayList<>();
        properties.clients().forEach(c -> clients.add(describe(c.clientId(), "confidential")));
        properties.publicClients().forEach(c -> clients.add(describe(c.clientId(), "public")));
        return new ClientListResponse(clients, revocations.all());
    }

    ClientResponse revoke(HubPrincipal who, String clientId) {
        policy.check(who, Action.ADMINISTER);
        String kind = requireKnown(clientId);
        // Audited first: a revocation that cannot be recorded is not made.
        audit.append(AuditEvent.of(who, "client.revoked", AuditEvent.Outcome.SUCCESS, clientId));
        revocations.revoke(clientId, who.subject());
        return describe(clientId, kind);
    }

    ClientResponse reinstate(HubPrincipal who, String clientId) {
        policy.check(who, Action.ADMINISTER);
        String kind = requireKnown(clientId);
        if (revocations.revokedByConfiguration(clientId)) {
            throw new ConflictProblem("revoked-by-configuration",
                    "This client is revoked in the hub's configuration (hub.identity.revoked-clients).");
        }
        audit.append(AuditEvent.of(who, "client.reinstated", AuditEvent.Outcome.SUCCESS, clientId));
        revocations.reinstate(clientId);
        return describe(clientId, kind);
    }

    private String requireKnown(String clientId) {
        if (properties.clients().stream().anyMatch(c -> c.clientId().equals(clientId))) {
            return "confidential";
        }
        if (properties.publicClients().stream().anyMatch(c -> c.clientId().equals(clientId))) {
            return "public";
        }
        throw new NotFoundProblem("Client");
    }

    private ClientResponse describe(String clientId, String kind) {
        return new ClientResponse(clientId, kind, revocations.revoked(clientId), revocations.revokedByConfiguration(clientId));
    }
}
