/**
 * The tamper-evident audit trail: every feature records what happened through
 * {@link uk.gov.essex.mace.audit.AuditTrail} (ids and outcomes, never content), failing closed.
 * Entries are the leaves of an RFC 6962 / RFC 9162 Merkle tree in MongoDB, each sealed with a
 * hub-held HMAC key; the hub signs tree heads with Ed25519 on a schedule, serves inclusion and
 * consistency proofs, and a verifier (REST and the {@code audit-verify} command) walks the whole
 * trail and names the first entry that was edited, deleted, inserted or reordered, or the tree
 * head that was forged. Auditors read it under {@code /api/audit}. Design and threat model:
 * {@code docs/audit.md}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162">RFC 9162</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6962">RFC 6962</a>
 */
package uk.gov.essex.mace.audit;
