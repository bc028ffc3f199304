package uk.gov.essex.mace.client.audit;

import java.util.List;

/**
 * A consistency proof (RFC 9162 s2.1.4) that the tree of size {@code from} is a prefix of the
 * tree of size {@code to}: nothing in the first {@code from} entries was changed, removed or
 * reordered. Check it with {@link AuditClient#verifyConsistency(TreeHead, TreeHead, ConsistencyProof)}.
 *
 * @param from the older size
 * @param to the newer size
 * @param proof the proof's hashes, base64
 * @param fromRoot the hub's root for {@code from}, base64 (informational)
 * @param toRoot the hub's root for {@code to}, base64 (informational)
 */
public record ConsistencyProof(long from, long to, List<String> proof, String fromRoot, String toRoot) {

    public ConsistencyProof {
        proof = proof == null ? List.of() : List.copyOf(proof);
    }
}
