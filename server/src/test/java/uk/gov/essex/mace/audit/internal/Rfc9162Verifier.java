package uk.gov.essex.mace.audit.internal;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * An independent verifier written from the text of RFC 9162 s2.1.3.2 and s2.1.4.2, sharing no
 * code with the production tree (it even hashes for itself), so a wrong proof cannot be checked by
 * the same mistake that made it.
 */
final class Rfc9162Verifier {

    private Rfc9162Verifier() {}

    /** RFC 9162 s2.1.3.2: verifying an inclusion proof. */
    static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> inclusionPath, byte[] rootHash) {
        // 1. Compare leaf_index from the inclusion_proof_v2 structure against tree_size. If
        //    leaf_index is greater than or equal to tree_size, then fail the proof verification.
        if (leafIndex >= treeSize) {
            return false;
        }
        // 2. Set fn to leaf_index and sn to tree_size - 1.
        long fn = leafIndex;
        long sn = treeSize - 1;
        // 3. Set r to hash.
        byte[] r = leafHash;
        // 4. For each value p in the inclusion_path array:
        for (byte[] p : inclusionPath) {
            //  a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0) {
                return false;
            }
            //  b. If LSB(fn) is set, or if fn is equal to sn, then:
            if ((fn & 1) == 1 || fn == sn) {
                //  i. Set r to HASH(0x01 || p || r).
                r = node(p, r);
                //  ii. If LSB(fn) is not set, then right-shift both fn and sn equally until
                //      either LSB(fn) is set or fn is 0.
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                //  Otherwise: Set r to HASH(0x01 || r || p).
                r = node(r, p);
            }
            //  c. Finally, right-shift both fn and sn one time.
            fn >>= 1;
            sn >>= 1;
        }
        // 5. Compare sn to 0. Compare r against the root_hash. If sn is equal to 0 and r and the
        //    root_hash are equal, then the log has proven the inclusion of hash.
        return sn == 0 && Arrays.equals(r, rootHash);
    }

    /** RFC 9162 s2.1.4.2: verifying consistency between two tree heads. */
    static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstHash, byte[] secondHash, List<byte[]> consistencyPath) {
        // 1. If consistency_path is an empty array, stop and fail the proof verification.
        //    (For equal sizes the RFC expects an empty proof and equal roots; handled first.)
        if (firstSize == secondSize) {
            return consistencyPath.isEmpty() && Arrays.equals(firstHash, secondHash);
        }
        if (consistencyPath.isEmpty() || firstSize > secondSize || firstSize == 0) {
            return false;
        }
        List<byte[]> path = consistencyPath;
        // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
        if (Long.bitCount(firstSize) == 1) {
            path = new java.util.ArrayList<>(consistencyPath);
            path.add(0, firstHash);
        }
        // 3. Set fn to first - 1 and sn to second - 1.
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // 5. Set both fr and sr to the first value in the consistency_path array.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6. For each subsequent value c in the consistency_path array:
        for (byte[] c : path.subList(1, path.size())) {
            //  a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0) {
                return false;
            }
            //  b. If LSB(fn) is set, or if fn is equal to sn, then:
            if ((fn & 1) == 1 || fn == sn) {
                //  i. Set fr to HASH(0x01 || c || fr). Set sr to HASH(0x01 || c || sr).
                fr = node(c, fr);
                sr = node(c, sr);
                //  ii. If LSB(fn) is not set, then right-shift both fn and sn equally until
                //      either LSB(fn) is set or fn is 0.
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                //  Otherwise: Set sr to HASH(0x01 || sr || c).
                sr = node(sr, c);
            }
            //  c. Finally, right-shift both fn and sn one time.
            fn >>= 1;
            sn >>= 1;
        }
        // 7. After completing iterating through the consistency_path array as described above,
        //    verify that the fr calculated is equal to the first_hash supplied, that the sr
        //    calculated is equal to the second_hash supplied, and that sn is 0.
        return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0;
    }

    /** MTH by the RFC's recursive definition (s2.1.1), over leaf hashes. */
    static byte[] mth(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return sha256(new byte[0]);
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(n - 1);
        return node(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }

    static byte[] leaf(byte[] data) {
        byte[] input = new byte[data.length + 1];
        System.arraycopy(data, 0, input, 1, data.length);
        return sha256(input);
    }

    static byte[] node(byte[] left, byte[] right) {
        byte[] input = new byte[1 + left.length + right.length];
        input[0] = 1;
        System.arraycopy(left, 0, input, 1, left.length);
        System.arraycopy(right, 0, input, 1 + left.length, right.length);
        return sha256(input);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
