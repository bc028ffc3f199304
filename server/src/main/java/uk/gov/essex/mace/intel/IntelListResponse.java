package uk.gov.essex.mace.intel;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of a case's timeline. Paging back ({@code before}) gives items newest first and
 * {@code nextBefore}; catching up ({@code after}) gives items oldest first and {@code nextAfter}.
 * A cursor is opaque to clients (it is the id of an item the viewer was shown, never a position),
 * and there is no total, so that neither a count nor a gap can reveal items the viewer may not
 * know exist.
 *
 * @param nextBefore pass as {@code before} for the next, older page; null at the start of the case
 * @param nextAfter pass as {@code after} for the next, newer page; absent when caught up (and when paging back)
 */
public record IntelListResponse(
        List<IntelItemResponse> items,
        String nextBefore,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextAfter) {

    static IntelListResponse back(List<IntelItemResponse> items, String nextBefore) {
        return new IntelListResponse(items, nextBefore, null);
    }
}
