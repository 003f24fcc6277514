package uk.encounters.marketplace.employer;

import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;

public final class VolunteerRepository {

    /** What saving a volunteer did: one person per email address within an employer. */
    public enum Saved {
        ADDED,
        UPDATED
    }

    private final DSLContext dsl;

    public VolunteerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Volunteer> findByEmployer(long employerId) {
        return dsl.select(
                        VOLUNTEER.ID,
                        VOLUNTEER.EMPLOYER_ID,
                        VOLUNTEER.NAME,
                        VOLUNTEER.EMAIL,
                        VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL,
                        VOLUNTEER.ACTIVE)
                .from(VOLUNTEER)
                .where(VOLUNTEER.EMPLOYER_ID.eq(employerId))
                .orderBy(VOLUNTEER.ACTIVE.desc(), VOLUNTEER.NAME, VOLUNTEER.ID)
                .fetch(Records.mapping(Volunteer::new));
    }

    public Optional<Volunteer> findById(long volunteerId) {
        return dsl.select(
                        VOLUNTEER.ID,
                        VOLUNTEER.EMPLOYER_ID,
                        VOLUNTEER.NAME,
                        VOLUNTEER.EMAIL,
                        VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL,
                        VOLUNTEER.ACTIVE)
                .from(VOLUNTEER)
                .where(VOLUNTEER.ID.eq(volunteerId))
                .fetchOptional(Records.mapping(Volunteer::new));
    }

    /**
     * Adds the volunteer, or updates the one with the same email address (whatever its case), so
     * importing the same list twice changes nothing.
     */
    public Saved save(long employerId, String name, String email, LocalDate safeguardingCheckedUntil) {
        int updated = dsl.update(VOLUNTEER)
                .set(VOLUNTEER.NAME, name)
                .set(VOLUNTEER.EMAIL, email)
                .set(VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL, safeguardingCheckedUntil)
                .set(VOLUNTEER.ACTIVE, true)
                .where(VOLUNTEER.EMPLOYER_ID.eq(employerId))
                .and(hasEmail(email))
                .execute();
        if (updated > 0) {
            return Saved.UPDATED;
        }
        dsl.insertInto(
                        VOLUNTEER,
                        VOLUNTEER.EMPLOYER_ID,
                        VOLUNTEER.NAME,
                        VOLUNTEER.EMAIL,
                        VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL)
                .values(employerId, name, email, safeguardingCheckedUntil)
                .execute();
        return Saved.ADDED;
    }

    /** The organisation's volunteer with this email address, or a new one: a person offering through the form. */
    public long findOrCreate(long employerId, String name, String email, LocalDate safeguardingCheckedUntil) {
        return dsl.select(VOLUNTEER.ID)
                .from(VOLUNTEER)
                .where(VOLUNTEER.EMPLOYER_ID.eq(employerId))
                .and(hasEmail(email))
                .fetchOptional(VOLUNTEER.ID)
                .orElseGet(() -> dsl.insertInto(
                                VOLUNTEER,
                                VOLUNTEER.EMPLOYER_ID,
                                VOLUNTEER.NAME,
                                VOLUNTEER.EMAIL,
                                VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL)
                        .values(employerId, name, email, safeguardingCheckedUntil)
                        .returning(VOLUNTEER.ID)
                        .fetchOne(VOLUNTEER.ID));
    }

    /**
     * The volunteer with this email address, whatever its case, as volunteer_employer_email_uk sees it.
     * PostgreSQL lowers both sides: Java's toLowerCase differs for some letters ("İ" becomes two
     * characters), and a volunteer it missed failed on the unique index (found by fuzzing).
     */
    public static Condition hasEmail(String email) {
        return DSL.lower(VOLUNTEER.EMAIL).eq(DSL.lower(DSL.val(email)));
    }

    /** A volunteer who has left stays on past bookings but is offered no more. */
    public boolean setActive(long employerId, long volunteerId, boolean active) {
        return dsl.update(VOLUNTEER)
                        .set(VOLUNTEER.ACTIVE, active)
                        .where(VOLUNTEER.ID.eq(volunteerId))
                        .and(VOLUNTEER.EMPLOYER_ID.eq(employerId))
                        .execute()
                == 1;
    }
}
