package uk.gov.essex.mace.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import uk.gov.essex.mace.redaction.SegmentMarkup;

/**
 * Fuzzes the restricted-segment markup parser. Whatever the text, it either parses or throws
 * {@link SegmentMarkup.MalformedMarkup} (a 400), never anything else; and what it parses
 * reassembles to exactly the text it was given, with no markup left inside a piece, so no
 * restricted text can slip out of its segment into the plain text (or the reverse).
 *
 * <p>In a normal build the seeds in {@code SegmentMarkupFuzzTestsInputs/} (and any crash found
 * since, kept there) run as regression tests; {@code scripts/fuzz} fuzzes for longer.
 */
@Tag("fuzz")
class SegmentMarkupFuzzTests {

    private static final Pattern LABEL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private static final Set<String> FIXED_MESSAGES = Set.of(
            "a segment is closed with ']]' that was never opened",
            "a segment opened with '[[' is never closed with ']]'",
            "segments cannot be nested",
            "a segment must start with a label id and ':', as in [[police-only:text]]",
            "a segment must hold some text");

    @FuzzTest(maxDuration = "30s")
    void parsesOrRefusesAndNeverLosesOrMovesText(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        List<SegmentMarkup.Piece> pieces;
        try {
            pieces = SegmentMarkup.parse(text);
        } catch (SegmentMarkup.MalformedMarkup refused) {
            // The message never quotes the text: it is one of the parser's fixed messages. (Checking
            // that it does not contain the text is wrong: the text may be a fragment of a message.)
            assertThat(refused.getMessage()).isIn(FIXED_MESSAGES);
            return;
        }
        StringBuilder reassembled = new StringBuilder();
        for (SegmentMarkup.Piece piece : pieces) {
            assertThat(piece.text()).doesNotContain("[[").doesNotContain("]]");
            if (piece.label() == null) {
                assertThat(piece.text()).isNotEmpty();
                reassembled.append(piece.text());
            } else {
                assertThat(piece.label()).matches(LABEL_ID);
                assertThat(piece.text()).isNotBlank();
                reassembled.append("[[").append(piece.label()).append(':').append(piece.text()).append("]]");
            }
        }
        assertThat(reassembled.toString()).isEqualTo(text);
    }
}
