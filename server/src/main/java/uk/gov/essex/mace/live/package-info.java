/**
 * Live: the hub's real-time channel. A STOMP endpoint at {@code /ws} over WebSocket, an
 * in-process broker (or, for several instances, Spring's broker relay to RabbitMQ with a shared
 * session registry in MongoDB: see {@link uk.gov.essex.mace.live.LiveSessions}), bearer tokens checked at CONNECT by the API's own resource-server machinery,
 * every SUBSCRIBE authorised (deny by default: a feature opens a destination by contributing a
 * {@link uk.gov.essex.mace.live.SubscriptionRule}), sessions ended when their token expires.
 *
 * <p>Features push through {@link uk.gov.essex.mace.live.LiveDelivery}, choosing the audience per
 * connected principal, so nothing reaches a session that the policy decision point has not let
 * through.
 */
package uk.gov.essex.mace.live;
