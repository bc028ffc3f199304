package uk.gov.essex.mace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.crypto.HubKeys;

/** The verifier's hand-made HMAC-SHA256 must agree with the JDK's {@link Mac}, whatever the key length. */
class EntrySealTests {

    @Test
    void checkerWhenSealMadeByMacThenMatchesAndAnyFlippedBitDoesNot() throws Exception {
        Random random = new Random(7);
        for (int keyLength : new int[] {1, 16, 32, 63, 64, 65, 100, 200}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            EntrySeal seal = new EntrySeal(keys(new SecretKeySpec(key, "HmacSHA256")));
            EntrySeal.Checker checker = seal.checker();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (int i = 0; i < 50; i++) {
                byte[] leafHash = new byte[32];
                random.nextBytes(leafHash);
                byte[] expected = mac.doFinal(leafHash);
                byte[] stored = new byte[40];
                System.arraycopy(expected, 0, stored, 5, 32);
                byte[] leafAt3 = new byte[35];
                System.arraycopy(leafHash, 0, leafAt3, 3, 32);

                assertThat(seal.seal(leafHash)).isEqualTo(expected);
                assertThat(checker.matches(leafAt3, 3, stored, 5)).as("key of %d bytes", keyLength).isTrue();
                stored[5 + random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                assertThat(checker.matches(leafAt3, 3, stored, 5)).isFalse();
            }
        }
    }

    private static HubKeys keys(SecretKey secret) {
        return new HubKeys() {
            @Override
            public KeyPair keyPair(String alias, String algorithm) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SecretKey secretKey(String alias) {
                return secret;
            }
        };
    }
}
