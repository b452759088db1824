import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system the uptime benchmark's monitors check: an HTTP server on loopback answering every path with
 * 200 "ok", counting requests (printed every 30 s).
 * Usage: java bench/UptimeTarget.java PORT
 */
public class UptimeTarget {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        AtomicLong requests = new AtomicLong();
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        server.start();
        System.out.println("listening on " + port);
        while (true) {
            Thread.sleep(30_000);
            System.out.println("requests " + requests.get());
        }
    }
}
