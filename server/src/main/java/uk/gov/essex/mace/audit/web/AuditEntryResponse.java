package uk.gov.essex.mace.audit.web;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import uk.gov.essex.mace.audit.internal.AuditEntry;
import uk.gov.essex.mace.audit.internal.EntryEncoding;

/**
 * One audit entry as an auditor sees it. {@code readable} is false for a stored document that no
 * longer reads as an entry (then only {@code seq} is set): run verification.
 */
record AuditEntryResponse(
        long seq,
        boolean readable,
        Instant time,
        ActorResponse actor,
        String action,
        List<String> targets,
        String outcome,
        String requestId,
        String sourceAddress,
        Map<String, String> details,
        String leafHash) {

    static AuditEntryResponse of(AuditEntry entry) {
        AuditEntry.Actor actor = entry.actor();
        return new AuditEntryResponse(
                entry.seq(),
                true,
                entry.time(),
                actor == null ? null : new ActorResponse(actor.subject(), actor.agency(), actor.roles(), actor.clientId()),
                entry.action(),
                entry.targets(),
                entry.outcome(),
                entry.requestId(),
                entry.sourceAddress(),
                entry.details(),
                Base64.getEncoder().encodeToString(EntryEncoding.leafHash(entry)));
    }

    static AuditEntryResponse unreadable(long seq) {
        return new AuditEntryResponse(seq, false, null, null, null, null, null, null, null, null, null);
    }

    record ActorResponse(String subject, String agency, List<String> roles, String clientId) {}
}
