package uk.gov.essex.mace.audit.web;

import java.time.Instant;
import java.util.Base64;
import uk.gov.essex.mace.audit.internal.SignedTreeHead;

/**
 * A signed tree head, hashes and signature in base64. The signature is Ed25519 over the RFC 6962
 * s3.5 TreeHeadSignature: 0x00 0x01, uint64 timestamp (ms), uint64 treeSize, rootHash.
 */
record TreeHeadResponse(long treeSize, String rootHash, Instant timestamp, String keyId, String signature) {

    static TreeHeadResponse of(SignedTreeHead head) {
        return new TreeHeadResponse(
                head.treeSize(),
                Base64.getEncoder().encodeToString(head.rootHash()),
                head.timestamp(),
                head.keyId(),
                Base64.getEncoder().encodeToString(head.signature()));
    }
}
