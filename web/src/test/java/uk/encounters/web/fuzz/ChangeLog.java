package uk.encounters.web.fuzz;

import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Every row inserted, updated or deleted in the test's database, noted by row triggers the test
 * installs in its own database (never in a migration), so a refused post that wrote anything is
 * caught, updates included, not only changed row counts. Rolled-back writes leave no note.
 *
 * <p>Not watched, because a refused request changes them by design: {@code web_session} (every
 * request stores its session and a fresh CSRF token), {@code rate_limit} (refused attempts are
 * what it counts), and the progress summaries (a cache the app's background pass rebuilds at any
 * time). The audit log is watched, and a refused post may add only {@code sign_in_failed} to it.
 */
final class ChangeLog {

    static final Set<String> UNWATCHED = Set.of(
            "web_session",
            "rate_limit",
            "school_progress_summary",
            "year_group_progress_summary",
            "flyway_schema_history",
            "fuzz_change");
    static final Set<String> ALLOWED_ON_REFUSAL = Set.of("audit_log INSERT sign_in_failed");

    private final DSLContext dsl;

    private ChangeLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    static ChangeLog install(DSLContext dsl) {
        dsl.execute(
                "create table fuzz_change (id bigserial primary key, table_name text not null, operation text not null,"
                        + " detail text)");
        dsl.execute(
                "create function fuzz_note() returns trigger language plpgsql as $$ begin"
                        + " insert into fuzz_change (table_name, operation) values (tg_table_name, tg_op); return null; end $$");
        dsl.execute("create function fuzz_note_audit() returns trigger language plpgsql as $$ begin"
                + " insert into fuzz_change (table_name, operation, detail) values (tg_table_name, tg_op,"
                + " case when tg_op = 'DELETE' then old.action else new.action end); return null; end $$");
        List<String> tables = dsl
                .fetchValues("select table_name::text from information_schema.tables"
                        + " where table_schema = current_schema() and table_type = 'BASE TABLE'")
                .stream()
                .map(String::valueOf)
                .filter(t -> !UNWATCHED.contains(t))
                .toList();
        for (String table : tables) {
            dsl.execute("create trigger fuzz_note after insert or update or delete on \"" + table
                    + "\" for each row execute function "
                    + (table.equals("audit_log") ? "fuzz_note_audit()" : "fuzz_note()"));
        }
        return new ChangeLog(dsl);
    }

    /** What was written after a mark: where the log stands now, and the writes a refusal may not make. */
    record Writes(long mark, List<String> unexpectedOnRefusal) {}

    /** Where the log stands now. */
    long mark() {
        return dsl.fetchOne("select coalesce(max(id), 0) from fuzz_change").get(0, Long.class);
    }

    /** What was written after the mark, each as "table OPERATION [detail]", in one query. */
    Writes after(long mark) {
        long now = mark;
        List<String> unexpected = new java.util.ArrayList<>();
        for (var row :
                dsl.fetch("select id, table_name || ' ' || operation || coalesce(' ' || detail, '') from fuzz_change"
                        + " where id > " + mark + " order by id")) {
            now = row.get(0, Long.class);
            String change = row.get(1, String.class);
            if (!ALLOWED_ON_REFUSAL.contains(change)) {
                unexpected.add(change);
            }
        }
        return new Writes(now, unexpected);
    }
}
