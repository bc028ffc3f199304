package uk.gov.essex.mace.alerts;

/** Whether a case ever went to MACE, which decides how long its records are kept. */
public interface MaceHistory {

    /**
     * True when a MACE criteria alert (not a review prompt) was ever raised for the case, whatever
     * became of it since.
     */
    boolean wentToMace(String caseId);
}
