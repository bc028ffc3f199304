package uk.gov.essex.mace.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses inline restricted segments: {@code [[label-id:restricted text]]}. Segments do not nest,
 * must be closed, must name a label and hold some text; {@code [[} always opens a segment. Every
 * labelled free text of the hub (intelligence items, exploitation indicator source notes, MACE
 * minutes) is written in this markup and checked by {@link LabelRules}.
 */
public final class SegmentMarkup {

    private static final Pattern LABEL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** A parsed piece: {@code label} null for plain text. */
    public record Piece(String label, String text) {}

    /** Thrown for markup that cannot be parsed; the message never quotes the text. */
    public static final class MalformedMarkup extends RuntimeException {
        MalformedMarkup(String message) {
            super(message);
        }
    }

    private SegmentMarkup() {}

    public static List<Piece> parse(String text) {
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("[[", at);
            int strayClose = text.indexOf("]]", at);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                throw new MalformedMarkup("a segment is closed with ']]' that was never opened");
            }
            if (open < 0) {
                pieces.add(new Piece(null, text.substring(at)));
                break;
            }
            if (open > at) {
                pieces.add(new Piece(null, text.substring(at, open)));
            }
            int close = text.indexOf("]]", open + 2);
            if (close < 0) {
                throw new MalformedMarkup("a segment opened with '[[' is never closed with ']]'");
            }
            String body = text.substring(open + 2, close);
            if (body.contains("[[")) {
                throw new MalformedMarkup("segments cannot be nested");
            }
            int colon = body.indexOf(':');
            if (colon < 0 || !LABEL_ID.matcher(body.substring(0, colon)).matches()) {
                throw new MalformedMarkup("a segment must start with a label id and ':', as in [[police-only:text]]");
            }
            String segmentText = body.substring(colon + 1);
            if (segmentText.isBlank()) {
                throw new MalformedMarkup("a segment must hold some text");
            }
            pieces.add(new Piece(body.substring(0, colon), segmentText));
            at = close + 2;
        }
        return List.copyOf(pieces);
    }
}
