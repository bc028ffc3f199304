package uk.gov.essex.mace.client.live;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Just enough of RFC 6455 to test the SDK's STOMP client without the hub: the opening handshake,
 * masked client frames (text, continuation, ping, close) and unmasked text frames back. One
 * thread per connection; {@link Connection#drop()} cuts a connection without a close frame, as a
 * failing network does.
 */
final class TinyWebSocketServer implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One accepted WebSocket connection. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        synchronized void sendText(String text) {
            try {
                byte[] payload = text.getBytes(StandardCharsets.UTF_8);
                out.write(0x81);
                if (payload.length < 126) {
                    out.write(payload.length);
                } else if (payload.length < 65536) {
                    out.write(126);
                    out.write(payload.length >> 8);
                    out.write(payload.length & 0xff);
                } else {
                    out.write(127);
                    for (int i = 7; i >= 0; i--) {
                        out.write((int) ((long) payload.length >> (8 * i)) & 0xff);
                    }
                }
                out.write(payload);
                out.flush();
            } catch (IOException e) {
                // the peer went away; the test sees it through the client
            }
        }

        /** Cuts the TCP connection without a WebSocket close. */
        void drop() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }

        boolean isOpen() {
            return !socket.isClosed();
        }
    }

    private final ServerSocket server;
    private final BiConsumer<Connection, String> onText;
    final List<Connection> connections = new CopyOnWriteArrayList<>();

    TinyWebSocketServer(BiConsumer<Connection, String> onText) throws IOException {
        this.onText = onText;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tiny-ws-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String uri(String path) {
        return "ws://127.0.0.1:" + server.getLocalPort() + path;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "tiny-ws-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String key = null;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            String accept = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Connection connection = new Connection(socket);
            connections.add(connection);
            DataInputStream data = new DataInputStream(in);
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int b0 = data.readUnsignedByte();
                int b1 = data.readUnsignedByte();
                int opcode = b0 & 0x0f;
                long length = b1 & 0x7f;
                if (length == 126) {
                    length = data.readUnsignedShort();
                } else if (length == 127) {
                    length = data.readLong();
                }
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) {
                    data.readFully(mask);
                }
                byte[] payload = new byte[(int) length];
                data.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                switch (opcode) {
                    case 0x0, 0x1 -> {
                        message.writeBytes(payload);
                        if ((b0 & 0x80) != 0) {
                            onText.accept(connection, message.toString(StandardCharsets.UTF_8));
                            message.reset();
                        }
                    }
                    case 0x8 -> {
                        synchronized (connection) {
                            out.write(new byte[] {(byte) 0x88, 0});
                            out.flush();
                        }
                        return;
                    }
                    case 0x9 -> {
                        synchronized (connection) {
                            out.write(0x8A);
                            out.write(payload.length);
                            out.write(payload);
                            out.flush();
                        }
                    }
                    default -> { }
                }
            }
        } catch (Exception e) {
            // connection over
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.forEach(Connection::drop);
    }
}
