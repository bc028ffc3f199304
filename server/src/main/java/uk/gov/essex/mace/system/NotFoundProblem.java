package uk.gov.essex.mace.system;

/** The thing asked for does not exist (or the caller may not learn that it does). */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String what) {
        super(what + " was not found");
    }
}
