package uk.gov.essex.mace.client.audit;

import java.util.List;

/**
 * An inclusion proof (RFC 9162 s2.1.3) that entry {@code seq} is leaf {@code seq} of the tree of
 * size {@code treeSize}. Check it with {@link AuditClient#verifyInclusion(InclusionProof, TreeHead)}
 * against a signed head you hold, not against the {@code rootHash} the hub sent with it.
 *
 * @param seq the entry's sequence number (its leaf index)
 * @param treeSize the size of the tree the proof is for
 * @param leafHash the entry's leaf hash, base64
 * @param auditPath the sibling hashes from the leaf up, base64
 * @param rootHash the root the hub computed, base64 (informational)
 */
public record InclusionProof(long seq, long treeSize, String leafHash, List<String> auditPath, String rootHash) {

    public InclusionProof {
        auditPath = auditPath == null ? List.of() : List.copyOf(auditPath);
    }
}
