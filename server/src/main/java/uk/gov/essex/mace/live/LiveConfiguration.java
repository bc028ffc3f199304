package uk.gov.essex.mace.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * STOMP over WebSocket at {@code /ws} with the in-process broker ({@code /queue}, {@code /topic};
 * app prefix {@code /app}; user destinations under {@code /user}), or, with
 * {@code hub.live.relay.enabled}, Spring's STOMP broker relay to RabbitMQ so that several hub
 * instances share one fan-out (see {@link LiveSessions} and {@link RelayDestinations}). Ordered before any other
 * configurer so that {@link StompAuthentication} sees every inbound frame first.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableScheduling
@Order(Ordered.HIGHEST_PRECEDENCE + 99)
class LiveConfiguration implements WebSocketMessageBrokerConfigurer {

    private final LiveProperties properties;
    private final StompAuthentication authentication;
    private final SubscribeReceipts receipts;
    private final LiveSessions sessions;

    LiveConfiguration(LiveProperties properties, StompAuthentication authentication, SubscribeReceipts receipts,
            LiveSessions sessions) {
        this.properties = properties;
        this.authentication = authentication;
        this.receipts = receipts;
        this.sessions = sessions;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws")
                .addInterceptors(new MalformedOriginRefusal())
                .setAllowedOrigins(properties.allowedOrigins().toArray(String[]::new));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        LiveProperties.Relay relay = properties.relay();
        if (relay.enabled()) {
            // Only the hub itself addresses the broker: a client's SUBSCRIBE is refused unless a
            // SubscriptionRule permits it, and no rule permits /exchange or /topic.
            registry.enableStompBrokerRelay("/queue", "/topic", "/exchange")
                    .setRelayHost(relay.host())
                    .setRelayPort(relay.port())
                    .setClientLogin(relay.login())
                    .setClientPasscode(relay.passcode())
                    .setSystemLogin(relay.login())
                    .setSystemPasscode(relay.passcode())
                    .setVirtualHost(relay.virtualHost());
            sessions.relayDestinations().ifPresent(registry.configureBrokerChannel()::interceptors);
        } else {
            registry.enableSimpleBroker("/queue", "/topic");
        }
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix(LiveSessions.USER_PREFIX);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authentication, receipts);
    }


    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(properties.messageSizeLimit());
        registration.addDecoratorFactory(this::tracked);
    }

    /** Tracks each connection's socket so an expired session can be closed without waiting for a frame. */
    private WebSocketHandler tracked(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                sessions.opened(session);
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                sessions.closed(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }
}
