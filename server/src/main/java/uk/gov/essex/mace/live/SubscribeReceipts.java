package uk.gov.essex.mace.live;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Answers a SUBSCRIBE that asks for a receipt once the in-process broker has registered it, as
 * STOMP 1.2 provides and Spring's simple broker does not. A client that waits for the receipt
 * knows that nothing sent afterwards can miss it.
 *
 * @see <a href="https://stomp.github.io/stomp-specification-1.2.html#Header_receipt">STOMP 1.2 receipt</a>
 */
@Component
class SubscribeReceipts implements ExecutorChannelInterceptor {

    private final ObjectProvider<MessageChannel> clientOutbound;
    private final boolean relayed;

    SubscribeReceipts(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound,
            LiveProperties properties) {
        this.clientOutbound = clientOutbound;
        // with the broker relay the SUBSCRIBE goes on to the broker with its receipt header, and the
        // broker answers once its subscription exists
        this.relayed = properties.relay().enabled();
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (relayed || ex != null || stomp == null || stomp.getCommand() != StompCommand.SUBSCRIBE || stomp.getReceipt() == null) {
            return;
        }
        String destination = stomp.getDestination();
        boolean registered = destination != null && destination.startsWith(LiveSessions.USER_PREFIX + "/")
                ? handler instanceof UserDestinationMessageHandler
                : handler instanceof SimpleBrokerMessageHandler;
        if (registered) {
            StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
            receipt.setReceiptId(stomp.getReceipt());
            receipt.setSessionId(stomp.getSessionId());
            clientOutbound.getObject().send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
        }
    }
}
