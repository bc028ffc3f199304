package uk.gov.essex.mace.audit.web;

import java.util.List;
import uk.gov.essex.mace.audit.internal.AuditProofs;

/**
 * An inclusion proof (RFC 9162 s2.1.3), hashes in base64; check it against a signed tree head of
 * size {@code treeSize} that you hold, not only against {@code rootHash}.
 */
record InclusionProofResponse(long seq, long treeSize, String leafHash, List<String> auditPath, String rootHash) {

    static InclusionProofResponse of(AuditProofs.InclusionProof proof) {
        return new InclusionProofResponse(
                proof.seq(),
                proof.treeSize(),
                Base64s.of(proof.leafHash()),
                Base64s.of(proof.auditPath()),
                Base64s.of(proof.rootHash()));
    }
}
