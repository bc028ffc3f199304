package uk.gov.essex.mace.live;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Where a session's messages travel on the broker when the hub relays through RabbitMQ: its own
 * routing key on a direct exchange, {@code /exchange/amq.direct/<instance>.<queue>-user<session>}
 * with the queue's slashes turned into dots ({@code /queue/cases/abc-userS} from
 * {@code /user/queue/cases/abc} becomes {@code .../hub-1.cases.abc-userS}).
 *
 * <p>RabbitMQ does not accept a slash in a {@code /queue/} name, and a {@code /queue/} destination
 * would declare a durable queue for every session, left behind when it ends; a subscription to a
 * direct exchange gets an exclusive, auto-deleted queue of its own, and a message for a routing key
 * nobody is bound to is dropped. The instance id in the key keeps two instances' sessions apart even
 * if their session ids were ever to coincide. As an interceptor on the broker channel it rewrites the
 * subscriptions Spring's user-destination handler makes for this instance's sessions.
 */
final class RelayDestinations implements ChannelInterceptor {

    static final String QUEUE_PREFIX = "/queue/";

    private final String exchange;
    private final String instanceId;

    RelayDestinations(String exchange, String instanceId) {
        this.exchange = exchange;
        this.instanceId = instanceId;
    }

    /** The broker destination of one session's queue, e.g. {@code /queue/alerts} for session S of instance I. */
    String forSession(String instance, String userQueue, String sessionId) {
        return toExchange(instance, userQueue + "-user" + sessionId);
    }

    private String toExchange(String instance, String queueDestination) {
        String name = queueDestination.substring(QUEUE_PREFIX.length()).replace('/', '.');
        return "/exchange/" + exchange + "/" + safe(instance) + "." + name;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
        if (destination == null || !destination.startsWith(QUEUE_PREFIX)) {
            return message;
        }
        SimpMessageHeaderAccessor accessor = MessageHeaderAccessor.getMutableAccessor(message) instanceof SimpMessageHeaderAccessor simp
                ? simp : SimpMessageHeaderAccessor.wrap(message);
        accessor.setDestination(toExchange(instanceId, destination));
        accessor.setLeaveMutable(true);
        return MessageBuilder.createMessage(message.getPayload(), accessor.getMessageHeaders());
    }

    /** A routing key part: no dots or slashes of its own. */
    private static String safe(String instance) {
        return instance.replace('.', '_').replace('/', '_');
    }
}
