package uk.gov.essex.mace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MerkleTreeTests {

    private static final int MAX = 70;
    private static final List<byte[]> leaves = new ArrayList<>();
    private static final MerkleTree tree = new MerkleTree();

    @BeforeAll
    static void fill() {
        for (int i = 0; i < MAX; i++) {
            byte[] leaf = Rfc9162Verifier.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            tree.append(leaf);
        }
    }

    @Test
    void rootWhenAnySizeThenEqualsTheRfcRecursiveDefinition() {
        for (int n = 0; n <= MAX; n++) {
            assertThat(tree.root(n)).as("size %d", n).isEqualTo(Rfc9162Verifier.mth(leaves.subList(0, n)));
        }
        assertThat(tree.root()).isEqualTo(Rfc9162Verifier.mth(leaves));
    }

    @Test
    void rootWhenGrowingThenFrontierMatchesEverySize() {
        MerkleTree growing = new MerkleTree();
        for (int n = 1; n <= MAX; n++) {
            growing.append(leaves.get(n - 1));
            assertThat(growing.root()).as("size %d", n).isEqualTo(Rfc9162Verifier.mth(leaves.subList(0, n)));
        }
    }

    @Test
    void inclusionProofWhenEveryLeafOfEverySizeThenIndependentVerifierAccepts() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = Rfc9162Verifier.mth(leaves.subList(0, n));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = tree.inclusionProof(m, n);
                assertThat(Rfc9162Verifier.verifyInclusion(m, n, leaves.get(m), path, root))
                        .as("leaf %d of %d", m, n)
                        .isTrue();
            }
        }
    }

    @Test
    void inclusionProofWhenCheckedForAnotherLeafThenIndependentVerifierRejects() {
        List<byte[]> path = tree.inclusionProof(5, 13);
        byte[] root = Rfc9162Verifier.mth(leaves.subList(0, 13));
        assertThat(Rfc9162Verifier.verifyInclusion(6, 13, leaves.get(6), path, root)).isFalse();
        assertThat(Rfc9162Verifier.verifyInclusion(5, 13, leaves.get(6), path, root)).isFalse();
    }

    @Test
    void consistencyProofWhenEveryPairOfSizesThenIndependentVerifierAccepts() {
        for (int n = 1; n <= MAX; n++) {
            byte[] second = Rfc9162Verifier.mth(leaves.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] first = Rfc9162Verifier.mth(leaves.subList(0, m));
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(Rfc9162Verifier.verifyConsistency(m, n, first, second, proof))
                        .as("%d -> %d", m, n)
                        .isTrue();
            }
        }
    }

    @Test
    void consistencyProofWhenHistoryRewrittenThenIndependentVerifierRejects() {
        List<byte[]> forked = new ArrayList<>(leaves.subList(0, 20));
        forked.set(3, Rfc9162Verifier.leaf("forged".getBytes(StandardCharsets.UTF_8)));
        byte[] forkedFirst = Rfc9162Verifier.mth(forked.subList(0, 7));
        byte[] second = Rfc9162Verifier.mth(leaves.subList(0, 20));
        assertThat(Rfc9162Verifier.verifyConsistency(7, 20, forkedFirst, second, tree.consistencyProof(7, 20))).isFalse();
    }

    @Test
    void proofsWhenRfc6962ReferenceVectorsThenMatch() {
        // The eight leaves and roots used by the Certificate Transparency reference tests
        // (certificate-transparency-go merkletree tests, after RFC 6962 s2.1.3).
        String[] inputs = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
        MerkleTree reference = new MerkleTree();
        for (String input : inputs) {
            reference.append(Rfc9162Verifier.leaf(HexFormat.of().parseHex(input)));
        }
        assertThat(HexFormat.of().formatHex(reference.root(1)))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(HexFormat.of().formatHex(reference.root(8)))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    @Test
    void proofsWhenSizeBeyondTreeThenRefused() {
        assertThatThrownBy(() -> tree.inclusionProof(0, MAX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(6, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
