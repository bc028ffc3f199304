package uk.gov.essex.mace.client.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One STOMP 1.2 frame: a command, headers in order, a body. Encoding follows the specification
 * exactly: header values escaped ({@code \\ \n \r :}) in every frame except CONNECT and
 * CONNECTED, the first occurrence of a repeated header wins, a {@code content-length} when there
 * is a body, and a NUL octet at the end.
 *
 * @param command e.g. {@code CONNECT}, {@code SUBSCRIBE}, {@code MESSAGE}
 * @param headers the headers, in order
 * @param body the body (UTF-8 text), empty for none
 * @see <a href="https://stomp.github.io/stomp-specification-1.2.html#STOMP_Frames">STOMP 1.2 frames</a>
 */
public record StompFrame(String command, Map<String, String> headers, String body) {

    public StompFrame {
        Objects.requireNonNull(command, "command");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    /** A frame without a body; headers as alternating names and values. */
    public static StompFrame of(String command, String... headerPairs) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            h.putIfAbsent(headerPairs[i], headerPairs[i + 1]);
        }
        return new StompFrame(command, h, "");
    }

    /** A header's value, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The frame as bytes on the wire. */
    public byte[] encode() {
        boolean escape = !"CONNECT".equals(command) && !"CONNECTED".equals(command);
        StringBuilder b = new StringBuilder(command).append('\n');
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equals("content-length")) {
                continue;
            }
            b.append(escape ? escape(h.getKey()) : h.getKey()).append(':')
                    .append(escape ? escape(h.getValue()) : h.getValue()).append('\n');
        }
        if (bodyBytes.length > 0) {
            b.append("content-length:").append(bodyBytes.length).append('\n');
        }
        b.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bodyBytes);
        out.write(0);
        return out.toByteArray();
    }

    /** The frame as the text of one WebSocket message. */
    public String encodeText() {
        return new String(encode(), StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case ':' -> b.append("\\c");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new IllegalArgumentException("STOMP header ends in a lone backslash");
            }
            switch (s.charAt(i)) {
                case '\\' -> b.append('\\');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 'c' -> b.append(':');
                default -> throw new IllegalArgumentException("undefined STOMP escape \\" + s.charAt(i));
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "StompFrame[" + command + " " + headers.keySet() + ", " + body.length() + " chars]";
    }
}
