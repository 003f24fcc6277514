package uk.encounters.demo.simulation;

import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import uk.encounters.demo.DemoHub;
import uk.encounters.demo.HubProfile;
import uk.encounters.marketplace.request.RequestDetails;
import uk.encounters.marketplace.request.RequestPlan;
import uk.encounters.marketplace.request.RequestRepository;

/**
 * Careers leaders posting the week's requests, through the same calls the request form and the
 * one-click "What to request next" make. Schools that plan with the product post what it proposes
 * ({@link RequestPlan}) instead of their drawn requests; the others post as today. Generated
 * requests name their school by its place in the hub's profile; the database knows it by its URN.
 */
final class SchoolPostings {

    private final DSLContext dsl;
    private final HubProfile hub;
    private final Map<Integer, Long> schoolIdsByUrn;
    private final Set<Integer> planningUrns;

    /** @param planningUrns the schools that post what "What to request next" proposes */
    SchoolPostings(DSLContext dsl, long hubId, HubProfile hub, Set<Integer> planningUrns) {
        this.dsl = dsl;
        this.hub = hub;
        this.schoolIdsByUrn = dsl.select(SCHOOL.URN, SCHOOL.ID)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .fetchMap(SCHOOL.URN, SCHOOL.ID);
        this.planningUrns = Set.copyOf(planningUrns);
    }

    /** Posts the drawn requests of the schools that do not plan, in order, then the planning schools' proposals. */
    void post(List<DemoHub.Request> requests, LocalDate today) {
        dsl.transaction(c -> {
            RequestRepository repository = new RequestRepository(c.dsl());
            for (DemoHub.Request r : requests) {
                int urn = hub.schools().get(r.school()).urn();
                if (planningUrns.contains(urn)) {
                    continue;
                }
                repository.create(
                        schoolId(urn),
                        new RequestDetails(
                                r.type(),
                                r.yearGroup(),
                                r.pupils(),
                                r.sessions(),
                                r.windowStart(),
                                r.windowEnd(),
                                r.morning(),
                                r.afternoon(),
                                r.inSchool(),
                                r.atWorkplace(),
                                r.online(),
                                RequestRepository.preferredSectors(r.preferredSectors()),
                                null,
                                r.sendAdjustments(),
                                null,
                                null));
            }
        });
        RequestPlan plan = new RequestPlan(dsl);
        for (int urn : planningUrns.stream().sorted().toList()) {
            long schoolId = schoolId(urn);
            plan.post(schoolId, plan.forSchool(schoolId, today));
        }
    }

    private long schoolId(int urn) {
        Long schoolId = schoolIdsByUrn.get(urn);
        if (schoolId == null) {
            throw new IllegalStateException("School " + urn + " is not in the hub");
        }
        return schoolId;
    }
}
