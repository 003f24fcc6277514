package uk.encounters.demo;

import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.Database;

/**
 * Writes generated hubs into the database. Each hub is one transaction: ids are taken from the
 * identity sequences first, then every table is streamed in with COPY, so a hub either loads
 * whole or not at all. An area whose hub (or one of whose schools) is already there is refused
 * before anything is written.
 */
public final class HubLoader {

    private final Database database;

    public HubLoader(Database database) {
        this.database = database;
    }

    /** Generates and loads every hub of {@code hubs}, one at a time, each in its own transaction. */
    public LoadReport load(String area, List<HubProfile> hubs, HubGenerator generator) {
        long started = System.nanoTime();
        refuseExisting(hubs);
        RowCounts total = RowCounts.NONE;
        for (HubProfile hub : hubs) {
            try {
                total = total.plus(write(generator.generate(hub)));
            } catch (DataAccessException e) {
                if (total.hubs() == 0) {
                    throw e;
                }
                throw new DataAccessException(
                        e.getMessage() + " (the " + total.hubs() + " hubs of area '" + area
                                + "' loaded before it stay)",
                        e);
            }
        }
        database.dsl()
                .execute("analyze hub, school, school_budget, pupil, employer, volunteer, offer, "
                        + "offer_availability, request, booking, booking_pupil, encounter");
        return new LoadReport(area, total, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Loads one generated hub in one transaction; returns the rows written. */
    public RowCounts load(DemoHub hub) {
        refuseExisting(List.of(hub.profile()));
        return write(hub);
    }

    private RowCounts write(DemoHub hub) {
        try {
            return writeInOneTransaction(hub);
        } catch (DataAccessException e) {
            throw new DataAccessException(
                    "Loading hub '" + hub.profile().name() + "' failed, so none of it was" + " written: "
                            + rootMessage(e),
                    e);
        }
    }

    /** jOOQ reports a failed callback as "Error while running ConnectionCallable"; the database's words are deeper. */
    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    private RowCounts writeInOneTransaction(DemoHub hub) {
        return database.dsl().transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            // the area was checked before the first hub; another loader may have got here since
            if (tx.fetchExists(HUB, HUB.NAME.eq(hub.profile().name()))) {
                throw new IllegalStateException("Hub '" + hub.profile().name() + "' already exists");
            }
            long hubId = tx.insertInto(HUB, HUB.NAME, HUB.AREA)
                    .values(hub.profile().name(), hub.profile().area())
                    .returning(HUB.ID)
                    .fetchOne()
                    .getId();
            return tx.connectionResult(connection -> new HubCopy(connection, hub, hubId).write());
        });
    }

    private void refuseExisting(List<HubProfile> hubs) {
        refuseExisting(database.dsl(), hubs);
    }

    private static void refuseExisting(DSLContext dsl, List<HubProfile> hubs) {
        Set<String> names = hubs.stream().map(HubProfile::name).collect(Collectors.toSet());
        Set<String> areas = hubs.stream().map(HubProfile::area).collect(Collectors.toSet());
        var existing = dsl.select(HUB.NAME, HUB.AREA)
                .from(HUB)
                .where(HUB.NAME.in(names).or(HUB.AREA.in(areas)))
                .orderBy(HUB.ID)
                .limit(1)
                .fetchOne();
        if (existing != null) {
            throw new IllegalStateException("Area '" + hubs.get(0).area() + "' cannot be loaded: hub '"
                    + existing.get(HUB.NAME) + "' (area '" + existing.get(HUB.AREA) + "') already exists."
                    + " Load into a database without it.");
        }
        Integer[] urns = hubs.stream()
                .flatMap(h -> h.schools().stream())
                .map(SchoolProfile::urn)
                .toArray(Integer[]::new);
        var school = dsl.select(SCHOOL.URN, SCHOOL.NAME)
                .from(SCHOOL)
                .where(SCHOOL.URN.eq(DSL.any(urns)))
                .limit(1)
                .fetchOne();
        if (school != null) {
            throw new IllegalStateException("Area '" + hubs.get(0).area() + "' cannot be loaded: school URN "
                    + school.get(SCHOOL.URN) + " (" + school.get(SCHOOL.NAME) + ") is already in another hub.");
        }
    }
}
