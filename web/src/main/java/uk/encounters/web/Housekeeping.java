package uk.encounters.web;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.feedback.FeedbackRequests;
import uk.encounters.marketplace.placement.PlacementReminders;
import uk.encounters.marketplace.privacy.Retention;
import uk.encounters.marketplace.pupil.ProgressSummaries;
import uk.encounters.marketplace.pupil.Rollover;
import uk.encounters.marketplace.ratelimit.RateLimitRepository;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.web.observe.OutboxBacklogMetrics;
import uk.encounters.web.security.PostgresSessionStore;
import uk.encounters.web.wonde.WondePulls;

/**
 * The background jobs every instance runs beside serving pages. Each is safe to run on several
 * instances at once, so none needs electing a leader. All run on the worker pool.
 */
final class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    /** Schools summarised per background pass: a pass stays short, so a stop is never held up long. */
    private static final int SUMMARIES_PER_PASS = 100;

    private static final Duration SUMMARY_PAUSE = Duration.ofSeconds(2);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final LocalTime RETENTION_AT = LocalTime.of(2, 30);
    /** Before the retention rules, so a leaver Wonde no longer lists is archived first. */
    private static final LocalTime WONDE_PULLS_AT = LocalTime.of(1, 30);

    private final Vertx vertx;
    private final Database database;
    private final Clock clock;
    private final RoundSolver roundSolver;
    private final PostgresSessionStore sessions;
    private final OutboxBacklogMetrics outboxBacklog;
    private final PlacementReminders placementReminders;
    private final FeedbackRequests feedbackRequests;
    private final WondePulls wondePulls;
    private volatile boolean stopped;

    Housekeeping(
            Vertx vertx,
            Database database,
            Clock clock,
            RoundSolver roundSolver,
            PostgresSessionStore sessions,
            OutboxBacklogMetrics outboxBacklog,
            PlacementReminders placementReminders,
            FeedbackRequests feedbackRequests,
            WondePulls wondePulls) {
        this.vertx = vertx;
        this.database = database;
        this.clock = clock;
        this.roundSolver = roundSolver;
        this.sessions = sessions;
        this.outboxBacklog = outboxBacklog;
        this.placementReminders = placementReminders;
        this.feedbackRequests = feedbackRequests;
        this.wondePulls = wondePulls;
    }

    void start() {
        // On 1 September pupils move up a year; checking hourly (and now) catches it on any instance.
        vertx.setPeriodic(0, Duration.ofHours(1).toMillis(), id -> vertx.executeBlocking(this::rollOver, false));
        summariseProgress();
        scheduleRetention();
        if (wondePulls.configured()) {
            scheduleWondePulls();
        }
        // A round whose instance died mid-solve is marked interrupted by whichever instance finds its hub's lock free.
        vertx.setPeriodic(
                RoundSolver.RECOVERY_INTERVAL.toMillis(),
                id -> vertx.executeBlocking(roundSolver::recoverAbandoned, false));
        vertx.setPeriodic(
                Duration.ofMinutes(10).toMillis(),
                id -> vertx.executeBlocking(
                        () -> {
                            sessions.deleteExpired();
                            return new RateLimitRepository(database.dsl(), clock).deleteOld();
                        },
                        false));
        // Placements' reminders: each is queued once (by its key) whichever instance finds it due first.
        vertx.setPeriodic(
                Duration.ofMinutes(1).toMillis(),
                Duration.ofHours(1).toMillis(),
                id -> vertx.executeBlocking(this::remindAboutPlacements, false));
        // "How did it go?" after each delivered booking: each message once, by its key, as for the reminders.
        vertx.setPeriodic(
                Duration.ofMinutes(2).toMillis(),
                Duration.ofHours(1).toMillis(),
                id -> vertx.executeBlocking(this::askForFeedback, false));
        vertx.setPeriodic(
                0,
                OutboxBacklogMetrics.REFRESH_EVERY.toMillis(),
                id -> vertx.executeBlocking(
                        () -> {
                            outboxBacklog.refresh();
                            return null;
                        },
                        false));
    }

    /** The jobs that run again after each pass stop rescheduling themselves. */
    void stop() {
        stopped = true;
    }

    private int remindAboutPlacements() {
        int queued = placementReminders.run();
        if (queued > 0) {
            log.info("Placement reminders: {} messages queued", queued);
        }
        return queued;
    }

    private int askForFeedback() {
        int queued = feedbackRequests.run();
        if (queued > 0) {
            log.info("Feedback requests: {} messages queued", queued);
        }
        return queued;
    }

    private Rollover.Result rollOver() {
        Rollover.Result rolled = new Rollover(database.dsl()).run(LocalDate.now(clock));
        if (rolled.schools() > 0) {
            log.info(
                    "Academic-year rollover: {} schools, {} pupils moved up, {} Year 13 leavers archived",
                    rolled.schools(),
                    rolled.movedUp(),
                    rolled.leaversArchived());
        }
        return rolled;
    }

    /**
     * Brings schools' progress summaries up to date after changes and at each new day, so the home
     * page and hub dashboards read current figures without judging every pupil (ProgressSummaries).
     * Runs again a moment after each pass; every instance does, and they share the schools.
     */
    private void summariseProgress() {
        vertx.executeBlocking(
                        () -> new ProgressSummaries(database.dsl())
                                .refreshDue(LocalDate.now(clock), SUMMARIES_PER_PASS),
                        false)
                .onComplete(done -> {
                    if (done.failed() && !Database.isUnavailable(done.cause())) {
                        log.warn("Summarising schools' progress failed; trying again shortly", done.cause());
                    }
                    if (!stopped) {
                        vertx.setTimer(SUMMARY_PAUSE.toMillis(), id -> summariseProgress());
                    }
                });
    }

    /**
     * Every linked school's pupils from Wonde, at half past one each night, UK time. Every instance
     * tries; each school is claimed by one, and one tried in the last twelve hours is left alone.
     */
    private void scheduleWondePulls() {
        vertx.setTimer(
                untilNext(WONDE_PULLS_AT).toMillis(),
                id -> vertx.executeBlocking(wondePulls::pullAllDue, false).onComplete(done -> {
                    if (done.succeeded()) {
                        log.info("Wonde: pupils pulled for {} schools", done.result());
                    } else if (!Database.isUnavailable(done.cause())) {
                        log.warn("Pulling pupils from Wonde failed; it runs again tomorrow night", done.cause());
                    }
                    if (!stopped) {
                        scheduleWondePulls();
                    }
                }));
    }

    /** How long until that time of day next comes round in the UK: a minute at least. */
    private Duration untilNext(LocalTime at) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(UK));
        ZonedDateTime next = now.toLocalDate().atTime(at).atZone(UK);
        // under a clock that stands still (tests) the night never passes
        if (!next.isAfter(now.plusMinutes(1))) {
            next = next.plusDays(1);
        }
        return Duration.between(now, next);
    }

    /**
     * The retention rules (docs/privacy.md) at half past two each night, UK time, when nobody is
     * matching. Every instance runs them; each rule is safe to run twice. Logs counts, never people.
     */
    private void scheduleRetention() {
        vertx.setTimer(
                untilNext(RETENTION_AT).toMillis(),
                id -> vertx.executeBlocking(() -> new Retention(database.dsl(), clock).run(), false)
                        .onComplete(done -> {
                            if (done.succeeded()) {
                                Retention.Report r = done.result();
                                log.info(
                                        "Retention: {} message bodies removed, {} audit IP addresses forgotten, {} leavers"
                                                + " deleted, {} volunteers and {} employer contacts anonymised, {} expired"
                                                + " tokens and {} sessions deleted",
                                        r.messageBodies(),
                                        r.auditAddresses(),
                                        r.pupils(),
                                        r.volunteers(),
                                        r.employerContacts(),
                                        r.tokens(),
                                        r.sessions());
                            } else if (!Database.isUnavailable(done.cause())) {
                                log.warn("Retention failed; it runs again tomorrow night", done.cause());
                            }
                            if (!stopped) {
                                scheduleRetention();
                            }
                        }));
    }
}
