package uk.gov.essex.mace.audit.web;

import java.util.Base64;
import java.util.List;

/** Hashes on the wire are standard base64, as in RFC 9162's JSON. */
final class Base64s {

    private Base64s() {}

    static String of(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static List<String> of(List<byte[]> hashes) {
        return hashes.stream().map(Base64s::of).toList();
    }
}
