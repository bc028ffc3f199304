package uk.gov.essex.mace.client.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads STOMP frames out of a stream of bytes that may split or join frames anywhere (a
 * WebSocket message may hold part of a frame, one frame or several, and heart-beats are bare
 * end-of-line octets between frames). Not thread-safe: one decoder per connection.
 */
public final class StompDecoder {

    private byte[] buffer = new byte[0];
    private int heartbeats;

    /** Adds received bytes and returns every frame now complete, in order. */
    public List<StompFrame> feed(byte[] bytes) {
        byte[] joined = Arrays.copyOf(buffer, buffer.length + bytes.length);
        System.arraycopy(bytes, 0, joined, buffer.length, bytes.length);
        buffer = joined;
        List<StompFrame> frames = new ArrayList<>();
        while (true) {
            int start = 0;
            while (start < buffer.length && (buffer[start] == '\n' || buffer[start] == '\r')) {
                if (buffer[start] == '\n') {
                    heartbeats++;
                }
                start++;
            }
            buffer = Arrays.copyOfRange(buffer, start, buffer.length);
            int consumed = tryFrame(frames);
            if (consumed == 0) {
                return frames;
            }
            buffer = Arrays.copyOfRange(buffer, consumed, buffer.length);
        }
    }

    /** Adds received text (one WebSocket text message or part of one). */
    public List<StompFrame> feed(CharSequence text) {
        return feed(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** How many heart-beats (bare EOLs between frames) have been seen. */
    public int heartbeats() {
        return heartbeats;
    }

    private int tryFrame(List<StompFrame> frames) {
        int headerEnd = indexOf(buffer, new byte[] {'\n', '\n'}, 0);
        int crlfEnd = indexOf(buffer, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        int bodyStart;
        if (crlfEnd >= 0 && (headerEnd < 0 || crlfEnd < headerEnd)) {
            headerEnd = crlfEnd;
            bodyStart = crlfEnd + 4;
        } else if (headerEnd >= 0) {
            bodyStart = headerEnd + 2;
        } else {
            return 0;
        }
        String head = new String(buffer, 0, headerEnd, StandardCharsets.UTF_8);
        String[] lines = head.split("\r?\n", -1);
        String command = lines[0];
        boolean escaped = !"CONNECT".equals(command) && !"CONNECTED".equals(command);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("malformed STOMP header line in " + command + " frame");
            }
            String name = lines[i].substring(0, colon);
            String value = lines[i].substring(colon + 1);
            headers.putIfAbsent(escaped ? StompFrame.unescape(name) : name, escaped ? StompFrame.unescape(value) : value);
        }
        int bodyEnd;
        String length = headers.get("content-length");
        if (length != null) {
            bodyEnd = bodyStart + Integer.parseInt(length.trim());
            if (buffer.length <= bodyEnd) {
                return 0;
            }
            if (buffer[bodyEnd] != 0) {
                throw new IllegalArgumentException("STOMP frame body is not followed by NUL");
            }
        } else {
            bodyEnd = -1;
            for (int i = bodyStart; i < buffer.length; i++) {
                if (buffer[i] == 0) {
                    bodyEnd = i;
                    break;
                }
            }
            if (bodyEnd < 0) {
                return 0;
            }
        }
        frames.add(new StompFrame(command, headers, new String(buffer, bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8)));
        return bodyEnd + 1;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** For tests: bytes not yet part of a complete frame. */
    int pending() {
        return buffer.length;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
