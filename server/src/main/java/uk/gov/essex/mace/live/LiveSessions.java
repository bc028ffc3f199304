package uk.gov.essex.mace.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cluster.HubInstance;
import uk.gov.essex.mace.identity.HubAuthentication;
import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * The open sessions of this instance, and {@link LiveDelivery} over them: a message goes to one
 * session at a time (Spring's user destination with the session id), only to sessions that are
 * authenticated, unexpired and subscribed, and whose principal the sender's audience admits.
 *
 * <p>With the broker relay ({@code hub.live.relay.enabled}) the choice is made over the sessions of
 * every live instance, from the shared {@link LiveSessionRegistry}, and each chosen session's own
 * projection is sent to its routing key on the broker ({@link RelayDestinations}); the instance
 * holding the session passes it on. What travels through the broker is therefore always one
 * session's already-redacted message, never the record itself.
 */
@Component
class LiveSessions implements LiveDelivery, LiveSubscriptionErasure {

    static final String USER_PREFIX = "/user";
    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);

    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
    /**
     * The sessions subscribed to each destination, so that choosing an item's recipients looks at
     * its case's viewers only, not at every open session.
     */
    private final Map<String, Set<LiveSession>> byDestination = new ConcurrentHashMap<>();
    private final LiveSession.Listeners index = new LiveSession.Listeners() {
        @Override
        public void started(String destination, LiveSession session) {
            // added inside the map's atomic compute, so a set emptied and dropped meanwhile is never the one added to
            byDestination.compute(destination, (d, listening) -> {
                Set<LiveSession> set = listening == null ? ConcurrentHashMap.newKeySet() : listening;
                set.add(session);
                return set;
            });
        }

        @Override
        public void stopped(String destination, LiveSession session) {
            byDestination.computeIfPresent(destination, (d, listening) -> {
                listening.remove(session);
                return listening.isEmpty() ? null : listening;
            });
        }
    };
    private final ObjectProvider<SimpMessagingTemplate> messaging;
    private final AuditTrail audit;
    private final Clock clock;
    private final HubInstance instance;
    private final LiveSessionRegistry registry;
    private final RelayDestinations relay;

    LiveSessions(ObjectProvider<SimpMessagingTemplate> messaging, AuditTrail audit, Clock clock,
            LiveProperties properties, HubInstance instance, MongoTemplate mongo) {
        this.messaging = messaging;
        this.audit = audit;
        this.clock = clock;
        this.instance = instance;
        boolean relayed = properties.relay().enabled();
        this.registry = relayed ? new LiveSessionRegistry(mongo, instance.id()) : null;
        this.relay = relayed ? new RelayDestinations(properties.relay().exchange(), instance.id()) : null;
    }

    /** The broker-channel interceptor of relay mode; empty with the in-process broker. */
    Optional<RelayDestinations> relayDestinations() {
        return Optional.ofNullable(relay);
    }

    @Override
    public int eraseCase(String caseId) {
        return registry == null ? 0 : registry.forgetCase(caseId);
    }

    void connected(LiveSession session, HubAuthentication auth) {
        session.authenticated(auth);
        if (registry != null) {
            registry.connected(session.id(), auth);
        }
    }

    void subscribed(LiveSession session, String subscriptionId, String destination) {
        session.subscribe(subscriptionId, destination);
        if (registry != null) {
            registry.subscribed(session.id(), subscriptionId, destination);
        }
    }

    void unsubscribed(LiveSession session, String subscriptionId) {
        session.unsubscribe(subscriptionId);
        if (registry != null) {
            registry.unsubscribed(session.id(), subscriptionId);
        }
    }

    void opened(WebSocketSession socket) {
        sessions.put(socket.getId(), new LiveSession(socket.getId(), socket, index));
    }

    void closed(String sessionId) {
        LiveSession session = sessions.remove(sessionId);
        if (registry != null && session != null && session.authentication() != null) {
            try {
                registry.closed(sessionId);
            } catch (RuntimeException e) {
                log.warn("Could not remove closed live session {} from the shared registry; it lapses with its token",
                        sessionId, e);
            }
        }
        if (session != null) {
            session.close();
        }
        if (session != null && session.authentication() != null) {
            audit.append(AuditEvent.of(session.authentication().getPrincipal(), "live.disconnect",
                    AuditEvent.Outcome.SUCCESS, sessionId));
        }
    }

    Optional<LiveSession> find(String sessionId) {
        return Optional.ofNullable(sessionId).map(sessions::get);
    }

    @Override
    public boolean mayHaveSubscribers(String userQueue) {
        return registry != null || byDestination.containsKey(USER_PREFIX + userQueue);
    }

    @Override
    public Recipients recipients(String userQueue, Predicate<uk.gov.essex.mace.identity.HubPrincipal> audience) {
        Instant now = clock.instant();
        if (registry != null) {
            return clusterRecipients(userQueue, audience, now);
        }
        String subscribed = USER_PREFIX + userQueue;
        List<LiveSession> chosen = byDestination.getOrDefault(subscribed, Set.of()).stream()
                .filter(s -> s.authentication() != null && !s.expired(now) && s.subscribedTo(subscribed))
                .filter(s -> audience.test(s.authentication().getPrincipal()))
                .toList();
        return new Recipients() {
            @Override
            public List<String> subjects() {
                return chosen.stream().map(s -> s.authentication().getName()).toList();
            }

            @Override
            public int send(Object payload) {
                SimpMessagingTemplate template = messaging.getObject();
                for (LiveSession s : chosen) {
                    template.convertAndSendToUser(s.authentication().getName(), userQueue, payload, toSession(s.id()));
                }
                return chosen.size();
            }

            @Override
            public int sendEach(Function<uk.gov.essex.mace.identity.HubPrincipal, Optional<byte[]>> jsonFor) {
                SimpMessagingTemplate template = messaging.getObject();
                int sent = 0;
                for (LiveSession s : chosen) {
                    Optional<byte[]> json = jsonFor.apply(s.authentication().getPrincipal());
                    if (json.isPresent()) {
                        // Already serialised: sent as it is, so one projection's bytes serve its whole group.
                        template.send(USER_PREFIX + "/" + s.authentication().getName().replace("/", "%2F") + userQueue,
                                MessageBuilder.createMessage(json.get(), toSession(s.id(), true)));
                        sent++;
                    }
                }
                return sent;
            }
        };
    }

    /**
     * Every live instance's sessions subscribed to {@code userQueue} whose principal the audience
     * admits; each is sent its own message at its routing key on the broker.
     */
    private Recipients clusterRecipients(String userQueue, Predicate<HubPrincipal> audience, Instant now) {
        List<LiveSessionRegistry.Remote> chosen = registry.subscribedTo(USER_PREFIX + userQueue, now, instance.alive())
                .stream().filter(r -> audience.test(r.principal())).toList();
        return new Recipients() {
            @Override
            public List<String> subjects() {
                return chosen.stream().map(r -> r.principal().subject()).toList();
            }

            @Override
            public int send(Object payload) {
                SimpMessagingTemplate template = messaging.getObject();
                for (LiveSessionRegistry.Remote r : chosen) {
                    template.convertAndSend(relay.forSession(r.instance(), userQueue, r.sessionId()), payload,
                            relayed(userQueue, false));
                }
                return chosen.size();
            }

            @Override
            public int sendEach(Function<HubPrincipal, Optional<byte[]>> jsonFor) {
                SimpMessagingTemplate template = messaging.getObject();
                int sent = 0;
                for (LiveSessionRegistry.Remote r : chosen) {
                    Optional<byte[]> json = jsonFor.apply(r.principal());
                    if (json.isPresent()) {
                        template.send(relay.forSession(r.instance(), userQueue, r.sessionId()),
                                MessageBuilder.createMessage(json.get(), relayed(userQueue, true)));
                        sent++;
                    }
                }
                return sent;
            }
        };
    }

    /**
     * Headers of a relayed message: the session sees it under the destination it subscribed to
     * ({@code /user/queue/...}), which Spring restores from {@code simpOrigDestination}.
     */
    private static MessageHeaders relayed(String userQueue, boolean json) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setNativeHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, USER_PREFIX + userQueue);
        if (json) {
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        }
        headers.setLeaveMutable(true);
        return headers.getMessageHeaders();
    }

    /**
     * Closes the sessions whose token has expired although they sent nothing since; with the relay,
     * also drops from the shared registry the sessions of instances that have gone silent.
     */
    @Scheduled(fixedDelayString = "${hub.live.expiry-check:" + LiveProperties.EXPIRY_CHECK + "}")
    void closeExpired() {
        Instant now = clock.instant();
        sessions.values().stream().filter(s -> s.expired(now)).forEach(this::expire);
        if (registry != null) {
            try {
                registry.forgetInstancesOtherThan(instance.alive(), now);
            } catch (RuntimeException e) {
                log.debug("Could not tidy the shared live-session registry", e);
            }
        }
    }

    void expire(LiveSession session) {
        audit.append(AuditEvent.of(session.authentication().getPrincipal(), "live.session.expired",
                AuditEvent.Outcome.REJECTED, session.id()));
        try {
            session.socket().close(CloseStatus.POLICY_VIOLATION.withReason("access token expired"));
        } catch (IOException e) {
            log.debug("Closing expired live session {} failed", session.id(), e);
        }
    }

    private static Map<String, Object> toSession(String sessionId) {
        return toSession(sessionId, false);
    }

    private static MessageHeaders toSession(String sessionId, boolean json) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        if (json) {
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        }
        headers.setLeaveMutable(true);
        return headers.getMessageHeaders();
    }
}
