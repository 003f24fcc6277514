package uk.encounters.marketplace;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Brings the schema up to date, first refusing a history this version of the app must not build on
 * (a schema from a newer release, a migration that failed part-way, a migration changed since it was
 * applied), and turning a migration that fails into a {@link MigrationFailure}. Several instances may
 * start at once: Flyway holds a PostgreSQL advisory lock while it migrates, so the first applies the
 * migrations and the others then find nothing to do.
 */
final class SchemaUpgrade {

    private SchemaUpgrade() {}

    static MigrateResult apply(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        refuseHistoryWeCannotBuildOn(info.all());
        try {
            return flyway.migrate();
        } catch (FlywayValidateException e) {
            // Checked above; this is the rest of Flyway's validation (e.g. an applied migration missing here).
            throw MigrationFailure.historyDiffers(oneParagraph(e.getMessage()), e);
        } catch (FlywayException e) {
            // Only a migration that ran and failed is one; anything else (e.g. no lock) is said as it is.
            if (!(e instanceof FlywayMigrateException m) || m.getMigration() == null || Database.isUnavailable(e)) {
                throw e;
            }
            MigrationInfo failed = m.getMigration();
            throw MigrationFailure.failed(
                    failed.getVersion().getVersion(),
                    failed.getDescription(),
                    databaseError(e),
                    m.isExecutableInTransaction(),
                    e);
        }
    }

    private static void refuseHistoryWeCannotBuildOn(MigrationInfo[] all) {
        for (MigrationInfo migration : all) {
            MigrationState state = migration.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                MigrationInfo newest = Arrays.stream(all)
                        .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                                || m.getState() == MigrationState.FUTURE_FAILED)
                        .max(Comparator.comparing(MigrationInfo::getVersion))
                        .orElseThrow();
                String newestKnown = Arrays.stream(all)
                        .filter(m -> m.getState().isResolved() && m.isVersioned())
                        .max(Comparator.comparing(MigrationInfo::getVersion))
                        .map(m -> m.getVersion().getVersion())
                        .orElse("none");
                throw MigrationFailure.newerSchema(
                        newest.getVersion().getVersion(), newest.getDescription(), newestKnown);
            }
        }
        for (MigrationInfo migration : all) {
            if (migration.getState() == MigrationState.FAILED) {
                throw MigrationFailure.failedEarlier(migration.getVersion().getVersion(), migration.getDescription());
            }
            if (migration.isVersioned()
                    && migration.isApplied()
                    && migration.getState().isResolved()
                    && !Objects.equals(migration.getAppliedChecksum(), migration.getResolvedChecksum())) {
                throw MigrationFailure.changed(
                        migration.getVersion().getVersion(),
                        migration.getDescription(),
                        migration.getAppliedChecksum(),
                        migration.getResolvedChecksum());
            }
        }
    }

    /** What PostgreSQL said, on one line, with its SQLSTATE: the part of Flyway's report an operator needs. */
    private static String databaseError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String message = firstLine(sql.getMessage());
                return sql.getSQLState() == null ? message : message + " [SQL state " + sql.getSQLState() + "]";
            }
        }
        return firstLine(failure.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }

    private static String oneParagraph(String message) {
        return message == null
                ? ""
                : message.lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .filter(l -> !l.startsWith("Need more flexibility"))
                        .reduce((a, b) -> a + " " + b)
                        .orElse("");
    }
}
