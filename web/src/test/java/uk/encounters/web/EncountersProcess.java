package uk.encounters.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.cli.Main;

/**
 * {@code encounters} run as its own JVM against a test database, as a container or an operator runs
 * it: what it exits with (System.exit included) and what it printed on each stream.
 */
final class EncountersProcess {

    /** How a run ended; {@code exitStatus} is null when it was still running at the limit (and was stopped). */
    record Outcome(Integer exitStatus, String stdout, String stderr) {}

    private EncountersProcess() {}

    static Outcome run(TestDatabase db, Map<String, String> environment, Duration limit, String... args) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("encounters-out", ".txt");
            err = Files.createTempFile("encounters-err", ".txt");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("DATABASE_") || k.equals("PORT") || k.equals("BASE_URL"));
            env.putAll(databaseEnvironment(db));
            env.putAll(environment);
            Process process = builder.start();
            Integer status = null;
            if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                status = process.exitValue();
            } else {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            return new Outcome(
                    status,
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    static Map<String, String> databaseEnvironment(TestDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", db.settings().jdbcUrl());
        if (db.settings().user() != null) env.put("DATABASE_USER", db.settings().user());
        if (db.settings().password() != null)
            env.put("DATABASE_PASSWORD", db.settings().password());
        return env;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }
}
