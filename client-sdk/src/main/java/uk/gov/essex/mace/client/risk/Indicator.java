package uk.gov.essex.mace.client.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.client.intel.TextPart;
import uk.gov.essex.mace.client.intel.Withheld;

/**
 * One recorded exploitation indicator as the caller may see it. Indicators are under handling
 * labels like intelligence items: when {@link #withheld()} is set, the caller may not see this one
 * and only its label, the recording agency and when it was recorded are known (which indicator,
 * when observed, the note and who recorded it are null). An indicator under a label that withholds
 * even that (police source protection) is not listed to the caller at all. {@link #toString()}
 * shows no content.
 *
 * @param id indicator record id
 * @param caseId the case
 * @param label handling label id
 * @param labelName handling label name
 * @param recordedByAgency the recording agency
 * @param recordedByAgencyName its name
 * @param recordedAt when recorded
 * @param withheld set when the indicator is withheld from the caller
 * @param indicator which indicator
 * @param observedOn when noticed
 * @param sourceNote where the information comes from, as the caller may read it
 * @param sourceNoteParts the note split into readable parts and placeholders for restricted segments
 * @param recordedBy who recorded it
 */
public record Indicator(String id, String caseId, String label, String labelName, String recordedByAgency,
        String recordedByAgencyName, Instant recordedAt, Withheld withheld, ExploitationIndicator indicator,
        LocalDate observedOn, String sourceNote, List<TextPart> sourceNoteParts, String recordedBy) {

    public Indicator {
        sourceNoteParts = sourceNoteParts == null ? List.of() : List.copyOf(sourceNoteParts);
    }

    /** Whether the indicator is withheld from the caller. */
    public boolean isWithheld() {
        return withheld != null;
    }

    @Override
    public String toString() {
        return "Indicator[" + id + (withheld != null ? " withheld" : "") + "]";
    }
}
