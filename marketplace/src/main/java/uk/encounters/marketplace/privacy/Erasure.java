package uk.encounters.marketplace.privacy;

import static org.jooq.impl.DSL.lower;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.AuditLog;

/**
 * An administrator's erasure of one email address: the account and volunteer records holding it
 * are anonymised (Anonymisation), in one transaction with its audit entry. The entry records the
 * counts, never the address, or the log would undo the erasure.
 */
public final class Erasure {

    /** What was anonymised. */
    public record Result(int accounts, int volunteers) {
        public boolean anything() {
            return accounts + volunteers > 0;
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public Erasure(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public Result erase(String email, long actorUserId, String ipAddress) {
        String address = email.toLowerCase(Locale.ROOT);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return dsl.transactionResult(c -> {
            Anonymisation anonymise = new Anonymisation(c.dsl(), now);
            Long accountId = c.dsl()
                    .select(APP_USER.ID)
                    .from(APP_USER)
                    .where(lower(APP_USER.EMAIL).eq(address))
                    .fetchOptional(APP_USER.ID)
                    .orElse(null);
            Result result = new Result(
                    anonymise.users(lower(APP_USER.EMAIL).eq(address)),
                    anonymise.volunteers(lower(VOLUNTEER.EMAIL).eq(address)));
            if (result.anything()) {
                new AuditLog(c.dsl())
                        .record(
                                actorUserId,
                                "personal_data_erased",
                                accountId == null ? null : "app_user",
                                accountId,
                                Map.of("accounts", result.accounts(), "volunteer_records", result.volunteers()),
                                ipAddress);
            }
            return result;
        });
    }
}
