package uk.encounters.web.wonde;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.marketplace.pupil.WondeLinkRepository;
import uk.encounters.marketplace.pupil.WondePull;

/**
 * Pulls schools' pupils from Wonde: one school when its careers leader asks, and every linked
 * school each night. A school is claimed before Wonde is asked, so two app instances never pull
 * it at once; Wonde is read before the transaction, so no transaction waits on the network. A
 * failure changes no pupil and is kept, with its reason, for the pupils page. Blocking throughout.
 */
public final class WondePulls {

    /** The nightly pull leaves a school tried this recently alone (by hand, or by another instance). */
    static final Duration NIGHTLY_GAP = Duration.ofHours(12);

    private static final Logger log = LoggerFactory.getLogger(WondePulls.class);

    /** How one pull went. */
    public sealed interface Result {}

    public record Pulled(WondePull.Outcome outcome) implements Result {}

    /** Nothing changed: {@code reason} says why, for the careers leader. */
    public record Failed(String reason) implements Result {}

    /** Another pull of the school is under way, or it is not linked. */
    public record Busy() implements Result {}

    private final WondeSettings settings;
    private final WondeClient client;
    private final WondeLinkRepository links;
    private final WondePull pull;
    private final PupilReferences references;
    private final Clock clock;

    public WondePulls(
            WondeSettings settings,
            WondeLinkRepository links,
            WondePull pull,
            PupilReferences references,
            Clock clock) {
        this.settings = settings;
        this.client = new WondeClient(settings);
        this.links = links;
        this.pull = pull;
        this.references = references;
        this.clock = clock;
    }

    public boolean configured() {
        return settings.configured();
    }

    /** The school's pupils pulled now, by hand. */
    public Result pullNow(Actor actor, long schoolId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<String> wondeSchoolId = links.claim(schoolId, now, null);
        return wondeSchoolId.isEmpty() ? new Busy() : pull(actor, schoolId, wondeSchoolId.get(), now);
    }

    /** Every linked school not tried in the last twelve hours; how many were pulled. Safe on every instance. */
    public int pullAllDue() {
        if (!configured()) {
            return 0;
        }
        OffsetDateTime started = OffsetDateTime.now(clock);
        List<Long> due = links.dueSince(started.minus(NIGHTLY_GAP));
        int pulled = 0;
        for (long schoolId : due) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            Optional<String> wondeSchoolId = links.claim(schoolId, now, now.minus(NIGHTLY_GAP));
            if (wondeSchoolId.isPresent()
                    && pull(Actor.anonymous(null), schoolId, wondeSchoolId.get(), now) instanceof Pulled) {
                pulled++;
            }
        }
        return pulled;
    }

    private Result pull(Actor actor, long schoolId, String wondeSchoolId, OffsetDateTime now) {
        List<WondeStudent> students;
        try {
            students = client.students(wondeSchoolId);
        } catch (WondeClient.Unavailable e) {
            return failed(schoolId, now, e.getMessage());
        }
        if (students.isEmpty()) {
            // a school whose grant lost its pupils would otherwise see every pupil archived
            return failed(
                    schoolId,
                    now,
                    "Wonde listed no pupils for school " + wondeSchoolId + ", so nobody was archived. Check that the"
                            + " school's grant in Wonde includes its students.");
        }
        WondePull.Roll roll = WondeRoll.of(students, schoolId, references);
        try {
            WondePull.Outcome outcome = pull.apply(actor, schoolId, roll, LocalDate.now(clock), now);
            log.info(
                    "Pupils pulled from Wonde for school {}: {} added, {} updated, {} archived, {} refused",
                    schoolId,
                    outcome.added(),
                    outcome.updated(),
                    outcome.archived(),
                    outcome.refused());
            return new Pulled(outcome);
        } catch (RuntimeException e) {
            links.recordFailure(schoolId, now, "The pupils could not be saved; nothing was changed. Try again later.");
            throw e;
        }
    }

    private Failed failed(long schoolId, OffsetDateTime now, String reason) {
        links.recordFailure(schoolId, now, reason);
        log.warn("Pulling pupils from Wonde for school {} changed nothing: {}", schoolId, reason);
        return new Failed(reason);
    }
}
