package uk.gov.essex.mace.audit.internal;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * A checkpoint of the trail: the tree hash of its first {@code treeSize} entries at
 * {@code timestamp}, signed by the hub's tree-head key. Anyone holding one can later demand a
 * consistency proof and so detect a rewritten history.
 *
 * @param treeSize number of entries covered
 * @param rootHash MTH(D[0:treeSize])
 * @param timestamp when it was signed, to the millisecond
 * @param keyId base64 SHA-256 of the signing key's SubjectPublicKeyInfo (RFC 6962 log id)
 * @param signature Ed25519 signature over {@link #signedBytes()}
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6962#section-3.5">RFC 6962 s3.5</a>
 */
public record SignedTreeHead(long treeSize, byte[] rootHash, Instant timestamp, String keyId, byte[] signature) {

    public SignedTreeHead {
        timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli());
        rootHash = rootHash.clone();
        signature = signature.clone();
    }

    /**
     * The RFC 6962 s3.5 {@code TreeHeadSignature} structure: version v1 (0), signature type
     * tree_hash (1), uint64 timestamp (ms), uint64 tree size, 32-byte root hash.
     */
    public byte[] signedBytes() {
        return signedBytes(treeSize, rootHash, timestamp);
    }

    static byte[] signedBytes(long treeSize, byte[] rootHash, Instant timestamp) {
        return ByteBuffer.allocate(2 + 8 + 8 + rootHash.length)
                .put((byte) 0)
                .put((byte) 1)
                .putLong(timestamp.toEpochMilli())
                .putLong(treeSize)
                .put(rootHash)
                .array();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
