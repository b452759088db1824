import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load for signed single-event ingest: THREADS workers each open a ticket and send it events, one event
 * per request, for SECONDS after a warm-up; prints throughput and latency percentiles of the measured
 * period. Usage: java bench/IngestLoad.java URL SOURCE SECRET CLIENT THREADS SECONDS WARMUP_SECONDS
 */
public class IngestLoad {

    static final String[] EVENTS = {
        "{\"type\": \"STATUS_CHANGED\", \"status\": \"IN_PROGRESS\"}",
        "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true}",
        "{\"type\": \"STATUS_CHANGED\", \"status\": \"WAITING_ON_CUSTOMER\"}",
        "{\"type\": \"REPLIED\", \"author\": \"CUSTOMER\", \"public\": true}",
        "{\"type\": \"STATUS_CHANGED\", \"status\": \"IN_PROGRESS\"}",
        "{\"type\": \"NOTE\"}",
        "{\"type\": \"RESOLVED\"}"
    };

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String source = args[1];
        String secret = args[2];
        String client = args[3];
        int threads = Integer.parseInt(args[4]);
        long seconds = Long.parseLong(args[5]);
        long warmup = Long.parseLong(args[6]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    while (System.nanoTime() < end) {
                        String ticket = "LOAD-" + sequence.incrementAndGet() + "-" + System.nanoTime();
                        for (int step = -1; step < EVENTS.length && System.nanoTime() < end; step++) {
                            String event = step < 0
                                    ? "{\"type\": \"CREATED\", \"priority\": \"P2\", \"client\": \"" + client + "\", \"subject\": \"load\""
                                    : EVENTS[step].substring(0, EVENTS[step].length() - 1);
                            String body = "{\"events\": [" + event + ", \"eventId\": \"" + ticket + "/" + step
                                    + "\", \"externalId\": \"" + ticket + "\", \"at\": \"" + Instant.now() + "\"}]}";
                            long before = System.nanoTime();
                            int status = send(http, url, source, secret, body);
                            long after = System.nanoTime();
                            if (status != 200) {
                                failures.incrementAndGet();
                            }
                            if (before >= measureFrom && after <= end) {
                                mine.add(after - before);
                            }
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
                    done.countDown();
                }
            });
            worker.start();
        }
        done.await();
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        double throughput = all.length / (double) seconds;
        System.out.printf("threads %d, measured %d s: %d events, %.0f events/s, failures %d%n", threads, seconds, all.length, throughput, failures.get());
        System.out.printf("latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
                percentile(all, 0.50), percentile(all, 0.90), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static int send(HttpClient http, String url, String source, String secret, String body) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/ingest/" + source + "/events"))
                .header("Content-Type", "application/json")
                .header("X-Pledge-Timestamp", timestamp)
                .header("X-Pledge-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
