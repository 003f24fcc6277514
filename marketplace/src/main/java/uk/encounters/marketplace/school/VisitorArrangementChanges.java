package uk.encounters.marketplace.school;

import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/** A careers leader's change to the school's visitor arrangements, in one transaction with its audit entry. */
public final class VisitorArrangementChanges {

    private final DSLContext dsl;

    public VisitorArrangementChanges(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void save(Actor actor, long schoolId, VisitorArrangements arrangements) {
        dsl.transaction(c -> {
            VisitorArrangementsRepository repository = new VisitorArrangementsRepository(c.dsl());
            VisitorArrangements before = repository.findOrUsual(schoolId);
            repository.save(schoolId, arrangements);
            // which parts changed, not what they say: the contact's name and phone stay out of the log
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "visitor_arrangements_changed",
                            "school",
                            schoolId,
                            Map.of("changed", AuditLog.changedParts(before, arrangements)));
        });
    }
}
