package uk.encounters.marketplace.employer;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.inline;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.matcher.explain.DateStyle;

/**
 * An organisation's own say in being asked for sessions: as usual, paused for a while, or stopped
 * until it says otherwise. A round asks nothing new of an organisation paused or stopped (its
 * sessions already agreed stand), so a request it did not want is never sent. Changed from the link
 * at the foot of every request (List-Unsubscribe, one click in the mail app, or its page), which
 * stands for the organisation for this and nothing else.
 */
public final class ContactPreferences {

    /** How the organisation wants to be asked. */
    public enum Asking {
        AS_USUAL,
        PAUSED,
        STOPPED
    }

    /** How long a pause may be, in months: the choices its page offers. */
    public enum Pause {
        ONE_MONTH(1),
        THREE_MONTHS(3),
        SIX_MONTHS(6);

        private final int months;

        Pause(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }
    }

    /**
     * @param pausedUntil the first day it may be asked again, while {@link Asking#PAUSED}
     */
    public record Preference(long employerId, String organisation, Asking asking, LocalDate pausedUntil) {

        /** "Schools' requests are paused until Tue 8 Dec 2026." */
        public String summary() {
            return switch (asking) {
                case AS_USUAL -> "The hub may ask " + organisation + " for sessions, at most once a week.";
                case PAUSED -> "Requests to " + organisation + " are paused until " + DateStyle.of(pausedUntil) + ".";
                case STOPPED ->
                    "Requests to " + organisation + " are stopped until you choose to hear from schools again.";
            };
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public ContactPreferences(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Whether a round today may ask the organisation for new sessions. */
    public static Condition mayBeAsked(LocalDate today) {
        return EMPLOYER.ASKS_STOPPED_AT
                .isNull()
                .and(EMPLOYER.ASKS_PAUSED_UNTIL.isNull().or(EMPLOYER.ASKS_PAUSED_UNTIL.le(today)));
    }

    /**
     * For the coordinator: "Stopped requests" or "Paused requests until Tue 8 Dec 2026" when the
     * organisation said so, else null (asked as usual).
     */
    public static String standing(OffsetDateTime stoppedAt, LocalDate pausedUntil, LocalDate today) {
        if (stoppedAt != null) {
            return "Stopped requests";
        }
        return pausedUntil != null && pausedUntil.isAfter(today)
                ? "Paused requests until " + DateStyle.of(pausedUntil)
                : null;
    }

    /** The organisation's preference as it stands today; empty when there is no such organisation. */
    public Optional<Preference> of(long employerId) {
        LocalDate today = today();
        return dsl.select(EMPLOYER.ID, EMPLOYER.NAME, EMPLOYER.ASKS_STOPPED_AT, EMPLOYER.ASKS_PAUSED_UNTIL)
                .from(EMPLOYER)
                .where(EMPLOYER.ID.eq(employerId))
                .fetchOptional(r -> {
                    LocalDate until = r.get(EMPLOYER.ASKS_PAUSED_UNTIL);
                    if (r.get(EMPLOYER.ASKS_STOPPED_AT) != null) {
                        return new Preference(r.get(EMPLOYER.ID), r.get(EMPLOYER.NAME), Asking.STOPPED, null);
                    }
                    boolean paused = until != null && until.isAfter(today);
                    return new Preference(
                            r.get(EMPLOYER.ID),
                            r.get(EMPLOYER.NAME),
                            paused ? Asking.PAUSED : Asking.AS_USUAL,
                            paused ? until : null);
                });
    }

    /** The preference its link opens; empty when the link is wrong, for another organisation, or has run out. */
    public Optional<Preference> byLink(String token, long employerId) {
        return opens(dsl, token, employerId) ? of(employerId) : Optional.empty();
    }

    /** One click: stops requests. Empty when the link is no good; stopping twice changes nothing. */
    public Optional<Preference> stopByLink(Actor actor, String token, long employerId) {
        return chooseByLink(actor, token, employerId, Asking.STOPPED, null);
    }

    /**
     * The organisation's choice by its link, in one transaction with its audit entry; {@code pause} is
     * needed for {@link Asking#PAUSED} only. Empty when the link is no good.
     */
    public Optional<Preference> chooseByLink(Actor actor, String token, long employerId, Asking asking, Pause pause) {
        return dsl.transactionResult(c -> {
            if (!opens(c.dsl(), token, employerId)) {
                return Optional.empty();
            }
            choose(c.dsl(), actor, employerId, asking, pause);
            return new ContactPreferences(c.dsl(), clock).of(employerId);
        });
    }

    private void choose(DSLContext tx, Actor actor, long employerId, Asking asking, Pause pause) {
        if (asking == Asking.PAUSED && pause == null) {
            throw new IllegalArgumentException("A pause needs its length");
        }
        LocalDate until = asking == Asking.PAUSED ? today().plusMonths(pause.months()) : null;
        Field<OffsetDateTime> stoppedAt = asking == Asking.STOPPED
                // stopping again keeps the day it was first stopped
                ? coalesce(EMPLOYER.ASKS_STOPPED_AT, currentOffsetDateTime())
                : inline((OffsetDateTime) null);
        int changed = tx.update(EMPLOYER)
                .set(EMPLOYER.ASKS_STOPPED_AT, stoppedAt)
                .set(EMPLOYER.ASKS_PAUSED_UNTIL, until)
                .where(EMPLOYER.ID.eq(employerId))
                .execute();
        if (changed == 1) {
            new AuditLog(tx)
                    .record(
                            actor,
                            "contact_preferences_changed",
                            "employer",
                            employerId,
                            until == null
                                    ? Map.of("asking", asking.name())
                                    : Map.of("asking", asking.name(), "until", until.toString()));
        }
    }

    private boolean opens(DSLContext tx, String token, long employerId) {
        return new LoginTokenRepository(tx, clock).opens(token, Purpose.CONTACT_PREFERENCES, employerId);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
