package io.pledge.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket, as a hostile client sends it: paths, queries and bodies that a
 * well-behaved HTTP client would refuse to send. {@code head} is the request line and headers (and
 * optionally the body after an empty line); Host and {@code Connection: close} are added.
 */
public final class RawHttp {

    private RawHttp() {}

    public static Answer send(int port, String head) throws IOException {
        String request = head.contains("\r\n\r\n") ? head : head + "\r\n";
        // Host and Connection go right after the request line.
        int firstLine = request.indexOf("\r\n");
        request = request.substring(0, firstLine + 2) + "Host: 127.0.0.1\r\nConnection: close\r\n"
                + request.substring(firstLine + 2);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return Answer.parse(all.toByteArray());
        }
    }

    public record Answer(int status, String head, String body) {

        static Answer parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            // No status line at all (the server closed the connection): status 0.
            int status =
                    head.startsWith("HTTP/1.1 ") && head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : 0;
            return new Answer(status, head, new String(body, StandardCharsets.UTF_8));
        }

        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return "";
        }

        private static byte[] unchunk(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String text = new String(body, StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < body.length) {
                int end = text.indexOf("\r\n", at);
                if (end < 0) {
                    break;
                }
                int size;
                try {
                    size = Integer.parseInt(text.substring(at, end).strip(), 16);
                } catch (NumberFormatException e) {
                    break;
                }
                if (size == 0) {
                    break;
                }
                out.write(body, end + 2, Math.min(size, body.length - end - 2));
                at = end + 2 + size + 2;
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return head + "\n\n" + (body.length() > 400 ? body.substring(0, 400) : body);
        }
    }
}
