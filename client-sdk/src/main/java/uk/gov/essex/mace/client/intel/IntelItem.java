package uk.gov.essex.mace.client.intel;

import java.time.Instant;
import java.util.List;

/**
 * One intelligence item (one revision of it) as the caller may see it. When {@link #withheld()}
 * is set, every content field is null and only the marking, label, owning agency and handling
 * conditions are known. {@link #toString()} shows no content.
 *
 * @param id item id
 * @param caseId the case
 * @param revision the revision number, from 1
 * @param status e.g. {@code ACTIVE}, {@code WITHDRAWN}
 * @param sharedAt when first shared
 * @param marking GSC marking
 * @param label handling label id
 * @param labelName handling label name
 * @param owningAgency the sharing agency
 * @param owningAgencyName its name
 * @param withheld set when the whole item is withheld from the caller
 * @param handling the 3x5x2 handling code and conditions, if graded
 * @param author who shared it
 * @param category what it is about
 * @param observedAt when the observation was made
 * @param revisedAt when this revision was made
 * @param text the text the caller may read, with placeholders' positions removed (see {@link #parts()})
 * @param parts the text split into readable parts and placeholders
 * @param location where, if given
 * @param persons persons of interest, if given
 * @param sourceEvaluation 3x5x2 source evaluation, if graded
 * @param intelligenceAssessment 3x5x2 intelligence assessment, if graded
 * @param withdrawal who withdrew it, when and why, if withdrawn
 */
public record IntelItem(
        String id,
        String caseId,
        int revision,
        String status,
        Instant sharedAt,
        Marking marking,
        String label,
        String labelName,
        String owningAgency,
        String owningAgencyName,
        Withheld withheld,
        Handling handling,
        String author,
        IntelCategory category,
        Instant observedAt,
        Instant revisedAt,
        String text,
        List<TextPart> parts,
        Place location,
        List<PersonOfInterest> persons,
        Integer sourceEvaluation,
        Grading.Assessment intelligenceAssessment,
        Withdrawal withdrawal) {

    public IntelItem {
        parts = parts == null ? List.of() : List.copyOf(parts);
        persons = persons == null ? List.of() : List.copyOf(persons);
    }

    /** The 3x5x2 handling code and its conditions, shown to every viewer. */
    public record Handling(Grading.HandlingCode code, String conditions) {}

    /** Who withdrew the item, when and why. */
    public record Withdrawal(Instant at, String by, String reason) {}

    /** Whether the whole item is withheld from the caller. */
    public boolean isWithheld() {
        return withheld != null;
    }

    @Override
    public String toString() {
        return "IntelItem[" + id + " r" + revision + (withheld != null ? " withheld" : "") + "]";
    }
}
