package uk.encounters.marketplace.account;

import java.time.Instant;

/**
 * One line of the audit log as the admin pages show it. {@code actorEmail} is null for actions
 * by nobody signed in (a failed sign-in); {@code detail} is the JSON text stored with it.
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        Long actorUserId,
        String actorEmail,
        String action,
        String subjectType,
        Long subjectId,
        String detail,
        String ipAddress) {}
