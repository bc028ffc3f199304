package uk.gov.essex.mace.system;

/** The request conflicts with the current state (for example an idempotency key reused with another body). */
public class ConflictProblem extends RuntimeException {

    private final String slug;

    public ConflictProblem(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
