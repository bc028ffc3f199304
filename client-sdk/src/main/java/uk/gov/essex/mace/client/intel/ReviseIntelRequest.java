package uk.gov.essex.mace.client.intel;

import java.util.List;

/**
 * A new revision of an item, by its author (the earlier revisions stay in its history).
 *
 * @param expectedRevision the revision you edited; if someone revised it since, the hub refuses
 *     with {@link uk.gov.essex.mace.client.StaleRevisionException}
 * @param text the new text
 * @param location the new place, or null for none
 * @param persons the new persons of interest, or null for none
 */
public record ReviseIntelRequest(Integer expectedRevision, String text, Place location, List<PersonOfInterest> persons) {

    public ReviseIntelRequest {
        persons = persons == null || persons.isEmpty() ? null : List.copyOf(persons);
    }

    /** A text-only revision of revision {@code expectedRevision}. */
    public static ReviseIntelRequest text(int expectedRevision, String text) {
        return new ReviseIntelRequest(expectedRevision, text, null, null);
    }

    @Override
    public String toString() {
        return "ReviseIntelRequest[expectedRevision=" + expectedRevision + "]";
    }
}
