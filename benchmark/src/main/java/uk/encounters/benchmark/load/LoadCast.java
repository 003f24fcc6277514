package uk.encounters.benchmark.load;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Scope;

/**
 * The people of a load test: for each hub in the sample, its coordinator, careers leaders of its
 * largest schools and contacts of its busiest employers. Accounts live on load.example.org and are
 * made once; each virtual user gets a fresh single-use sign-in link, so each holds its own session.
 */
final class LoadCast {

    enum Role {
        COORDINATOR,
        CAREERS_LEADER,
        EMPLOYER,
        VISITOR
    }

    /** Who a virtual user is: a role, the hub, and the school or employer it acts for. */
    record Part(Role role, long hubId, long subjectId, String email) {}

    static final int PER_HUB = 5;

    private final DSLContext dsl;
    private final Clock clock;

    LoadCast(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * The hubs to load: half the largest by pupils on roll (the slowest pages), half drawn at random
     * from the rest, so the figures are neither only the worst case nor only the typical one.
     */
    List<Long> sampleHubs(int count, Random random) {
        List<Long> bySize = dsl.select(SCHOOL.HUB_ID)
                .from(SCHOOL)
                .join(PUPIL)
                .on(PUPIL.SCHOOL_ID.eq(SCHOOL.ID))
                .where(PUPIL.ARCHIVED_ON.isNull())
                .groupBy(SCHOOL.HUB_ID)
                .orderBy(DSL.count().desc(), SCHOOL.HUB_ID)
                .fetch(SCHOOL.HUB_ID);
        Set<Long> chosen = new LinkedHashSet<>(bySize.subList(0, Math.min(bySize.size(), (count + 1) / 2)));
        List<Long> rest = new ArrayList<>(bySize.subList(chosen.size(), bySize.size()));
        while (chosen.size() < count && !rest.isEmpty()) {
            chosen.add(rest.remove(random.nextInt(rest.size())));
        }
        return List.copyOf(chosen);
    }

    /** The parts to play in the hubs, one list per role, in a stable order. */
    List<Part> parts(List<Long> hubs, Role role) {
        List<Part> parts = new ArrayList<>();
        for (long hub : hubs) {
            switch (role) {
                case COORDINATOR -> parts.add(new Part(role, hub, hub, "coordinator-" + hub + "@load.example.org"));
                case CAREERS_LEADER ->
                    largestSchools(hub)
                            .forEach(school -> parts.add(
                                    new Part(role, hub, school, "careers-leader-" + school + "@load.example.org")));
                case EMPLOYER ->
                    busiestEmployers(hub)
                            .forEach(employer -> parts.add(
                                    new Part(role, hub, employer, "employer-" + employer + "@load.example.org")));
                case VISITOR -> parts.add(new Part(role, hub, hub, null));
            }
        }
        return parts;
    }

    /** A single-use sign-in link path for the part's account, made with the right scope if new. */
    String signInPath(Part part) {
        Scope scope = switch (part.role()) {
            case COORDINATOR -> Scope.coordinator(part.subjectId());
            case CAREERS_LEADER -> Scope.careersLeader(part.subjectId());
            case EMPLOYER -> Scope.employer(part.subjectId());
            case VISITOR -> throw new IllegalArgumentException("Visitors do not sign in");
        };
        return dsl.transactionResult(c -> {
            AccountRepository accounts = new AccountRepository(c.dsl());
            long userId = accounts.findByEmail(part.email())
                    .map(a -> a.id())
                    .orElseGet(() -> accounts.create(
                            part.email(), "Load " + part.role().name().toLowerCase(), null, scope));
            return "/sign-in/link/"
                    + new LoginTokenRepository(c.dsl(), clock)
                            .issue(userId, LoginTokenRepository.Purpose.MAGIC_LINK)
                            .token();
        });
    }

    /** A real postcode in the hub, for an SME offering a talk there. */
    String postcodeIn(long hub) {
        return dsl.select(DSL.min(SCHOOL.POSTCODE))
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hub))
                .fetchOne(0, String.class);
    }

    private List<Long> largestSchools(long hub) {
        return dsl.select(SCHOOL.ID)
                .from(SCHOOL)
                .join(PUPIL)
                .on(PUPIL.SCHOOL_ID.eq(SCHOOL.ID))
                .where(SCHOOL.HUB_ID.eq(hub))
                .and(PUPIL.ARCHIVED_ON.isNull())
                .groupBy(SCHOOL.ID)
                .orderBy(DSL.count().desc(), SCHOOL.ID)
                .limit(PER_HUB)
                .fetch(SCHOOL.ID);
    }

    private List<Long> busiestEmployers(long hub) {
        return dsl.select(EMPLOYER.ID)
                .from(EMPLOYER)
                .leftJoin(OFFER)
                .on(OFFER.EMPLOYER_ID.eq(EMPLOYER.ID))
                .leftJoin(BOOKING)
                .on(BOOKING.OFFER_ID.eq(OFFER.ID))
                .where(uk.encounters.marketplace.employer.EmployerRepository.presentIn(hub))
                .and(EMPLOYER.MERGED_INTO_ID.isNull())
                .groupBy(EMPLOYER.ID)
                .orderBy(DSL.count(BOOKING.ID).desc(), EMPLOYER.ID)
                .limit(PER_HUB)
                .fetch(EMPLOYER.ID);
    }
}
