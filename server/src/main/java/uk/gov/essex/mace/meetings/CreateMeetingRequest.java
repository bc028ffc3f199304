package uk.gov.essex.mace.meetings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * Schedules a quadrant's MACE Part 1 meeting; its agenda is built at once.
 *
 * @param quadrant MID, NORTH, SOUTH or WEST
 * @param date the day of the meeting
 */
public record CreateMeetingRequest(@NotBlank String quadrant, @NotNull LocalDate date) {}
