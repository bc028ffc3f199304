package uk.gov.essex.mace.live;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * Pushes a message to the connected sessions a feature chooses, one principal at a time (the
 * chooser is normally a policy decision). In two steps, so the sender can audit whom it is about
 * to reach before anything leaves the hub.
 */
public interface LiveDelivery {

    /**
     * The open sessions, with unexpired tokens, subscribed to {@code userQueue} (e.g.
     * {@code /queue/alerts}), whose principal is in {@code audience}.
     */
    Recipients recipients(String userQueue, Predicate<HubPrincipal> audience);

    /**
     * False only when certainly no session is subscribed to {@code userQueue}, so a sender can skip
     * reading what it would have sent. True may still find no recipient: with the broker relay the
     * sessions of other instances are not known here without a query, so it is always true.
     */
    boolean mayHaveSubscribers(String userQueue);

    /** Sessions chosen for one message. */
    interface Recipients {

        /** Subjects of the chosen sessions (a user with two sessions appears twice). */
        List<String> subjects();

        /** Sends {@code payload} (serialised as JSON) to each chosen session; returns how many. */
        int send(Object payload);

        /**
         * Sends each chosen session the JSON document {@code jsonFor} gives its principal, or nothing
         * when it gives none; returns how many sessions were sent one. For a message whose content
         * differs per viewer (a redacted projection): the caller decides per principal and may hand
         * the same serialised bytes to many sessions, so each distinct payload is built once.
         */
        int sendEach(Function<HubPrincipal, Optional<byte[]>> jsonFor);
    }
}
