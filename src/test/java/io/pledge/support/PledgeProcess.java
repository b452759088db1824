package io.pledge.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Pledge's executable jar ({@code pledge.jar}, set by the failsafe configuration) running in a process of
 * its own on a free port, with no {@code PLEDGE_*} variable but those given; its output goes to a log
 * file beside {@code dataDir}.
 */
public final class PledgeProcess {

    private final Process process;
    private final Api api;
    private final Path log;

    private PledgeProcess(Process process, Api api, Path log) {
        this.process = process;
        this.api = api;
        this.log = log;
    }

    /** Starts Pledge and waits until its health endpoint answers. */
    public static PledgeProcess start(Path dataDir, Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(dataDir);
        Path log = Files.createTempFile(dataDir.getParent(), "pledge-jar", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        System.getProperty("pledge.jar"),
                        "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PLEDGE_"));
        builder.environment().put("PLEDGE_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        PledgeProcess running = new PledgeProcess(builder.start(), Api.at(port), log);
        running.awaitUp();
        return running;
    }

    public Api api() {
        return api;
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Stops it as an operator would (SIGTERM), and waits for it to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Kills it at once (SIGKILL): no shutdown hook, no graceful end of what it was doing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitUp() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Pledge exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // keep polling until the deadline
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("Pledge did not become healthy in time:\n" + output());
    }
}
