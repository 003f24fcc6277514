package uk.encounters.web.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.WebConfig;

/** Someone at the command line: runs {@code encounters} against a test database on 23 November 2026 and reads what it printed. */
public final class Operator {

    private final TestDatabase db;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    public Operator(TestDatabase db) {
        this.db = db;
    }

    public int run(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", db.settings().jdbcUrl());
        if (db.settings().user() != null) env.put("DATABASE_USER", db.settings().user());
        if (db.settings().password() != null)
            env.put("DATABASE_PASSWORD", db.settings().password());
        Clock clock = Clock.fixed(LocalDate.of(2026, 11, 23).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new Main(WebConfig.fromEnvironment(env), clock, new PrintStream(output, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    public String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
