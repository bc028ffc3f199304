package uk.gov.essex.mace.audit.web;

import java.util.List;
import uk.gov.essex.mace.audit.internal.AuditProofs;

/**
 * A consistency proof (RFC 9162 s2.1.4) that the tree of size {@code from} is a prefix of the tree
 * of size {@code to}, hashes in base64.
 */
record ConsistencyProofResponse(long from, long to, List<String> proof, String fromRoot, String toRoot) {

    static ConsistencyProofResponse of(AuditProofs.ConsistencyProof proof) {
        return new ConsistencyProofResponse(
                proof.from(),
                proof.to(),
                Base64s.of(proof.proof()),
                Base64s.of(proof.fromRoot()),
                Base64s.of(proof.toRoot()));
    }
}
