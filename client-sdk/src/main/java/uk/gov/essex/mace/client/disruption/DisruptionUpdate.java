package uk.gov.essex.mace.client.disruption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.client.cases.Quadrant;
import uk.gov.essex.mace.client.intel.Marking;
import uk.gov.essex.mace.client.intel.Withheld;

/**
 * One disruption update as the caller may see it. When {@link #withheld()} is set, every content
 * field (type, date, place, outcome, text, linked cases, author) is null and only the id, time
 * posted, quadrant, marking, label and owning agency are known. {@link #toString()} shows no content.
 *
 * @param id the update's id
 * @param postedAt when it was posted
 * @param quadrant the quadrant of its place
 * @param marking GSC marking
 * @param label handling label id
 * @param labelName handling label name
 * @param owningAgency the posting agency
 * @param owningAgencyName its name
 * @param withheld set when the caller may not see the content: the label, owner and whom to ask
 * @param type what was done
 * @param date when it took place
 * @param place where
 * @param outcome what came of it
 * @param text further detail, if any
 * @param linkedCaseIds the linked cases the caller may read (others are left out)
 * @param author who posted it
 */
public record DisruptionUpdate(
        String id,
        Instant postedAt,
        Quadrant quadrant,
        Marking marking,
        String label,
        String labelName,
        String owningAgency,
        String owningAgencyName,
        Withheld withheld,
        DisruptionType type,
        LocalDate date,
        DisruptionPlace place,
        String outcome,
        String text,
        List<String> linkedCaseIds,
        String author) {

    public DisruptionUpdate {
        linkedCaseIds = linkedCaseIds == null ? List.of() : List.copyOf(linkedCaseIds);
    }

    /** Whether the content is withheld from the caller. */
    public boolean isWithheld() {
        return withheld != null;
    }

    @Override
    public String toString() {
        return "DisruptionUpdate[" + id + (withheld != null ? " withheld" : "") + "]";
    }
}
