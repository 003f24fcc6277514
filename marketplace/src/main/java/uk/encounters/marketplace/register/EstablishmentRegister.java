package uk.encounters.marketplace.register;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.ESTABLISHMENT;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.NEIGHBOURHOOD_DEPRIVATION;
import static uk.encounters.marketplace.jooq.Tables.REGISTER_LOAD;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.jooq.tables.records.EstablishmentRecord;

/**
 * The national register of schools and colleges as last loaded: loading a newer file, and
 * finding establishments by URN, name or postcode for a coordinator adding a hub's schools.
 */
public final class EstablishmentRegister {

    /** One load of the register, as the administrators' page reports it. */
    public record Load(String fileName, int establishments, String loadedBy, OffsetDateTime loadedAt) {}

    /** An establishment found, whether a hub may take it, and the hub it is in now, if any. */
    public record Found(
            int urn,
            String name,
            String typeName,
            String localAuthority,
            String postcode,
            String registerStatus,
            Eligibility eligibility,
            Long schoolId,
            Long hubId,
            String hubName) {

        public boolean inHub(long hub) {
            return hubId != null && hubId == hub;
        }

        public boolean inAnotherHub(long hub) {
            return hubId != null && hubId != hub;
        }
    }

    /** At most this many establishments answer one search: more means the words were too few. */
    public static final int MAX_FOUND = 25;

    private static final int BATCH = 1_000;

    private final DSLContext dsl;

    public EstablishmentRegister(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Loads a file read whole and without problems, in one transaction: each establishment in it
     * replaces the row with its URN; establishments the file does not list stay as they were, so
     * an extract of one area cannot empty the rest of the country.
     */
    public void load(Actor actor, RegisterFile file, String fileName) {
        if (!file.loadable()) {
            throw new IllegalArgumentException("The register file has problems and cannot be loaded");
        }
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            List<EstablishmentRecord> rows = file.establishments();
            for (int from = 0; from < rows.size(); from += BATCH) {
                upsert(tx, rows.subList(from, Math.min(rows.size(), from + BATCH)));
            }
            long loadId = tx.insertInto(REGISTER_LOAD)
                    .set(REGISTER_LOAD.FILE_NAME, fileName)
                    .set(REGISTER_LOAD.ESTABLISHMENTS, rows.size())
                    .set(REGISTER_LOAD.LOADED_BY_USER_ID, actor.userId())
                    .returning(REGISTER_LOAD.ID)
                    .fetchSingle(REGISTER_LOAD.ID);
            new AuditLog(tx)
                    .record(
                            actor,
                            "register_loaded",
                            "register_load",
                            loadId,
                            Map.of("file", fileName, "establishments", rows.size()));
        });
    }

    private static void upsert(DSLContext tx, List<EstablishmentRecord> rows) {
        List<Field<?>> columns = List.of(ESTABLISHMENT.fields()).stream()
                .filter(f -> !f.equals(ESTABLISHMENT.LOADED_AT))
                .toList();
        InsertValuesStepN<EstablishmentRecord> insert = tx.insertInto(ESTABLISHMENT, columns);
        for (EstablishmentRecord row : rows) {
            insert = insert.values(columns.stream().map(row::get).toList());
        }
        var update = insert.onConflict(ESTABLISHMENT.URN).doUpdate().set(ESTABLISHMENT.LOADED_AT, OffsetDateTime.now());
        for (Field<?> column : columns) {
            if (!column.equals(ESTABLISHMENT.URN)) {
                update = update.set(setting(column));
            }
        }
        update.execute();
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<Field<T>, Field<T>> setting(Field<?> column) {
        Field<T> field = (Field<T>) column;
        return Map.of(field, excluded(field));
    }

    /** The indices of deprivation in use: how many neighbourhoods, and when they were loaded. */
    public record DeprivationLoad(int neighbourhoods, OffsetDateTime loadedAt) {}

    /**
     * Loads the indices of deprivation, in one transaction: each neighbourhood's decile replaces the
     * one held, and every school whose register neighbourhood is listed takes its decile, so the
     * hub's cold spots follow the newest indices.
     */
    public void loadDeprivation(Actor actor, DeprivationFile file, String fileName) {
        if (!file.loadable()) {
            throw new IllegalArgumentException("The deprivation file has problems and cannot be loaded");
        }
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            List<Map.Entry<String, Short>> rows = List.copyOf(file.deciles().entrySet());
            for (int from = 0; from < rows.size(); from += BATCH) {
                var insert = tx.insertInto(
                        NEIGHBOURHOOD_DEPRIVATION,
                        NEIGHBOURHOOD_DEPRIVATION.LSOA_CODE,
                        NEIGHBOURHOOD_DEPRIVATION.IMD_DECILE);
                for (var row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                    insert = insert.values(row.getKey(), row.getValue());
                }
                insert.onConflict(NEIGHBOURHOOD_DEPRIVATION.LSOA_CODE)
                        .doUpdate()
                        .set(NEIGHBOURHOOD_DEPRIVATION.IMD_DECILE, excluded(NEIGHBOURHOOD_DEPRIVATION.IMD_DECILE))
                        .set(NEIGHBOURHOOD_DEPRIVATION.LOADED_AT, OffsetDateTime.now())
                        .execute();
            }
            int schools = tx.update(SCHOOL)
                    .set(SCHOOL.DEPRIVATION_DECILE, deprivationDecile(SCHOOL.URN))
                    .where(SCHOOL.URN.in(select(ESTABLISHMENT.URN)
                            .from(ESTABLISHMENT)
                            .join(NEIGHBOURHOOD_DEPRIVATION)
                            .on(NEIGHBOURHOOD_DEPRIVATION.LSOA_CODE.eq(ESTABLISHMENT.LSOA_CODE))))
                    .execute();
            new AuditLog(tx)
                    .record(
                            actor,
                            "deprivation_loaded",
                            null,
                            null,
                            Map.of("file", fileName, "neighbourhoods", rows.size(), "schools", schools));
        });
    }

    /** The decile of the register neighbourhood of the school with this URN; null when either is unknown. */
    public static Field<Short> deprivationDecile(Field<Integer> urn) {
        return field(select(NEIGHBOURHOOD_DEPRIVATION.IMD_DECILE)
                .from(ESTABLISHMENT)
                .join(NEIGHBOURHOOD_DEPRIVATION)
                .on(NEIGHBOURHOOD_DEPRIVATION.LSOA_CODE.eq(ESTABLISHMENT.LSOA_CODE))
                .where(ESTABLISHMENT.URN.eq(urn)));
    }

    public Optional<DeprivationLoad> deprivationLoad() {
        return dsl.select(count(), max(NEIGHBOURHOOD_DEPRIVATION.LOADED_AT))
                .from(NEIGHBOURHOOD_DEPRIVATION)
                .fetchOptional(mapping(DeprivationLoad::new))
                .filter(l -> l.neighbourhoods() > 0);
    }

    public Optional<Load> latestLoad() {
        return dsl.select(
                        REGISTER_LOAD.FILE_NAME,
                        REGISTER_LOAD.ESTABLISHMENTS,
                        APP_USER.DISPLAY_NAME,
                        REGISTER_LOAD.LOADED_AT)
                .from(REGISTER_LOAD)
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(REGISTER_LOAD.LOADED_BY_USER_ID))
                .orderBy(REGISTER_LOAD.LOADED_AT.desc(), REGISTER_LOAD.ID.desc())
                .limit(1)
                .fetchOptional(mapping(Load::new));
    }

    public boolean empty() {
        return !dsl.fetchExists(ESTABLISHMENT);
    }

    public Optional<EstablishmentRecord> find(int urn) {
        return dsl.selectFrom(ESTABLISHMENT).where(ESTABLISHMENT.URN.eq(urn)).fetchOptional();
    }

    /**
     * Establishments by URN (digits), postcode or postcode district ("DE23", "DE23 8NL"), or words
     * of the name, the open ones first, each with the hub it is in now.
     */
    public List<Found> search(String query) {
        Condition matching = matching(query.strip());
        if (matching == null) {
            return List.of();
        }
        return dsl.select(
                        ESTABLISHMENT.URN,
                        ESTABLISHMENT.NAME,
                        ESTABLISHMENT.TYPE_NAME,
                        ESTABLISHMENT.EDUCATION_PHASE,
                        ESTABLISHMENT.REGISTER_STATUS,
                        ESTABLISHMENT.LOW_AGE,
                        ESTABLISHMENT.HIGH_AGE,
                        ESTABLISHMENT.LOCAL_AUTHORITY,
                        ESTABLISHMENT.POSTCODE,
                        SCHOOL.ID,
                        SCHOOL.HUB_ID,
                        HUB.NAME)
                .from(ESTABLISHMENT)
                .leftJoin(SCHOOL)
                .on(SCHOOL.URN.eq(ESTABLISHMENT.URN))
                .leftJoin(HUB)
                .on(HUB.ID.eq(SCHOOL.HUB_ID))
                .where(matching)
                .orderBy(ESTABLISHMENT.REGISTER_STATUS.eq("Closed"), ESTABLISHMENT.NAME, ESTABLISHMENT.URN)
                .limit(MAX_FOUND)
                .fetch(r -> new Found(
                        r.get(ESTABLISHMENT.URN),
                        r.get(ESTABLISHMENT.NAME),
                        r.get(ESTABLISHMENT.TYPE_NAME),
                        r.get(ESTABLISHMENT.LOCAL_AUTHORITY),
                        r.get(ESTABLISHMENT.POSTCODE),
                        r.get(ESTABLISHMENT.REGISTER_STATUS),
                        eligibility(
                                r.get(ESTABLISHMENT.TYPE_NAME),
                                r.get(ESTABLISHMENT.EDUCATION_PHASE),
                                r.get(ESTABLISHMENT.REGISTER_STATUS),
                                r.get(ESTABLISHMENT.LOW_AGE),
                                r.get(ESTABLISHMENT.HIGH_AGE)),
                        r.get(SCHOOL.ID),
                        r.get(SCHOOL.HUB_ID),
                        r.get(HUB.NAME)));
    }

    /** Whether a hub may take the establishment, from its register row. */
    public static Eligibility eligibility(EstablishmentRecord establishment) {
        return eligibility(
                establishment.getTypeName(),
                establishment.getEducationPhase(),
                establishment.getRegisterStatus(),
                establishment.getLowAge(),
                establishment.getHighAge());
    }

    private static Eligibility eligibility(String type, String phase, String status, Short low, Short high) {
        return Eligibility.of(type, phase, status, low == null ? null : (int) low, high == null ? null : (int) high);
    }

    private static Condition matching(String query) {
        if (query.matches("\\d{5,7}")) {
            return ESTABLISHMENT.URN.eq(Integer.valueOf(query));
        }
        String upper = query.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (upper.matches("[A-Z]{1,2}[0-9][A-Z0-9]?( ?[0-9][A-Z]{0,2})?")) {
            // a district alone must not match DE2 to DE23: a space follows it in a full postcode
            return upper.length() <= 4 && !upper.contains(" ")
                    ? ESTABLISHMENT.POSTCODE.like(upper + " %")
                    : ESTABLISHMENT.POSTCODE.replace(" ", "").like(upper.replace(" ", "") + "%");
        }
        // letters and digits only reach LIKE, so nobody's typing is a wildcard
        List<String> words = List.of(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")).stream()
                .filter(w -> w.length() >= 2)
                .toList();
        if (words.isEmpty()) {
            return null;
        }
        return words.stream()
                .<Condition>map(w -> ESTABLISHMENT.NAME.likeIgnoreCase("%" + w + "%"))
                .reduce(Condition::and)
                .orElseThrow();
    }
}
