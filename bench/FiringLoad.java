import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens tickets for the firing benchmark through signed ingest, 1,000 per request, for the demo client
 * acme (Gold: P1 counts 24x7 with a 15-minute first response; P2 counts in Paris office hours): DUE P1
 * tickets whose first-response clock crosses 75 % at an instant spread evenly over the next WINDOW
 * minutes (each opened 11 min 15 s before that instant), and IDLE P2 tickets opened now, whose first
 * threshold is hours of office time away. Usage:
 * java bench/FiringLoad.java URL SOURCE SECRET CLIENT DUE IDLE WINDOW_MINUTES
 */
public class FiringLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String source = args[1];
        String secret = args[2];
        String client = args[3];
        int due = Integer.parseInt(args[4]);
        int idle = Integer.parseInt(args[5]);
        long window = Long.parseLong(args[6]) * 60_000;
        HttpClient http = HttpClient.newHttpClient();
        Random random = new Random(42);
        long begun = System.nanoTime();
        int sent = 0;
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        // The idle tickets first; then the due ones, with the window opening once they are all in (at
        // 250 tickets a second at least) and a minute more, but no later than 370 s from the first: a
        // ticket whose 75 % falls at the window's end is opened 675 s before it, and ingest refuses an
        // instant more than 5 minutes ahead.
        Instant start = null;
        for (int n = 0; n < due + idle; n++) {
            int i = (n + due) % (due + idle); // idle ones (index >= due) come first
            if (i == 0) {
                start = Instant.now().plusSeconds(Math.min(60 + due / 250, 370));
            }
            Instant opened = i < due
                    ? start.plusMillis((long) (random.nextDouble() * window)).minusSeconds(675)
                    : Instant.now();
            batch.append(inBatch == 0 ? "" : ",")
                    .append("{\"type\": \"CREATED\", \"priority\": \"")
                    .append(i < due ? "P1" : "P2")
                    .append("\", \"client\": \"")
                    .append(client)
                    .append("\", \"subject\": \"firing\", \"eventId\": \"F-")
                    .append(i)
                    .append("\", \"externalId\": \"F-")
                    .append(i)
                    .append("\", \"at\": \"")
                    .append(opened)
                    .append("\"}");
            if (++inBatch == 1000 || n == due + idle - 1 || (idle > 0 && n == idle - 1)) {
                String body = "{\"events\": [" + batch + "]}";
                int status = send(http, url, source, secret, body);
                if (status != 200) {
                    throw new IllegalStateException("ingest answered " + status);
                }
                sent += inBatch;
                batch.setLength(0);
                inBatch = 0;
            }
        }
        System.out.printf(
                "opened %d tickets (%d due from %s over %d min) in %.1f s%n",
                sent, due, start, window / 60_000, (System.nanoTime() - begun) / 1e9);
        System.out.println("window opens at " + start);
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
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
