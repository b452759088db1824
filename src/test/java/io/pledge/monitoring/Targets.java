package io.pledge.monitoring;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/** Real servers for the probes to check, switched up and down by the tests. */
public final class Targets {

    private Targets() {}

    /** An HTTP(S) server on loopback answering {@code /} with a status, a body and a delay the test sets. */
    public static final class Web implements AutoCloseable {

        public final AtomicInteger status = new AtomicInteger(200);
        public final AtomicReference<String> body = new AtomicReference<>("all systems operational");
        public final AtomicLong delayMillis = new AtomicLong();
        public final AtomicInteger requests = new AtomicInteger();
        private final HttpServer server;

        private Web(HttpServer server) {
            this.server = server;
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                try (exchange) {
                    long delay = delayMillis.get();
                    if (delay > 0) {
                        Thread.sleep(delay);
                    }
                    if (exchange.getRequestURI().getPath().equals("/moved")) {
                        exchange.getResponseHeaders().add("Location", "/");
                        exchange.sendResponseHeaders(302, -1);
                        return;
                    }
                    byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
                    boolean head = exchange.getRequestMethod().equals("HEAD");
                    exchange.sendResponseHeaders(status.get(), head ? -1 : bytes.length);
                    if (!head) {
                        exchange.getResponseBody().write(bytes);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        public static Web http() throws IOException {
            return new Web(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        }

        public static Web https(SSLContext context) throws IOException {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context));
            return new Web(server);
        }

        public int port() {
            return server.getAddress().getPort();
        }

        public String url(String path) {
            return (server instanceof HttpsServer ? "https" : "http") + "://localhost:" + port() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A TCP listener on a fixed loopback port that can be closed and opened again. */
    public static final class Tcp implements AutoCloseable {

        private final int port;
        private ServerSocket socket;
        private Thread accept;

        public Tcp() throws IOException {
            try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            up();
        }

        public int port() {
            return port;
        }

        public synchronized void up() throws IOException {
            if (socket != null) {
                return;
            }
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket = server;
            accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket client = server.accept()) {
                        client.getOutputStream().flush();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        /**
         * Stops listening, once the port refuses connections: a socket closed while a thread waits in its
         * {@code accept} may be released only when that thread leaves it (so on recent JDKs).
         */
        public synchronized void down() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
                try {
                    accept.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while closing the listener", e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            down();
        }
    }

    /** A port on loopback where nothing listens. */
    public static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /**
     * A TLS context holding a fresh self-signed certificate for localhost and 127.0.0.1, valid for
     * {@code days} days, made with the JDK's keytool.
     */
    public static SSLContext selfSigned(int days) throws Exception {
        Path folder = Files.createTempDirectory("pledge-tls");
        Path store = folder.resolve("server.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        Integer.toString(days),
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        Files.delete(store);
        Files.delete(folder);
        return context;
    }

    /** A bare TLS server: completes handshakes and closes. */
    public static final class Tls implements AutoCloseable {

        private final SSLServerSocket socket;

        public Tls(SSLContext context) throws IOException {
            socket = (SSLServerSocket)
                    context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        ((javax.net.ssl.SSLSocket) client).startHandshake();
                        OutputStream out = client.getOutputStream();
                        out.flush();
                    } catch (IOException e) {
                        // a client that refused the certificate, or the server closing
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        public int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
