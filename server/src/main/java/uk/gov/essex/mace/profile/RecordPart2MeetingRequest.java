package uk.gov.essex.mace.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Records a quadrant's quarterly MACE Part 2 meeting and the themes it agreed to share.
 *
 * @param quadrant MID, NORTH, SOUTH or WEST
 * @param quarter the quarter considered, e.g. {@code 2026-Q1}
 * @param heldOn when the meeting was held: not before the quarter starts, not in the future
 * @param themes what to share, and with whom
 */
public record RecordPart2MeetingRequest(
        @NotBlank @Size(max = 16) String quadrant,
        @NotBlank @Size(max = 16) String quarter,
        @NotNull LocalDate heldOn,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Theme> themes) {

    /**
     * A theme for the Stay Safe groups and the wider workforce: a trend, a pattern, a place, a
     * training need. Never a child's identity.
     *
     * @param title a short heading
     * @param detail what was found and what should be done
     * @param shareWith with whom it is to be shared
     */
    public record Theme(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 4000) String detail,
            @NotEmpty Set<@NotNull ShareWith> shareWith) {}

    /** Who a theme is shared with (the seed's Stay Safe groups, and the wider workforce they train). */
    public enum ShareWith { STAY_SAFE_GROUPS, WIDER_WORKFORCE }

    @Override
    public String toString() {
        return "RecordPart2MeetingRequest[" + quadrant + " " + quarter + ", " + (themes == null ? 0 : themes.size()) + " themes]";
    }
}
