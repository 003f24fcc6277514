package uk.encounters.marketplace.school;

import static org.jooq.Records.mapping;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.util.Optional;
import org.jooq.DSLContext;

public final class SchoolRepository {

    /**
     * A school and where it is; latitude and longitude are null when its place is not known, and
     * the hub is null once the school has left its hub.
     */
    public record School(long id, Long hubId, String name, Double latitude, Double longitude) {

        public boolean located() {
            return latitude != null && longitude != null;
        }
    }

    private final DSLContext dsl;

    public SchoolRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<School> findById(long schoolId) {
        return dsl.select(SCHOOL.ID, SCHOOL.HUB_ID, SCHOOL.NAME, SCHOOL.LATITUDE, SCHOOL.LONGITUDE)
                .from(SCHOOL)
                .where(SCHOOL.ID.eq(schoolId))
                .fetchOptional(mapping(School::new));
    }
}
