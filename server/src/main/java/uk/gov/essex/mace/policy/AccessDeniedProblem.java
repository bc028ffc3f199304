package uk.gov.essex.mace.policy;

/** The policy decision point refused an action; mapped to 403 problem+json. */
public class AccessDeniedProblem extends RuntimeException {

    private final String reason;

    public AccessDeniedProblem(String reason) {
        super("The policy decision point refused this action (" + reason + ")");
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
