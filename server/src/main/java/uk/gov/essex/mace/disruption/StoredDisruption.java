package uk.gov.essex.mace.disruption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.redaction.Marking;

/**
 * A disruption update as stored: routing and counting facts in the clear (type, district, quadrant,
 * date, label, owner, linked case ids), the place's name, address and postcode, the outcome and the
 * text sealed under the data key named by {@code keyScope}.
 *
 * @param keyScope whose data key seals the content: {@code disruption:QUADRANT:yyyy-MM} of the
 *     update's date, so that a month of a quadrant's updates can be crypto-shredded together
 */
record StoredDisruption(
        String id,
        long seq,
        DisruptionType type,
        String district,
        Quadrant quadrant,
        LocalDate date,
        String keyScope,
        String owningAgency,
        String author,
        String label,
        Marking marking,
        Instant postedAt,
        List<String> linkedCaseIds,
        byte[] placeSealed,
        byte[] outcomeSealed,
        byte[] textSealed) {

    StoredDisruption {
        linkedCaseIds = List.copyOf(linkedCaseIds);
    }

    static String keyScope(Quadrant quadrant, LocalDate date) {
        return DisruptionErasure.MonthScope.of(quadrant, date).keyScope();
    }

    @Override
    public String toString() {
        return "StoredDisruption[" + id + "]";
    }
}
