package uk.gov.essex.mace.policy;

/**
 * The answer of the policy decision point.
 *
 * @param permitted whether the action may go ahead
 * @param reason a short stable code for the audit trail, for example {@code not-a-member}
 */
public record Decision(boolean permitted, String reason) {

    static Decision permit(String reason) {
        return new Decision(true, reason);
    }

    static Decision deny(String reason) {
        return new Decision(false, reason);
    }
}
