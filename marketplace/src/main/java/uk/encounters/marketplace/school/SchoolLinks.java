package uk.encounters.marketplace.school;

import static org.jooq.Records.mapping;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.employer.EmployerRepository;

/**
 * A school's links with business: its enterprise advisers (whether its round digests go to them
 * too) and its linked employer, whom matching prefers for the school.
 */
public final class SchoolLinks {

    /** What the page shows: the advisers, the choice of digests, the linked employer and the hub's employers. */
    public record Links(
            List<Adviser> advisers, boolean digestToAdvisers, Long linkedEmployerId, List<EmployerChoice> employers) {}

    public record Adviser(String name, String email) {}

    public record EmployerChoice(long id, String name) {}

    private final DSLContext dsl;

    public SchoolLinks(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Empty when the school is in no hub: there is no employer to link it with. */
    public Optional<Links> of(long schoolId) {
        var school = dsl.select(SCHOOL.HUB_ID, SCHOOL.DIGEST_TO_ADVISERS, SCHOOL.LINKED_EMPLOYER_ID)
                .from(SCHOOL)
                .where(SCHOOL.ID.eq(schoolId).and(SCHOOL.HUB_ID.isNotNull()))
                .fetchOptional();
        if (school.isEmpty()) {
            return Optional.empty();
        }
        List<Adviser> advisers = dsl.select(APP_USER.DISPLAY_NAME, APP_USER.EMAIL)
                .from(USER_SCOPE)
                .join(APP_USER)
                .on(APP_USER.ID.eq(USER_SCOPE.USER_ID))
                .where(USER_SCOPE.SCHOOL_ID.eq(schoolId).and(USER_SCOPE.ROLE.eq(Role.ENTERPRISE_ADVISER.code())))
                .and(APP_USER.DISABLED_AT.isNull())
                .orderBy(APP_USER.DISPLAY_NAME)
                .fetch(mapping(Adviser::new));
        return Optional.of(new Links(
                advisers,
                school.get().get(SCHOOL.DIGEST_TO_ADVISERS),
                school.get().get(SCHOOL.LINKED_EMPLOYER_ID),
                employers(school.get().get(SCHOOL.HUB_ID))));
    }

    private List<EmployerChoice> employers(long hubId) {
        return dsl.select(EMPLOYER.ID, EMPLOYER.NAME)
                .from(EMPLOYER)
                .where(EmployerRepository.presentIn(hubId).and(EMPLOYER.MERGED_INTO_ID.isNull()))
                .orderBy(EMPLOYER.NAME, EMPLOYER.ID)
                .fetch(mapping(EmployerChoice::new));
    }

    /**
     * Saves the choice, audited; false when {@code linkedEmployerId} is not one of the hub's
     * employers (the caller offered only those, so someone sent another).
     */
    public boolean save(Actor actor, long schoolId, Long linkedEmployerId, boolean digestToAdvisers) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Long hubId = tx.select(SCHOOL.HUB_ID)
                    .from(SCHOOL)
                    .where(SCHOOL.ID.eq(schoolId))
                    .forUpdate()
                    .fetchOptional(SCHOOL.HUB_ID)
                    .orElse(null);
            if (hubId == null) {
                return false;
            }
            if (linkedEmployerId != null
                    && !tx.fetchExists(
                            EMPLOYER,
                            EMPLOYER.ID
                                    .eq(linkedEmployerId)
                                    .and(EmployerRepository.presentIn(hubId))
                                    .and(EMPLOYER.MERGED_INTO_ID.isNull()))) {
                return false;
            }
            tx.update(SCHOOL)
                    .set(SCHOOL.LINKED_EMPLOYER_ID, linkedEmployerId)
                    .set(SCHOOL.DIGEST_TO_ADVISERS, digestToAdvisers)
                    .where(SCHOOL.ID.eq(schoolId))
                    .execute();
            Map<String, Object> detail = new HashMap<>();
            detail.put("linked_employer", linkedEmployerId);
            detail.put("digest_to_advisers", digestToAdvisers);
            new AuditLog(tx).record(actor, "school_links_changed", "school", schoolId, detail);
            return true;
        });
    }
}
