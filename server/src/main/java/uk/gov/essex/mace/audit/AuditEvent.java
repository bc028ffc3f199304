package uk.gov.essex.mace.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * One thing that happened, as the audit trail records it: who, what, to which records, with what
 * outcome. Never content: {@code details} carries only ids, label names, counts and projection
 * names.
 *
 * @param actor who acted, or {@code null} for the hub itself or an unauthenticated caller
 * @param action what was done, for example {@code case.read} or {@code auth.failed}
 * @param targets ids of the records acted on (case id first where there is one)
 * @param outcome how it ended
 * @param details non-content facts (projection, label, count, reason code)
 */
public record AuditEvent(
        HubPrincipal actor, String action, List<String> targets, Outcome outcome, Map<String, String> details) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        targets = List.copyOf(targets);
        details = Map.copyOf(details);
    }

    public static AuditEvent of(HubPrincipal actor, String action, Outcome outcome, String... targets) {
        return new AuditEvent(actor, action, List.of(targets), outcome, Map.of());
    }

    public AuditEvent with(String key, String value) {
        var merged = new java.util.HashMap<>(details);
        merged.put(key, value);
        return new AuditEvent(actor, action, targets, outcome, merged);
    }

    /** How an audited action ended. */
    public enum Outcome {
        SUCCESS,
        DENIED,
        REJECTED,
        FAILED
    }
}
