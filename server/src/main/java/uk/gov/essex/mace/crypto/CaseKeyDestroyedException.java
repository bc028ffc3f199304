package uk.gov.essex.mace.crypto;

/**
 * The case's data key was destroyed when the case was erased, so its fields can no longer be opened
 * and no new field may be sealed for it.
 */
public class CaseKeyDestroyedException extends RuntimeException {

    private final String caseId;

    public CaseKeyDestroyedException(String caseId) {
        super("data key of case " + caseId + " was destroyed (case erased)");
        this.caseId = caseId;
    }

    public String caseId() {
        return caseId;
    }
}
