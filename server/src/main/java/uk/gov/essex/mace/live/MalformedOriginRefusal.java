package uk.gov.essex.mace.live;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses, with 403, a WebSocket handshake whose {@code Origin} header is not a well-formed origin
 * (for example {@code http://localhost:8080.evil.example}). Runs before Spring's allowed-origins
 * check, which would otherwise fail on parsing it with a 500 instead of refusing it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6454#section-7">RFC 6454 s7, the Origin header</a>
 */
final class MalformedOriginRefusal implements HandshakeInterceptor {

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        if (origin == null || "null".equals(origin)) {
            return true; // no origin (not a browser), or an opaque one: the allowed-origins check decides
        }
        try {
            var parsed = UriComponentsBuilder.fromUriString(origin).build();
            boolean wellFormed = parsed.getScheme() != null && parsed.getHost() != null
                    && (parsed.getPath() == null || parsed.getPath().isEmpty())
                    && parsed.getQuery() == null && parsed.getFragment() == null;
            if (wellFormed) {
                return true;
            }
        } catch (IllegalArgumentException e) { // InvalidUrlException among them
            // refused below
        }
        response.setStatusCode(HttpStatus.FORBIDDEN);
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {}
}
