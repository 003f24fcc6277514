package uk.encounters.marketplace.school;

import static org.jooq.Records.mapping;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_VISITOR_ARRANGEMENTS;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** A school's arrangements for visitors: one row a school, none until its careers leader saves them. */
public final class VisitorArrangementsRepository {

    private final DSLContext dsl;

    public VisitorArrangementsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What the school has saved, or empty when it has saved nothing yet. */
    public Optional<VisitorArrangements> find(long schoolId) {
        var a = SCHOOL_VISITOR_ARRANGEMENTS;
        return dsl.select(
                        a.VISITOR_ADDRESS,
                        a.MEETING_POINT,
                        a.PARKING,
                        a.SIGN_IN_RULES,
                        a.CONTACT_NAME,
                        a.CONTACT_PHONE,
                        a.MORNING_START,
                        a.MORNING_END,
                        a.AFTERNOON_START,
                        a.AFTERNOON_END)
                .from(a)
                .where(a.SCHOOL_ID.eq(schoolId))
                .fetchOptional(mapping(VisitorArrangements::new));
    }

    /** What the school has saved, or the usual arrangements when nothing yet. */
    public VisitorArrangements findOrUsual(long schoolId) {
        return find(schoolId).orElseGet(VisitorArrangements::usual);
    }

    /** Saves them whole; text left empty is stored as null. */
    public void save(long schoolId, VisitorArrangements arrangements) {
        var a = SCHOOL_VISITOR_ARRANGEMENTS;
        var row = dsl.newRecord(a);
        row.setSchoolId(schoolId);
        row.setVisitorAddress(orNull(arrangements.address()));
        row.setMeetingPoint(orNull(arrangements.meetingPoint()));
        row.setParking(orNull(arrangements.parking()));
        row.setSignInRules(orNull(arrangements.signInRules()));
        row.setContactName(orNull(arrangements.contactName()));
        row.setContactPhone(orNull(arrangements.contactPhone()));
        row.setMorningStart(arrangements.morningStart());
        row.setMorningEnd(arrangements.morningEnd());
        row.setAfternoonStart(arrangements.afternoonStart());
        row.setAfternoonEnd(arrangements.afternoonEnd());
        dsl.insertInto(a)
                .set(row)
                .onConflict(a.SCHOOL_ID)
                .doUpdate()
                .set(row)
                .set(a.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    private static String orNull(String text) {
        return text.isBlank() ? null : text;
    }
}
