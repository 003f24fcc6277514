package uk.encounters.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import uk.encounters.marketplace.DatabaseSettings;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * pg_dump and pg_restore of the test server's major version, run as the backup commands of docs/operations.md
 * run them. Found on the PATH, or else in Debian's /usr/lib/postgresql/MAJOR/bin. Without them the
 * test using them is skipped with the reason, except in CI (CI=true), where that fails, as for the
 * browser tests.
 */
final class PostgresClientTools {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private final Path pgDump;
    private final Path pgRestore;

    private PostgresClientTools(Path pgDump, Path pgRestore) {
        this.pgDump = pgDump;
        this.pgRestore = pgRestore;
    }

    /** The tools for the server {@code db} is on; a dump is only sure to restore with the server's own major version. */
    static PostgresClientTools matching(TestDatabase db) {
        int major =
                Integer.parseInt(db.dsl().fetchValue("show server_version_num").toString()) / 10_000;
        List<Path> directories = new ArrayList<>();
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .forEach(directories::add);
        directories.add(Path.of("/usr/lib/postgresql", String.valueOf(major), "bin"));
        List<String> found = new ArrayList<>();
        for (Path directory : directories) {
            Path dump = directory.resolve("pg_dump");
            Path restore = directory.resolve("pg_restore");
            if (Files.isExecutable(dump) && Files.isExecutable(restore)) {
                Optional<Integer> version = majorVersion(dump);
                found.add(dump + " " + version.map(String::valueOf).orElse("(version unknown)"));
                if (version.equals(Optional.of(major)) && majorVersion(restore).equals(Optional.of(major))) {
                    return new PostgresClientTools(dump, restore);
                }
            }
        }
        String reason = "The backup test needs pg_dump and pg_restore " + major + " for the PostgreSQL " + major
                + " server it tests against (found: " + (found.isEmpty() ? "none" : String.join(", ", found))
                + "); install the server's client tools, e.g. apt-get install postgresql-client-" + major;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason);
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    /** {@code pg_dump -Fc DATABASE > file}. */
    void dump(DatabaseSettings from, Path file) {
        run(
                List.of(pgDump.toString(), "-Fc", databaseName(from)),
                from,
                ProcessBuilder.Redirect.INHERIT,
                ProcessBuilder.Redirect.to(file.toFile()));
    }

    /** {@code pg_restore -d DATABASE --no-owner --exit-on-error < file}, into a freshly created database. */
    void restore(Path file, DatabaseSettings into) {
        run(
                List.of(pgRestore.toString(), "-d", databaseName(into), "--no-owner", "--exit-on-error"),
                into,
                ProcessBuilder.Redirect.from(file.toFile()),
                ProcessBuilder.Redirect.DISCARD);
    }

    private static String databaseName(DatabaseSettings database) {
        return URI.create(database.jdbcUrl().substring("jdbc:".length()))
                .getPath()
                .substring(1);
    }

    private static void run(
            List<String> command,
            DatabaseSettings database,
            ProcessBuilder.Redirect input,
            ProcessBuilder.Redirect output) {
        Path errors = null;
        try {
            errors = Files.createTempFile("pg-tool", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(input)
                    .redirectOutput(output)
                    .redirectError(errors.toFile());
            builder.environment().putAll(connection(database));
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited " + process.exitValue() + ": " + Files.readString(errors));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            try {
                if (errors != null) Files.deleteIfExists(errors);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** libpq's environment for the database a JDBC URL names; keeps the password off the command line. */
    private static Map<String, String> connection(DatabaseSettings database) {
        URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        var env = new java.util.HashMap<String, String>();
        env.put("PGHOST", uri.getHost());
        env.put("PGPORT", String.valueOf(uri.getPort() == -1 ? 5432 : uri.getPort()));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                if (kv[0].equals("user")) env.put("PGUSER", value);
                if (kv[0].equals("password")) env.put("PGPASSWORD", value);
            }
        }
        if (database.user() != null) env.put("PGUSER", database.user());
        if (database.password() != null) env.put("PGPASSWORD", database.password());
        return env;
    }

    private static Optional<Integer> majorVersion(Path tool) {
        try {
            Process process = new ProcessBuilder(tool.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            Matcher m = VERSION.matcher(printed);
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
