/**
 * Live subscriptions: STOMP 1.2 over the hub's WebSocket endpoint ({@code /ws}), with automatic
 * reconnection and resumption, so a listener sees every item once, in order, across dropped
 * connections. A small STOMP client of our own on {@code java.net.http.WebSocket} keeps the SDK
 * free of Spring.
 *
 * @see <a href="https://stomp.github.io/stomp-specification-1.2.html">STOMP 1.2</a>
 */
package uk.gov.essex.mace.client.live;
