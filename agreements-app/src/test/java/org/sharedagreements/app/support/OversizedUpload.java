package org.sharedagreements.app.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One HTTP/1.1 request on a raw socket with a body far larger than the service accepts (150 MB). A writer thread
 * streams the body (with {@code Content-Length} or chunked) while the caller waits for the status line, so the
 * answer shows how much of the body the client had sent by the time the service decided. Writing stops when the
 * service closes or resets the connection, or once the answer is in.
 */
public final class OversizedUpload {

    public enum Framing { CONTENT_LENGTH, CHUNKED }

    /** What came back, and how many body bytes the writer had handed to the socket when it did. */
    public record Answer(int status, Map<String, String> headers, long sentBeforeAnswer) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Far more than the service accepts, and more than a small heap could hold a few of. */
    public static final long BODY_BYTES = 150L * 1024 * 1024;
    /**
     * What a client can have handed to a loopback socket the service does not read: both ends' socket buffers
     * (a few MB each under Linux's autotuning) and what Tomcat swallows before it closes the connection.
     */
    public static final long UNREAD_IN_FLIGHT = 16L * 1024 * 1024;
    public static final String MULTIPART_BOUNDARY = "oversized-upload";
    private static final int CHUNK = 64 * 1024;
    private static final byte[] FILLER = filler();
    private static final byte[] CRLF = {'\r', '\n'};

    private OversizedUpload() {
    }

    public static Answer send(int port, String method, String path, String contentType, Framing framing,
                              String bearerToken) throws IOException, InterruptedException {
        long bodyBytes = BODY_BYTES;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, contentType, framing, bodyBytes, bearerToken));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> stream(out, framing, bodyBytes, prefix(contentType), sent),
                    "oversized-upload-writer");
            writer.setDaemon(true);
            writer.start();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = readLine(in);
            long sentBeforeAnswer = sent.get();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            socket.close();
            writer.join(10_000);
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, sentBeforeAnswer);
        }
    }

    private static byte[] head(String method, String path, String contentType, Framing framing, long bodyBytes,
                               String bearerToken) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n");
        if (framing == Framing.CONTENT_LENGTH) {
            head.append("Content-Length: ").append(bodyBytes).append("\r\n");
        } else {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        if (bearerToken != null) {
            head.append("Authorization: Bearer ").append(bearerToken).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The start of a well-formed body of that type, so a parser keeps reading rather than failing at once. */
    private static byte[] prefix(String contentType) {
        String start;
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            start = "note=";
        } else if (contentType.startsWith("application/json")) {
            start = "{\"title\":\"";
        } else if (contentType.startsWith("multipart/form-data")) {
            start = "--" + MULTIPART_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n";
        } else {
            start = "";
        }
        return start.getBytes(StandardCharsets.US_ASCII);
    }

    private static void stream(OutputStream out, Framing framing, long bodyBytes, byte[] prefix, AtomicLong sent) {
        try {
            byte[] first = Arrays.copyOf(prefix, CHUNK);
            System.arraycopy(FILLER, 0, first, prefix.length, CHUNK - prefix.length);
            long remaining = bodyBytes;
            for (byte[] chunk = first; remaining > 0; chunk = FILLER) {
                int length = (int) Math.min(CHUNK, remaining);
                if (framing == Framing.CHUNKED) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(chunk, 0, length);
                if (framing == Framing.CHUNKED) {
                    out.write(CRLF);
                }
                remaining -= length;
                sent.addAndGet(length);
            }
            if (framing == Framing.CHUNKED) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException closedOrReset) {
            // the service answered and closed the connection, or the caller closed it after the answer
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed before the answer's head was complete: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] filler() {
        byte[] filler = new byte[CHUNK];
        Arrays.fill(filler, (byte) 'a');
        return filler;
    }
}
