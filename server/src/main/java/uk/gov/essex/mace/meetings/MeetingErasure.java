package uk.gov.essex.mace.meetings;

/**
 * Takes an erased case out of every MACE Part 1 meeting: its agenda items, every revision of its
 * minutes, and its actions. The meetings themselves stay (they concern other children too). Called
 * by {@code retention} only.
 */
public interface MeetingErasure {

    /**
     * Removes the case's entries from every meeting; returns how many entries (agenda items, minutes
     * revisions, actions) were removed. Idempotent.
     */
    int eraseCase(String caseId);
}
