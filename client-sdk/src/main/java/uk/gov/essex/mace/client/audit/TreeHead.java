package uk.gov.essex.mace.client.audit;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed tree head: the hub's signed statement that its audit trail held {@code treeSize}
 * entries whose Merkle root is {@code rootHash}. Hashes and signature are base64, as on the wire.
 *
 * @param treeSize how many entries the head covers
 * @param rootHash the RFC 9162 Merkle tree hash of those entries, base64
 * @param timestamp when the hub signed it (millisecond precision)
 * @param keyId base64 SHA-256 of the signing key's SubjectPublicKeyInfo
 * @param signature Ed25519 over {@link #signedBytes()}, base64
 */
public record TreeHead(long treeSize, String rootHash, Instant timestamp, String keyId, String signature) {

    /** The root hash as bytes. */
    public byte[] rootHashBytes() {
        return Base64.getDecoder().decode(rootHash);
    }

    /** The signature as bytes. */
    public byte[] signatureBytes() {
        return Base64.getDecoder().decode(signature);
    }

    /**
     * The RFC 6962 s3.5 {@code TreeHeadSignature} the hub signs: version v1 (0x00), signature type
     * tree_hash (0x01), uint64 timestamp in ms, uint64 tree size, the 32-byte root hash.
     */
    public byte[] signedBytes() {
        byte[] root = rootHashBytes();
        return ByteBuffer.allocate(2 + 8 + 8 + root.length)
                .put((byte) 0)
                .put((byte) 1)
                .putLong(timestamp.toEpochMilli())
                .putLong(treeSize)
                .put(root)
                .array();
    }
}
