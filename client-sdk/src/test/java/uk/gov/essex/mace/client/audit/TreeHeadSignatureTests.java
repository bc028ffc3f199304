package uk.gov.essex.mace.client.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Tree-head signatures as the hub makes them: Ed25519 over the RFC 6962 s3.5 structure. */
class TreeHeadSignatureTests {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    @Test
    void verifyTreeHeadWhenSignedByKeyThenValid() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TreeHead head = sign(keys, 42, new byte[32], Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(AuditClient.verifyTreeHead(head, keys.getPublic())).isTrue();
    }

    @Test
    void verifyTreeHeadWhenAnyFieldChangedThenInvalid() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TreeHead head = sign(keys, 42, new byte[32], Instant.ofEpochMilli(1_700_000_000_123L));
        byte[] otherRoot = new byte[32];
        otherRoot[0] = 1;
        assertThat(AuditClient.verifyTreeHead(new TreeHead(43, head.rootHash(), head.timestamp(), head.keyId(),
                head.signature()), keys.getPublic())).isFalse();
        assertThat(AuditClient.verifyTreeHead(new TreeHead(42, B64.encodeToString(otherRoot), head.timestamp(),
                head.keyId(), head.signature()), keys.getPublic())).isFalse();
        assertThat(AuditClient.verifyTreeHead(new TreeHead(42, head.rootHash(), head.timestamp().plusMillis(1),
                head.keyId(), head.signature()), keys.getPublic())).isFalse();
    }

    @Test
    void verifyTreeHeadWhenOtherKeyThenInvalid() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TreeHead head = sign(keys, 1, new byte[32], Instant.now());
        assertThat(AuditClient.verifyTreeHead(head, other.getPublic())).isFalse();
    }

    @Test
    void signedBytesWhenBuiltThenRfc6962Layout() {
        byte[] root = new byte[32];
        root[31] = 7;
        TreeHead head = new TreeHead(0x0102, B64.encodeToString(root), Instant.ofEpochMilli(0x0A0B), "k", "");
        byte[] bytes = head.signedBytes();
        assertThat(bytes).hasSize(50);
        assertThat(bytes[0]).isZero();
        assertThat(bytes[1]).isEqualTo((byte) 1);
        assertThat(ByteBuffer.wrap(bytes, 2, 8).getLong()).isEqualTo(0x0A0B);
        assertThat(ByteBuffer.wrap(bytes, 10, 8).getLong()).isEqualTo(0x0102);
        assertThat(bytes[49]).isEqualTo((byte) 7);
    }

    @Test
    void fromPemWhenHubPublicKeyThenReadable() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertThat(AuditPublicKey.fromPem(pem).getEncoded()).isEqualTo(keys.getPublic().getEncoded());
    }

    static TreeHead sign(KeyPair keys, long size, byte[] root, Instant at) throws Exception {
        TreeHead unsigned = new TreeHead(size, B64.encodeToString(root), at,
                B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded())), "");
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(unsigned.signedBytes());
        return new TreeHead(size, unsigned.rootHash(), at, unsigned.keyId(), B64.encodeToString(s.sign()));
    }
}
