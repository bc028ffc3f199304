package uk.gov.essex.mace.live;

import java.time.Clock;
import java.util.List;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.BearerTokens;
import uk.gov.essex.mace.identity.HubAuthentication;

/**
 * Guards every inbound STOMP frame. CONNECT must carry {@code Authorization: Bearer <token>},
 * validated exactly as the API validates it; the session's user is then the token's subject.
 * Every later frame is refused once the token has expired (the session is then closed), every
 * SUBSCRIBE needs a {@link SubscriptionRule} that permits it (and a session holds at most
 * {@code hub.live.max-subscriptions-per-session}), and SEND is refused (no feature
 * takes client messages yet). Refusals are audited and end the session with a STOMP ERROR.
 */
@Component
class StompAuthentication implements ChannelInterceptor {

    private final BearerTokens tokens;
    private final LiveSessions sessions;
    private final List<SubscriptionRule> rules;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxSubscriptions;

    StompAuthentication(BearerTokens tokens, LiveSessions sessions, List<SubscriptionRule> rules, AuditTrail audit,
            Clock clock, LiveProperties properties) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.rules = List.copyOf(rules);
        this.audit = audit;
        this.clock = clock;
        this.maxSubscriptions = properties.maxSubscriptionsPerSession();
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
            stomp.setUser(connect(stomp));
            return message;
        }
        if (command == StompCommand.DISCONNECT) {
            return message;
        }
        HubAuthentication auth = stomp.getUser() instanceof HubAuthentication hub ? hub : null;
        if (auth == null) {
            throw refused(null, "live.frame", stomp.getSessionId(), "not-connected");
        }
        if (!auth.expiresAt().isAfter(clock.instant())) {
            sessions.find(stomp.getSessionId()).ifPresent(sessions::expire);
            throw new MessageDeliveryException("access token expired");
        }
        if (command == StompCommand.SUBSCRIBE) {
            subscribe(auth, stomp);
        } else if (command == StompCommand.UNSUBSCRIBE) {
            sessions.find(stomp.getSessionId()).ifPresent(s -> sessions.unsubscribed(s, stomp.getSubscriptionId()));
        } else if (command == StompCommand.SEND) {
            throw refused(auth, "live.send", stomp.getSessionId(), "no-such-destination");
        }
        return message;
    }

    private HubAuthentication connect(StompHeaderAccessor stomp) {
        String header = stomp.getFirstNativeHeader("Authorization");
        if (header == null) {
            header = stomp.getFirstNativeHeader("authorization");
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused(null, "live.connect", stomp.getSessionId(), "missing-token");
        }
        HubAuthentication auth;
        try {
            auth = tokens.authenticate(header.substring(7).trim());
        } catch (AuthenticationException e) {
            throw refused(null, "live.connect", stomp.getSessionId(), "invalid-token");
        }
        if (auth.expiresAt() == null || !auth.expiresAt().isAfter(clock.instant())) {
            throw refused(auth, "live.connect", stomp.getSessionId(), "expired-token");
        }
        LiveSession session = sessions.find(stomp.getSessionId())
                .orElseThrow(() -> refused(null, "live.connect", stomp.getSessionId(), "no-socket"));
        sessions.connected(session, auth);
        // the token stays here: with the broker relay the CONNECT frame goes on to the broker, which
        // has no business seeing it
        stomp.removeNativeHeader("Authorization");
        stomp.removeNativeHeader("authorization");
        audit.append(AuditEvent.of(auth.getPrincipal(), "live.connect", AuditEvent.Outcome.SUCCESS, stomp.getSessionId()));
        return auth;
    }

    private void subscribe(HubAuthentication auth, StompHeaderAccessor stomp) {
        String destination = stomp.getDestination();
        boolean permitted = destination != null
                && rules.stream().anyMatch(rule -> rule.permits(auth.getPrincipal(), destination));
        if (!permitted) {
            audit.append(AuditEvent.of(auth.getPrincipal(), "live.subscribe", AuditEvent.Outcome.DENIED,
                    stomp.getSessionId()).with("destination", String.valueOf(destination)));
            throw new MessageDeliveryException("subscription refused");
        }
        LiveSession session = sessions.find(stomp.getSessionId()).orElse(null);
        if (session != null && session.subscriptionCount() >= maxSubscriptions) {
            audit.append(AuditEvent.of(auth.getPrincipal(), "live.subscribe", AuditEvent.Outcome.DENIED,
                    stomp.getSessionId()).with("destination", destination).with("reason", "too-many-subscriptions"));
            throw new MessageDeliveryException("too many subscriptions");
        }
        if (session != null) {
            sessions.subscribed(session, stomp.getSubscriptionId(), destination);
        }
        audit.append(AuditEvent.of(auth.getPrincipal(), "live.subscribe", AuditEvent.Outcome.SUCCESS,
                stomp.getSessionId()).with("destination", destination));
    }

    private MessageDeliveryException refused(HubAuthentication auth, String action, String sessionId, String reason) {
        audit.append(AuditEvent.of(auth == null ? null : auth.getPrincipal(), action,
                auth == null ? AuditEvent.Outcome.REJECTED : AuditEvent.Outcome.DENIED,
                sessionId == null ? new String[0] : new String[] {sessionId}).with("reason", reason));
        return new MessageDeliveryException("refused: " + reason);
    }
}
