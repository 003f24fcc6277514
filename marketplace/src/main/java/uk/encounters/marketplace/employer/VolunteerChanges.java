package uk.encounters.marketplace.employer;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * What an employer changes about its volunteers: adding or updating one, importing many, and
 * marking one as having left or come back. Each change and its audit entry are one transaction.
 */
public final class VolunteerChanges {

    private final DSLContext dsl;

    public VolunteerChanges(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Adds a volunteer, or updates the one with that email address. */
    public VolunteerRepository.Saved save(Actor actor, long employerId, VolunteerDetails volunteer) {
        return dsl.transactionResult(c -> {
            VolunteerRepository.Saved result = new VolunteerRepository(c.dsl())
                    .save(employerId, volunteer.name(), volunteer.email(), volunteer.safeguardingCheckedUntil());
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "volunteer_saved",
                            "employer",
                            employerId,
                            Map.of("email", volunteer.email(), "result", result.name()));
            return result;
        });
    }

    /**
     * The good rows of a CSV file, each saved as {@link #save} saves one, with one audit entry.
     *
     * @param skipped the file's rows with errors, left out on purpose
     * @return how many were new (the others updated a volunteer already there)
     */
    public long importAll(Actor actor, long employerId, List<VolunteerDetails> volunteers, long skipped) {
        return dsl.transactionResult(c -> {
            VolunteerRepository repository = new VolunteerRepository(c.dsl());
            long added = volunteers.stream()
                    .map(v -> repository.save(employerId, v.name(), v.email(), v.safeguardingCheckedUntil()))
                    .filter(s -> s == VolunteerRepository.Saved.ADDED)
                    .count();
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "volunteers_imported",
                            "employer",
                            employerId,
                            Map.of("rows", volunteers.size(), "added", added, "skipped", skipped));
            return added;
        });
    }

    /**
     * A volunteer who has left is kept on past bookings but offered no more; one who returns is
     * offered again. False when the employer has no such volunteer.
     */
    public boolean setActive(Actor actor, long employerId, long volunteerId, boolean active) {
        return dsl.transactionResult(c -> {
            boolean done = new VolunteerRepository(c.dsl()).setActive(employerId, volunteerId, active);
            if (done) {
                new AuditLog(c.dsl())
                        .record(
                                actor,
                                active ? "volunteer_reactivated" : "volunteer_deactivated",
                                "volunteer",
                                volunteerId,
                                Map.of());
            }
            return done;
        });
    }
}
