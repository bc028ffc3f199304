package uk.gov.essex.mace.profile;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the places people type (an intelligence location, a premises on a disruption update, the
 * free text of where a missing child was found) into comparable keys.
 *
 * <ul>
 *   <li>Names: Unicode-normalised, lower case, {@code &} read as "and", punctuation dropped,
 *       whitespace collapsed, a leading "the" dropped: "The Station  Hotel" and "station hotel."
 *       are one place.
 *   <li>Postcodes: upper case in the usual form {@code CO1 1AA}, whatever the spacing.
 *   <li>Free text: a postcode anywhere in it is taken out; the first comma-separated part is the
 *       name, after a leading "found at/in" or "at/in"; a part starting with a digit is a house
 *       number, not a name, so such a place is unnamed.
 * </ul>
 */
final class PlaceNames {

    private static final Pattern POSTCODE = Pattern.compile("\\b([A-Z]{1,2}[0-9][A-Z0-9]?)\\s*([0-9][A-Z]{2})\\b");
    private static final Pattern LEADING_WORDS = Pattern.compile("^(found\\s+(at|in)|at|in)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}\\s]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\s.,;:]+$");
    private static final Pattern PARTS = Pattern.compile("[,;\\n]");

    /** A place as typed, made comparable: {@code nameKey} null when it has no name. */
    record Place(String name, String nameKey, String postcode) {

        /** The postcode's outward code ({@code CO1}), or null. */
        String area() {
            return postcode == null ? null : postcode.substring(0, postcode.indexOf(' '));
        }

        @Override
        public String toString() {
            return "Place[redacted]";
        }
    }

    private PlaceNames() {}

    /** A structured place (a name and a postcode, either may be missing); empty when it has neither. */
    static Optional<Place> of(String name, String postcode) {
        String cleaned = clean(name);
        String key = key(cleaned);
        String code = postcode(postcode);
        if (key == null && code == null) {
            return Optional.empty();
        }
        return Optional.of(new Place(key == null ? null : cleaned, key, code));
    }

    /** A place typed as free text, e.g. "Found at Travelodge Colchester Central, CO4 9PW". */
    static Optional<Place> fromText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        Matcher m = POSTCODE.matcher(upper);
        String code = null;
        String rest = text;
        if (m.find()) {
            code = m.group(1) + " " + m.group(2);
            rest = text.substring(0, m.start()) + text.substring(m.end());
        }
        String first = "";
        for (String part : PARTS.split(rest)) {
            if (!part.isBlank()) {
                first = LEADING_WORDS.matcher(part.trim()).replaceFirst("");
                break;
            }
        }
        boolean houseNumber = !first.isEmpty() && Character.isDigit(first.charAt(0));
        return of(houseNumber ? null : first, code);
    }

    /** The postcode in its usual form, or null when there is none that looks like one. */
    static String postcode(String postcode) {
        if (postcode == null) {
            return null;
        }
        String compact = SPACES.matcher(postcode.toUpperCase(Locale.ROOT)).replaceAll("");
        Matcher m = POSTCODE.matcher(compact);
        return m.matches() ? m.group(1) + " " + m.group(2) : null;
    }

    /** The comparable key of a name, or null when nothing is left of it. */
    static String key(String name) {
        if (name == null) {
            return null;
        }
        String lower = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace("&", " and ");
        String key = SPACES.matcher(PUNCTUATION.matcher(lower).replaceAll("")).replaceAll(" ").trim();
        if (key.startsWith("the ")) {
            key = key.substring(4);
        }
        return key.isEmpty() ? null : key;
    }

    /** The name as shown: whitespace collapsed, trailing punctuation dropped. */
    private static String clean(String name) {
        return name == null ? null : TRAILING.matcher(SPACES.matcher(name.trim()).replaceAll(" ")).replaceAll("");
    }
}
