package uk.gov.essex.mace.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A keyed fingerprint of a child's name and date of birth, stored beside a case so a new referral can
 * find an existing case with an equality query while the name and date of birth themselves stay
 * encrypted.
 *
 * <p>An unkeyed hash would not do: names and dates of birth are few enough to enumerate, so anyone
 * with the database could test guesses. HMAC-SHA256 under the keystore's {@code blind-index} key means
 * guesses need the keystore too. What it still reveals, by design, is equality: two cases with the
 * same token are about the same child.
 *
 * <p>The name is normalised so trivial differences in typing match: Unicode NFKC, full case folding
 * (so {@code "STRASSE"} matches {@code "straße"}), runs of whitespace collapsed to one space and
 * trimmed. Accents are kept: {@code "Zoë"} and {@code "Zoe"} give different tokens, because they can
 * be different children. Punctuation such as apostrophes and hyphens is kept as typed.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2104">RFC 2104 (HMAC)</a>
 */
@Component
public final class BlindIndex {

    /** The {@link HubKeys} alias of the HMAC key. Changing the key means recomputing every token. */
    public static final String KEY_ALIAS = "blind-index";

    private static final byte[] DOMAIN = "mace-hub/blind-index/child/v1".getBytes(StandardCharsets.UTF_8);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final HubKeys keys;

    public BlindIndex(HubKeys keys) {
        this.keys = keys;
    }

    /**
     * The token for a child: 64 lowercase hex characters, the same for every spelling that normalises
     * to the same name.
     */
    public String child(String name, LocalDate dateOfBirth) {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        byte[] normalised = normaliseName(name).getBytes(StandardCharsets.UTF_8);
        byte[] dob = dateOfBirth.toString().getBytes(StandardCharsets.US_ASCII);
        // Length prefixes keep the encoding unambiguous whatever characters the name holds.
        ByteBuffer message = ByteBuffer.allocate(DOMAIN.length + 8 + normalised.length + dob.length)
                .put(DOMAIN)
                .putInt(normalised.length).put(normalised)
                .putInt(dob.length).put(dob);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.secretKey(KEY_ALIAS).getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The name as it is fingerprinted. */
    static String normaliseName(String name) {
        Objects.requireNonNull(name, "name");
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
        // Upper then lower approximates Unicode full case folding (e.g. "ß" -> "SS" -> "ss").
        text = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        text = WHITESPACE.matcher(text).replaceAll(" ").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        return text;
    }
}
