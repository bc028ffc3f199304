package uk.gov.essex.mace.client.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** STOMP 1.2 framing, byte for byte. */
class StompFrameTests {

    @Test
    void encodeWhenSubscribeThenCommandHeadersBlankLineNul() {
        assertThat(StompFrame.of("SUBSCRIBE", "id", "0", "destination", "/user/queue/alerts").encodeText())
                .isEqualTo("SUBSCRIBE\nid:0\ndestination:/user/queue/alerts\n\n\0");
    }

    @Test
    void encodeWhenHeaderHasSpecialCharactersThenEscapedExceptInConnect() {
        assertThat(StompFrame.of("SEND", "a:b", "x\ny\\z\r").encodeText())
                .isEqualTo("SEND\na\\cb:x\\ny\\\\z\\r\n\n\0");
        assertThat(StompFrame.of("CONNECT", "Authorization", "Bearer a:b").encodeText())
                .isEqualTo("CONNECT\nAuthorization:Bearer a:b\n\n\0");
    }

    @Test
    void encodeWhenBodyThenContentLengthInUtf8Bytes() {
        String text = new StompFrame("SEND", Map.of("destination", "/x"), "café").encodeText();
        assertThat(text).isEqualTo("SEND\ndestination:/x\ncontent-length:5\n\ncafé\0");
    }

    @Test
    void decodeWhenEncodedThenSameFrame() {
        StompFrame frame = new StompFrame("MESSAGE", Map.of("destination", "/q:1", "subscription", "0\n"), "{\"id\":\"é\"}");
        List<StompFrame> decoded = new StompDecoder().feed(frame.encode());
        assertThat(decoded).hasSize(1);
        assertThat(decoded.get(0).command()).isEqualTo("MESSAGE");
        assertThat(decoded.get(0).body()).isEqualTo(frame.body());
        assertThat(decoded.get(0).headers()).containsAllEntriesOf(frame.headers()).containsEntry("content-length", "11");
    }

    @Test
    void decodeWhenBodyContainsNulAndContentLengthThenWholeBody() {
        byte[] wire = "MESSAGE\ncontent-length:3\n\na\0b\0".getBytes(StandardCharsets.UTF_8);
        assertThat(new StompDecoder().feed(wire).get(0).body()).isEqualTo("a\0b");
    }

    @Test
    void decodeWhenFramesSplitAnywhereThenReassembled() {
        byte[] wire = StompDecoder.concat(StompFrame.of("CONNECTED", "version", "1.2").encode(),
                "\n\n".getBytes(StandardCharsets.UTF_8),
                new StompFrame("MESSAGE", Map.of("subscription", "0"), "hello").encode());
        for (int cut = 1; cut < wire.length; cut++) {
            StompDecoder decoder = new StompDecoder();
            List<StompFrame> first = decoder.feed(Arrays.copyOfRange(wire, 0, cut));
            List<StompFrame> rest = decoder.feed(Arrays.copyOfRange(wire, cut, wire.length));
            List<StompFrame> all = new java.util.ArrayList<>(first);
            all.addAll(rest);
            assertThat(all).as("cut at %d", cut).extracting(StompFrame::command).containsExactly("CONNECTED", "MESSAGE");
            assertThat(all.get(1).body()).isEqualTo("hello");
            assertThat(decoder.pending()).isZero();
        }
    }

    @Test
    void decodeWhenHeartbeatsBetweenFramesThenCountedAndSkipped() {
        StompDecoder decoder = new StompDecoder();
        assertThat(decoder.feed("\n")).isEmpty();
        assertThat(decoder.feed("\r\n")).isEmpty();
        assertThat(decoder.feed("RECEIPT\nreceipt-id:r1\n\n\0")).hasSize(1);
        assertThat(decoder.heartbeats()).isEqualTo(2);
    }

    @Test
    void decodeWhenCrLfLinesThenAccepted() {
        StompFrame f = new StompDecoder().feed("ERROR\r\nmessage:refused\r\n\r\nbad token\0").get(0);
        assertThat(f.command()).isEqualTo("ERROR");
        assertThat(f.header("message")).isEqualTo("refused");
        assertThat(f.body()).isEqualTo("bad token");
    }

    @Test
    void decodeWhenRepeatedHeaderThenFirstWins() {
        assertThat(new StompDecoder().feed("MESSAGE\nfoo:1\nfoo:2\n\n\0").get(0).header("foo")).isEqualTo("1");
    }

    @Test
    void decodeWhenUndefinedEscapeThenRefused() {
        assertThatThrownBy(() -> new StompDecoder().feed("MESSAGE\nfoo:a\\tb\n\n\0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
