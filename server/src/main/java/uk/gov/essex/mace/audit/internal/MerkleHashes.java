package uk.gov.essex.mace.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hash functions of the tree, with the domain-separation prefixes of RFC 6962 so that a
 * leaf can never be passed off as an interior node (second-preimage protection).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1.1">RFC 9162 s2.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6962#section-2.1">RFC 6962 s2.1</a>
 */
public final class MerkleHashes {

    public static final int SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHashes::newDigest);

    private MerkleHashes() {}

    /** SHA-256(0x00 || leaf). */
    public static byte[] leaf(byte[] leaf) {
        return leaf(leaf, 0, leaf.length);
    }

    /** SHA-256(0x00 || bytes[offset, offset+length)). */
    public static byte[] leaf(byte[] bytes, int offset, int length) {
        MessageDigest digest = SHA256.get();
        digest.update(LEAF_PREFIX);
        digest.update(bytes, offset, length);
        return digest.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = SHA256.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** MTH({}) = SHA-256() for the empty tree. */
    public static byte[] empty() {
        return SHA256.get().digest();
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
