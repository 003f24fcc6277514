package uk.encounters.marketplace.privacy;

import static org.jooq.impl.DSL.lower;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.ORGANISATION_JOIN;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Record;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.outbox.LinkSlots;

/**
 * Everything held about one email address, for a subject access request: the account and its
 * roles, volunteer records, audit entries by or about the person, emails sent to them (links
 * removed: they may still work) and the bookings they are named on. Read-only but audited.
 */
public final class SubjectAccess {

    /** What is held, in numbers: the erasure's confirmation page shows these. */
    public record Held(int accounts, int volunteers, int bookings, int auditEntries, int messages) {
        public boolean anything() {
            return accounts + volunteers + auditEntries + messages > 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final DSLContext dsl;
    private final Clock clock;

    public SubjectAccess(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public Held held(String email) {
        String address = email.toLowerCase(Locale.ROOT);
        List<Long> users = userIds(address);
        List<Long> volunteers = volunteerIds(address);
        return new Held(
                users.size(),
                volunteers.size(),
                dsl.fetchCount(BOOKING, BOOKING.VOLUNTEER_ID.in(volunteers)),
                dsl.fetchCount(AUDIT_LOG, aboutOrBy(users, volunteers, address)),
                dsl.fetchCount(OUTBOX, lower(OUTBOX.RECIPIENT).eq(address)));
    }

    /** The JSON file, written to the audit log as an export by {@code actorUserId}. */
    public String export(String email, long actorUserId, String ipAddress) {
        String address = email.toLowerCase(Locale.ROOT);
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            List<Long> users = userIds(address);
            List<Long> volunteers = volunteerIds(address);
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("email", email);
            file.put("exportedAt", Instant.now(clock).toString());
            file.put(
                    "accounts",
                    rows(tx.select(
                                    APP_USER.ID,
                                    APP_USER.EMAIL,
                                    APP_USER.DISPLAY_NAME,
                                    APP_USER.CREATED_AT,
                                    APP_USER.DISABLED_AT,
                                    APP_USER.ERASED_AT,
                                    APP_USER.PASSWORD_HASH.isNotNull().as("has_password"))
                            .from(APP_USER)
                            .where(APP_USER.ID.in(users))
                            .orderBy(APP_USER.ID)
                            .fetch()));
            file.put(
                    "roles",
                    rows(tx.select(
                                    USER_SCOPE.USER_ID,
                                    USER_SCOPE.ROLE,
                                    SCHOOL.NAME.as("school"),
                                    EMPLOYER.NAME.as("employer"),
                                    USER_SCOPE.HUB_ID,
                                    USER_SCOPE.GRANTED_AT)
                            .from(USER_SCOPE)
                            .leftJoin(SCHOOL)
                            .on(SCHOOL.ID.eq(USER_SCOPE.SCHOOL_ID))
                            .leftJoin(EMPLOYER)
                            .on(EMPLOYER.ID.eq(USER_SCOPE.EMPLOYER_ID))
                            .where(USER_SCOPE.USER_ID.in(users))
                            .orderBy(USER_SCOPE.ID)
                            .fetch()));
            file.put(
                    "volunteerRecords",
                    rows(tx.select(
                                    VOLUNTEER.ID,
                                    EMPLOYER.NAME.as("employer"),
                                    VOLUNTEER.NAME,
                                    VOLUNTEER.EMAIL,
                                    VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL,
                                    VOLUNTEER.ACTIVE,
                                    VOLUNTEER.CREATED_AT,
                                    VOLUNTEER.ERASED_AT)
                            .from(VOLUNTEER)
                            .join(EMPLOYER)
                            .on(EMPLOYER.ID.eq(VOLUNTEER.EMPLOYER_ID))
                            .where(VOLUNTEER.ID.in(volunteers))
                            .orderBy(VOLUNTEER.ID)
                            .fetch()));
            file.put(
                    "bookingsNamedOn",
                    rows(tx.select(
                                    BOOKING.ID,
                                    BOOKING.VOLUNTEER_ID,
                                    BOOKING.ENCOUNTER_TYPE,
                                    BOOKING.STARTS_ON,
                                    BOOKING.ENDS_ON,
                                    BOOKING.PERIOD,
                                    BOOKING.STATUS,
                                    SCHOOL.NAME.as("school"),
                                    BOOKING.DECLINE_REASON)
                            .from(BOOKING)
                            .join(REQUEST)
                            .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                            .join(SCHOOL)
                            .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                            .where(BOOKING.VOLUNTEER_ID.in(volunteers))
                            .orderBy(BOOKING.STARTS_ON, BOOKING.ID)
                            .fetch()));
            file.put(
                    "requestsToJoinAnOrganisation",
                    rows(tx.select(
                                    ORGANISATION_JOIN.ID,
                                    EMPLOYER.NAME.as("organisation"),
                                    ORGANISATION_JOIN.ORGANISATION_NAME.as("organisation_typed"),
                                    ORGANISATION_JOIN.CONTACT_NAME,
                                    ORGANISATION_JOIN.REQUESTED_AT,
                                    ORGANISATION_JOIN.DECISION,
                                    ORGANISATION_JOIN.DECIDED_AT)
                            .from(ORGANISATION_JOIN)
                            .join(EMPLOYER)
                            .on(EMPLOYER.ID.eq(ORGANISATION_JOIN.EMPLOYER_ID))
                            .where(ORGANISATION_JOIN.USER_ID.in(users))
                            .orderBy(ORGANISATION_JOIN.ID)
                            .fetch()));
            file.put(
                    "auditEntries",
                    rows(tx.select(
                                    AUDIT_LOG.ID,
                                    AUDIT_LOG.OCCURRED_AT,
                                    AUDIT_LOG.ACTOR_USER_ID,
                                    AUDIT_LOG.ACTION,
                                    AUDIT_LOG.SUBJECT_TYPE,
                                    AUDIT_LOG.SUBJECT_ID,
                                    AUDIT_LOG.DETAIL.cast(String.class).as("detail"),
                                    AUDIT_LOG.IP_ADDRESS)
                            .from(AUDIT_LOG)
                            .where(aboutOrBy(users, volunteers, address))
                            .orderBy(AUDIT_LOG.ID)
                            .fetch()));
            List<Map<String, Object>> messages = rows(tx.select(
                            OUTBOX.ID,
                            OUTBOX.KIND,
                            OUTBOX.RECIPIENT,
                            OUTBOX.SUBJECT,
                            OUTBOX.BODY_TEXT,
                            OUTBOX.CREATED_AT,
                            OUTBOX.SENT_AT,
                            OUTBOX.BODY_REMOVED_AT)
                    .from(OUTBOX)
                    .where(lower(OUTBOX.RECIPIENT).eq(address))
                    .orderBy(OUTBOX.ID)
                    .fetch());
            messages.forEach(m -> m.computeIfPresent(
                    "body_text",
                    (k, body) -> LINK.matcher(LinkSlots.redacted((String) body)).replaceAll("[link removed]")));
            file.put("messages", messages);
            new AuditLog(tx)
                    .record(
                            actorUserId,
                            "personal_data_exported",
                            users.isEmpty() ? null : "app_user",
                            users.isEmpty() ? null : users.getFirst(),
                            Map.of(
                                    "accounts",
                                    users.size(),
                                    "volunteer_records",
                                    volunteers.size(),
                                    "messages",
                                    messages.size()),
                            ipAddress);
            return json(file);
        });
    }

    private List<Long> userIds(String address) {
        return dsl.select(APP_USER.ID)
                .from(APP_USER)
                .where(lower(APP_USER.EMAIL).eq(address))
                .fetch(APP_USER.ID);
    }

    private List<Long> volunteerIds(String address) {
        return dsl.select(VOLUNTEER.ID)
                .from(VOLUNTEER)
                .where(lower(VOLUNTEER.EMAIL).eq(address))
                .fetch(VOLUNTEER.ID);
    }

    /** Entries by the person, about their account or volunteer records, or quoting their address. */
    private static Condition aboutOrBy(List<Long> users, List<Long> volunteers, String address) {
        return AUDIT_LOG
                .ACTOR_USER_ID
                .in(users)
                .or(AUDIT_LOG.SUBJECT_TYPE.eq("app_user").and(AUDIT_LOG.SUBJECT_ID.in(users)))
                .or(AUDIT_LOG.SUBJECT_TYPE.eq("volunteer").and(AUDIT_LOG.SUBJECT_ID.in(volunteers)))
                .or(AUDIT_LOG
                        .DETAIL
                        .cast(String.class)
                        .likeIgnoreCase("%" + Anonymisation.likeEscaped(address) + "%", '!'));
    }

    private static List<Map<String, Object>> rows(List<? extends Record> records) {
        return records.stream()
                .map(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < r.size(); i++) {
                        row.put(r.field(i).getName(), jsonValue(r.get(i)));
                    }
                    return row;
                })
                .toList();
    }

    private static Object jsonValue(Object value) {
        return switch (value) {
            case null -> null;
            case Number n -> n;
            case Boolean b -> b;
            case EnumType status -> status.getLiteral();
            default -> value.toString();
        };
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A subject access file could not be written", e);
        }
    }
}
