package uk.gov.essex.mace.chat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case feed's STOMP destinations. A browser subscribes to {@code /user/queue/cases/{caseId}},
 * which Spring scopes to its own session; the hub sends to that session's queue only, so nothing
 * is ever broadcast on a shared topic.
 */
final class CaseFeedDestinations {

    private static final Pattern SUBSCRIPTION = Pattern.compile("/user/queue/cases/([A-Za-z0-9-]{1,64})");

    private CaseFeedDestinations() {}

    /** The user queue the hub sends a case's items to (without the {@code /user} prefix). */
    static String queue(String caseId) {
        return "/queue/cases/" + caseId;
    }

    /** The case id of a subscription destination, if it is a case feed's. */
    static Optional<String> caseIdOf(String destination) {
        Matcher m = SUBSCRIPTION.matcher(destination);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
