package uk.gov.essex.mace.client.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 9162 verification against the Certificate Transparency reference tree (the eight leaves and
 * published roots and proofs of {@code merkle_tree_test.cc}), then exhaustively against a
 * reference implementation of the RFC's own recursive definitions, and against every single
 * mutation of a valid proof. (A proof does not authenticate the tree size: a path can fit two
 * sizes. The size is vouched for by the signed head, which is why the SDK takes sizes from heads.)
 */
class MerkleProofsTests {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> LEAVES = Stream.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f").map(HEX::parseHex).toList();
    private static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };

    @Test
    void referenceRootsWhenComputedThenMatchPublishedVectors() {
        for (int n = 1; n <= 8; n++) {
            assertThat(HEX.formatHex(mth(leafHashes(n), 0, n))).as("root of %d leaves", n).isEqualTo(ROOTS[n - 1]);
        }
    }

    static Stream<Arguments> publishedInclusionProofs() {
        return Stream.of(
                Arguments.of(0, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(5, 8, List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                Arguments.of(1, 5, List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(0, 1, List.of()));
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("publishedInclusionProofs")
    void verifyInclusionWhenPublishedVectorThenValid(int index, int size, List<String> path) {
        byte[] leaf = MerkleProofs.leafHash(LEAVES.get(index));
        List<byte[]> proof = path.stream().map(HEX::parseHex).toList();
        assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, HEX.parseHex(ROOTS[size - 1]))).isTrue();
        assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, HEX.parseHex(ROOTS[0].equals(ROOTS[size - 1])
                ? ROOTS[1] : ROOTS[0]))).as("wrong root").isFalse();
    }

    static Stream<Arguments> publishedConsistencyProofs() {
        return Stream.of(
                Arguments.of(1, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(6, 8, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 5, List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(1, 1, List.of()));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("publishedConsistencyProofs")
    void verifyConsistencyWhenPublishedVectorThenValid(int first, int second, List<String> proof) {
        List<byte[]> hashes = proof.stream().map(HEX::parseHex).toList();
        assertThat(MerkleProofs.verifyConsistency(first, second, HEX.parseHex(ROOTS[first - 1]),
                HEX.parseHex(ROOTS[second - 1]), hashes)).isTrue();
        if (first != second) {
            assertThat(MerkleProofs.verifyConsistency(first, second, HEX.parseHex(ROOTS[second - 1]),
                    HEX.parseHex(ROOTS[second - 1]), hashes)).as("old root swapped").isFalse();
        }
    }

    @Test
    void verifyInclusionWhenEveryLeafOfEverySizeUpTo40ThenValidAndEveryMutationFails() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leafHashes(n);
            byte[] root = mth(leaves, 0, n);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = path(m, leaves, 0, n);
                assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get(m), path, root)).as("%d of %d", m, n).isTrue();
                assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get((m + 1) % n), path, root)).isEqualTo(n == 1);
                for (int i = 0; i < path.size(); i++) {
                    assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get(m), flipped(path, i), root)).isFalse();
                }
                if (!path.isEmpty()) {
                    assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get(m), path.subList(0, path.size() - 1), root))
                            .as("truncated").isFalse();
                }
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(root);
                assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get(m), longer, root)).as("extended").isFalse();
            }
        }
    }

    @Test
    void verifyConsistencyWhenEveryPairOfSizesUpTo40ThenValidAndEveryMutationFails() {
        List<byte[]> leaves = leafHashes(40);
        for (int n = 1; n <= 40; n++) {
            byte[] newRoot = mth(leaves, 0, n);
            for (int m = 1; m <= n; m++) {
                byte[] oldRoot = mth(leaves, 0, m);
                List<byte[]> proof = proof(m, leaves.subList(0, n));
                assertThat(MerkleProofs.verifyConsistency(m, n, oldRoot, newRoot, proof)).as("%d to %d", m, n).isTrue();
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleProofs.verifyConsistency(m, n, oldRoot, newRoot, flipped(proof, i))).isFalse();
                }
                if (m < n) {
                    assertThat(MerkleProofs.verifyConsistency(m, n, flip(oldRoot), newRoot, proof)).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(m, n, oldRoot, flip(newRoot), proof)).isFalse();
                }
            }
        }
    }

    @Test
    void verifyConsistencyWhenEmptyOldTreeThenTriviallyConsistent() {
        assertThat(MerkleProofs.verifyConsistency(0, 5, null, HEX.parseHex(ROOTS[4]), List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(3, 2, HEX.parseHex(ROOTS[2]), HEX.parseHex(ROOTS[1]), List.of())).isFalse();
    }

    // --- reference implementation of RFC 9162 s2.1.1, s2.1.3.1 and s2.1.4.1, recursive as written there

    private static List<byte[]> leafHashes(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(MerkleProofs.leafHash(i < LEAVES.size() ? LEAVES.get(i) : new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        return hashes;
    }

    private static int split(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private static byte[] mth(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return MerkleProofs.nodeHash(mth(leaves, from, from + k), mth(leaves, from + k, to));
    }

    private static List<byte[]> path(int m, List<byte[]> leaves, int from, int to) {
        int n = to - from;
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = split(n);
        if (m < k) {
            out.addAll(path(m, leaves, from, from + k));
            out.add(mth(leaves, from + k, to));
        } else {
            out.addAll(path(m - k, leaves, from + k, to));
            out.add(mth(leaves, from, from + k));
        }
        return out;
    }

    private static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, 0, d.size(), true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, int from, int to, boolean b) {
        int n = to - from;
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(d, from, to));
            }
            return out;
        }
        int k = split(n);
        if (m <= k) {
            out.addAll(subproof(m, d, from, from + k, b));
            out.add(mth(d, from + k, to));
        } else {
            out.addAll(subproof(m - k, d, from + k, to, false));
            out.add(mth(d, from, from + k));
        }
        return out;
    }

    private static List<byte[]> flipped(List<byte[]> hashes, int i) {
        List<byte[]> copy = new ArrayList<>(hashes);
        copy.set(i, flip(copy.get(i)));
        return copy;
    }

    private static byte[] flip(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }
}
