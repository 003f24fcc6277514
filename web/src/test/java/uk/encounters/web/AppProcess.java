package uk.encounters.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.encounters.marketplace.DatabaseSettings;
import uk.encounters.web.cli.Main;

/**
 * The app as an operating-system process of its own ({@code encounters serve}, started from the
 * test classpath against a test database), so that a test can kill it with SIGKILL at a chosen
 * moment, as a crash or an out-of-memory killer would: no shutdown hook, no graceful stop.
 */
public final class AppProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("Serving .* \\(port (\\d+)\\)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final List<String> output;

    private AppProcess(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Runs {@code serve} against the database with this extra environment (SMTP_HOST, ...), and waits until it listens. */
    public static AppProcess serve(DatabaseSettings database, Map<String, String> environment) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and the serial collector: the test's processes start in seconds on a busy machine
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "serve")
                .redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("DATABASE_")
                        || k.startsWith("SMTP_")
                        || k.equals("PORT")
                        || k.equals("METRICS_PORT")
                        || k.equals("BASE_URL"));
        // as RunningApp: tests of the second factor ask for it
        Map<String, String> env = new HashMap<>(Map.of(
                "DATABASE_URL",
                database.jdbcUrl(),
                "PORT",
                "0",
                "METRICS_PORT",
                "0",
                "SESSION_SECRET",
                "test-secret-not-for-production",
                "SECOND_FACTOR_ROLES",
                "none"));
        if (database.user() != null) {
            env.put("DATABASE_USER", database.user());
        }
        if (database.password() != null) {
            env.put("DATABASE_PASSWORD", database.password());
        }
        env.putAll(environment);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + java, e);
        }
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().name("app-" + process.pid() + "-output").start(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    System.out.println("[app " + process.pid() + "] " + line);
                    Matcher serving = SERVING.matcher(line);
                    if (serving.find()) {
                        port.complete(Integer.parseInt(serving.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process died: its output ends here
            }
            port.completeExceptionally(new IllegalStateException("The app exited before serving: " + output));
        });
        try {
            return new AppProcess(process, port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("The app did not start: " + output, e);
        }
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The app " + pid() + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
