package uk.encounters.marketplace;

/**
 * Why the schema could not be brought up to date, said in one paragraph an operator can act on:
 * which migration, what the database answered, and what to do. The app does not start after one.
 * An {@link IllegalStateException}, so every command that migrates reports it the same way.
 */
public final class MigrationFailure extends IllegalStateException {

    private static final String RESTORE =
            "restore the backup taken before this upgrade and run the previous" + " version of the app";

    private final String version;

    private MigrationFailure(String version, String message, Throwable cause) {
        super(message, cause);
        this.version = version;
    }

    /** The migration the failure is about, e.g. "6". */
    public String version() {
        return version;
    }

    static MigrationFailure failed(
            String version, String description, String databaseError, boolean rolledBack, Throwable cause) {
        return new MigrationFailure(
                version,
                "The database upgrade failed at migration " + version
                        + " (" + description + "): " + databaseError + ". "
                        + (rolledBack
                                ? "PostgreSQL rolled back that migration's changes, so the database is as the"
                                        + " previous migration left it"
                                : "That migration could not run in a transaction, so it may be half-applied")
                        + ", and the app will not start until the upgrade succeeds. Either " + RESTORE
                        + ", or fix the cause and run 'encounters migrate' (docs/operations.md, \"Upgrades\").",
                cause);
    }

    static MigrationFailure failedEarlier(String version, String description) {
        return new MigrationFailure(
                version,
                "Migration " + version + " (" + description + ") failed part-way"
                        + " on an earlier start and is marked failed in flyway_schema_history, so the database may be"
                        + " half-upgraded and the app will not start. Either " + RESTORE
                        + ", or undo what that migration"
                        + " applied, delete its row from flyway_schema_history and run 'encounters migrate'"
                        + " (docs/operations.md, \"Upgrades\").",
                null);
    }

    static MigrationFailure changed(String version, String description, Integer applied, Integer here) {
        return new MigrationFailure(
                version,
                "Migration " + version + " (" + description + ") was applied to this"
                        + " database with other contents than this version of the app holds (checksum " + applied
                        + " in flyway_schema_history, " + here + " here). A released migration must never change,"
                        + " so the app will not start against it. Either run the version of the app that applied it, or "
                        + RESTORE + "; if the migration was edited by mistake, put it back as it was and run"
                        + " 'encounters migrate' (docs/operations.md, \"Upgrades\").",
                null);
    }

    static MigrationFailure newerSchema(String version, String description, String newestKnown) {
        return new MigrationFailure(
                version,
                "The database is at migration " + version + " (" + description
                        + "), newer than this version of the app knows (up to " + newestKnown + "): a newer release"
                        + " upgraded it, and this one could misread or damage what that release wrote, so it will not"
                        + " start. Either run the newer release, or, to go back to this one, restore the backup taken"
                        + " before that upgrade (docs/operations.md, \"Upgrades\").",
                null);
    }

    static MigrationFailure historyDiffers(String flywaySays, Throwable cause) {
        return new MigrationFailure(
                null,
                "The database's migration history does not match this version of the"
                        + " app: " + flywaySays + " The app will not start. Either " + RESTORE + ", or run the version"
                        + " of the app that matches the database (docs/operations.md, \"Upgrades\").",
                cause);
    }
}
