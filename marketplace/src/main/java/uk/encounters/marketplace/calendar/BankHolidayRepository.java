package uk.encounters.marketplace.calendar;

import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.BANK_HOLIDAY;
import static uk.encounters.marketplace.jooq.Tables.BANK_HOLIDAY_UPLOAD;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/** The bank holidays in use: the newest administrator's upload, or the copy shipped in the app. */
public final class BankHolidayRepository {

    /** The upload in use: when, by whom (null once their account is gone), and its dates. */
    public record Upload(OffsetDateTime uploadedAt, String uploadedBy, BankHolidays days) {}

    private final DSLContext dsl;

    public BankHolidayRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public BankHolidays current() {
        return newestUpload().map(Upload::days).orElseGet(BankHolidays::shipped);
    }

    public Optional<Upload> newestUpload() {
        return dsl.select(BANK_HOLIDAY_UPLOAD.ID, BANK_HOLIDAY_UPLOAD.UPLOADED_AT, APP_USER.DISPLAY_NAME)
                .from(BANK_HOLIDAY_UPLOAD)
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(BANK_HOLIDAY_UPLOAD.UPLOADED_BY_USER_ID))
                .orderBy(BANK_HOLIDAY_UPLOAD.ID.desc())
                .limit(1)
                .fetchOptional(r -> new Upload(
                        r.get(BANK_HOLIDAY_UPLOAD.UPLOADED_AT),
                        r.get(APP_USER.DISPLAY_NAME),
                        new BankHolidays(new TreeMap<>(dsl.select(BANK_HOLIDAY.DAY, BANK_HOLIDAY.TITLE)
                                .from(BANK_HOLIDAY)
                                .where(BANK_HOLIDAY.UPLOAD_ID.eq(r.get(BANK_HOLIDAY_UPLOAD.ID)))
                                .fetchMap(BANK_HOLIDAY.DAY, BANK_HOLIDAY.TITLE)))));
    }

    /** Stores an upload, which from now on replaces the dates before it, audited, in one transaction. */
    public void replace(BankHolidays days, Actor actor) {
        dsl.transaction(c -> {
            long uploadId = c.dsl()
                    .insertInto(BANK_HOLIDAY_UPLOAD)
                    .set(BANK_HOLIDAY_UPLOAD.UPLOADED_BY_USER_ID, actor.userId())
                    .returning(BANK_HOLIDAY_UPLOAD.ID)
                    .fetchSingle(BANK_HOLIDAY_UPLOAD.ID);
            var insert = c.dsl().insertInto(BANK_HOLIDAY, BANK_HOLIDAY.UPLOAD_ID, BANK_HOLIDAY.DAY, BANK_HOLIDAY.TITLE);
            for (var day : days.days().entrySet()) {
                insert = insert.values(uploadId, day.getKey(), day.getValue());
            }
            insert.execute();
            Map<String, Long> perYear = new TreeMap<>();
            days.perYear().forEach((year, count) -> perYear.put(String.valueOf(year), count));
            new AuditLog(c.dsl()).record(actor, "bank_holidays.upload", "bank_holiday_upload", uploadId, perYear);
        });
    }
}
