/**
 * The hub's tamper-evident audit trail, checked on the partner's side. The hub signs Merkle tree
 * heads (RFC 6962 s3.5, Ed25519); a partner keeps the heads it has seen ({@link
 * uk.gov.essex.mace.client.audit.TreeHeadStore}) and asks for consistency proofs from an old head
 * to a new one, verified here with the SDK's own RFC 9162 code: a hub whose history was rewritten,
 * even by someone holding its keys, cannot produce one.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1">RFC 9162 s2.1</a>
 */
package uk.gov.essex.mace.client.audit;
