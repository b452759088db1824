import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load for signed single-event ingest: THREADS workers each open a ticket and send it events, one event
 * per request, for SECONDS after a warm-up; prints throughput and latency percentiles of the measured
 * period. Each worker keeps one HTTP/1.1 keep-alive connection and writes requests straight to its
 * socket, so that the sender, which shares the machine with Pledge and PostgreSQL, costs little CPU.
 * Usage: java bench/IngestLoad.java URL SOURCE SECRET CLIENT THREADS SECONDS WARMUP_SECONDS
 */
public class IngestLoad {

    static final String[] EVENTS = {
        "{\"type\": \"STATUS_CHANGED\", \"status\": \"IN_PROGRESS\"",
        "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true",
        "{\"type\": \"STATUS_CHANGED\", \"status\": \"WAITING_ON_CUSTOMER\"",
        "{\"type\": \"REPLIED\", \"author\": \"CUSTOMER\", \"public\": true",
        "{\"type\": \"STATUS_CHANGED\", \"status\": \"IN_PROGRESS\"",
        "{\"type\": \"NOTE\"",
        "{\"type\": \"RESOLVED\""
    };

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String source = args[1];
        byte[] secret = args[2].getBytes(StandardCharsets.UTF_8);
        String client = args[3];
        int threads = Integer.parseInt(args[4]);
        long seconds = Long.parseLong(args[5]);
        long warmup = Long.parseLong(args[6]);
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                Connection connection = new Connection(url, source, secret);
                try {
                    while (System.nanoTime() < end) {
                        String ticket = "LOAD-" + sequence.incrementAndGet() + "-" + System.nanoTime();
                        for (int step = -1; step < EVENTS.length && System.nanoTime() < end; step++) {
                            String event = step < 0
                                    ? "{\"type\": \"CREATED\", \"priority\": \"P2\", \"client\": \"" + client
                                            + "\", \"subject\": \"load\""
                                    : EVENTS[step];
                            String body = "{\"events\": [" + event + ", \"eventId\": \"" + ticket + "/" + step
                                    + "\", \"externalId\": \"" + ticket + "\", \"at\": \"" + Instant.now() + "\"}]}";
                            long before = System.nanoTime();
                            int status = connection.send(body);
                            long after = System.nanoTime();
                            if (status != 200) {
                                failures.incrementAndGet();
                            }
                            if (before >= measureFrom && after <= end) {
                                if (count == mine.length) {
                                    mine = java.util.Arrays.copyOf(mine, count * 2);
                                }
                                mine[count++] = after - before;
                            }
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    connection.close();
                    latencies.add(java.util.Arrays.copyOf(mine, count));
                    done.countDown();
                }
            });
            worker.start();
        }
        done.await();
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        double throughput = all.length / (double) seconds;
        System.out.printf(
                "threads %d, measured %d s: %d events, %.0f events/s, failures %d%n",
                threads, seconds, all.length, throughput, failures.get());
        System.out.printf(
                "latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
                percentile(all, 0.50), percentile(all, 0.90), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** One keep-alive HTTP/1.1 connection; reconnects when the server closes it. */
    static final class Connection {
        private final URI url;
        private final String path;
        private final Mac mac;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(URI url, String source, byte[] secret) {
            this.url = url;
            this.path = "/api/v1/ingest/" + source + "/events";
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        int send(String text) throws IOException {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nContent-Type: application/json\r\nX-Pledge-Timestamp: " + timestamp
                    + "\r\nX-Pledge-Signature: " + signature + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5000);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream(), 16384);
            }
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            out.write(request);
            out.flush();
            return readResponse();
        }

        private int readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            if (closing) {
                close();
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder text = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    text.append((char) c);
                }
            }
            return text.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }
}
