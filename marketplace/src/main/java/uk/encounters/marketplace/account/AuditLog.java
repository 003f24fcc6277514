package uk.encounters.marketplace.account;

import static org.jooq.Records.mapping;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Who did what, when and from where: sign-ins, failed sign-ins, changes of scope and password.
 * Written in the transaction of the change it records (construct it over that transaction's
 * {@code DSLContext}). Details are facts about the action; never a password or a raw token.
 */
public final class AuditLog {

    // The ip_address column holds an IPv6 address at most; a forged header may be longer.
    private static final int LONGEST_ADDRESS = 45;
    // Values in the detail come partly from what visitors type; keep one from filling the table.
    private static final int LONGEST_TEXT = 500;

    private final DSLContext dsl;

    public AuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One entry: {@code actor} did {@code action} to {@code subjectType} {@code subjectId}. */
    public void record(Actor actor, String action, String subjectType, Long subjectId, Map<String, ?> detail) {
        record(actor.userId(), action, subjectType, subjectId, detail, actor.ipAddress());
    }

    /**
     * @param actorUserId who acted, or null when nobody was signed in
     * @param detail      small facts about the action (strings, numbers, booleans, lists, maps)
     */
    public void record(
            Long actorUserId,
            String action,
            String subjectType,
            Long subjectId,
            Map<String, ?> detail,
            String ipAddress) {
        dsl.insertInto(
                        AUDIT_LOG,
                        AUDIT_LOG.ACTOR_USER_ID,
                        AUDIT_LOG.ACTION,
                        AUDIT_LOG.SUBJECT_TYPE,
                        AUDIT_LOG.SUBJECT_ID,
                        AUDIT_LOG.DETAIL,
                        AUDIT_LOG.IP_ADDRESS)
                .values(
                        actorUserId,
                        action,
                        subjectType,
                        subjectId,
                        JSONB.valueOf(json(detail == null ? Map.of() : detail)),
                        ipAddress == null || ipAddress.length() <= LONGEST_ADDRESS
                                ? ipAddress
                                : ipAddress.substring(0, LONGEST_ADDRESS))
                .execute();
    }

    /**
     * The names of the parts of a record that differ between two versions of it, for an entry
     * that says what changed without copying what people typed (a phone number, a name).
     */
    public static <R extends Record> List<String> changedParts(R before, R after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent part : after.getClass().getRecordComponents()) {
            try {
                Method read = part.getAccessor();
                if (!Objects.equals(read.invoke(before), read.invoke(after))) {
                    changed.add(part.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("A record's accessor cannot be read: " + part, e);
            }
        }
        return changed;
    }

    /** The latest entries first. */
    public List<AuditEntry> findRecent(int limit) {
        return dsl.select(
                        AUDIT_LOG.ID,
                        AUDIT_LOG.OCCURRED_AT.convertFrom(OffsetDateTime::toInstant),
                        AUDIT_LOG.ACTOR_USER_ID,
                        APP_USER.EMAIL,
                        AUDIT_LOG.ACTION,
                        AUDIT_LOG.SUBJECT_TYPE,
                        AUDIT_LOG.SUBJECT_ID,
                        AUDIT_LOG.DETAIL.convertFrom(JSONB::data),
                        AUDIT_LOG.IP_ADDRESS)
                .from(AUDIT_LOG)
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(AUDIT_LOG.ACTOR_USER_ID))
                .orderBy(AUDIT_LOG.OCCURRED_AT.desc(), AUDIT_LOG.ID.desc())
                .limit(limit)
                .fetch(mapping(AuditEntry::new));
    }

    /** JSON text of the detail; the marketplace has no JSON library and needs only this much. */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Short s -> out.append(s);
            case java.math.BigDecimal d -> out.append(d.toPlainString());
            case Number n when Double.isFinite(n.doubleValue()) -> out.append(n);
            case Map<?, ?> map -> {
                out.append('{');
                String separator = "";
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(separator);
                    writeString(out, String.valueOf(entry.getKey()));
                    out.append(':');
                    write(out, entry.getValue());
                    separator = ",";
                }
                out.append('}');
            }
            case Iterable<?> items -> {
                out.append('[');
                String separator = "";
                for (Object item : items) {
                    out.append(separator);
                    write(out, item);
                    separator = ",";
                }
                out.append(']');
            }
            default -> writeString(out, value.toString());
        }
    }

    private static void writeString(StringBuilder out, String text) {
        String value = text;
        if (text.length() > LONGEST_TEXT) {
            int end = Character.isHighSurrogate(text.charAt(LONGEST_TEXT - 1)) ? LONGEST_TEXT - 1 : LONGEST_TEXT;
            value = text.substring(0, end) + "...";
        }
        out.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // PostgreSQL's jsonb refuses \u0000, so a NUL is dropped rather than escaped.
                case '\0' -> {}
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
