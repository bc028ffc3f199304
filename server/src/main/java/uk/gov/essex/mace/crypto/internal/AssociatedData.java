package uk.gov.essex.mace.crypto.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * Builds GCM associated data as an unambiguous byte string: the format version, a purpose label, then each part
 * length-prefixed, so {@code ("ab", "c")} and {@code ("a", "bc")} never encode alike and a field
 * ciphertext can never pass for a wrapped key or the reverse.
 *
 * <p>A plain growable array, not a {@code ByteArrayOutputStream}: this runs on every seal and open,
 * and the stream's synchronised single-byte writes cost more than encrypting a short field.
 */
final class AssociatedData {

    private byte[] bytes = new byte[128];
    private int length;

    /** Starts with the ciphertext format version, so it cannot be changed to steer a reader to another format. */
    AssociatedData(String purpose) {
        bytes[length++] = AesGcm.VERSION;
        add(purpose);
    }

    AssociatedData add(String part) {
        byte[] encoded = part.getBytes(StandardCharsets.UTF_8);
        addInt(encoded.length);
        ensureRoom(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        return this;
    }

    AssociatedData add(long value) {
        addInt(8);
        ensureRoom(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** Passes the associated data to {@code cipher} without copying it. */
    void feed(Cipher cipher) {
        cipher.updateAAD(bytes, 0, length);
    }

    private void addInt(int value) {
        ensureRoom(4);
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    private void ensureRoom(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
