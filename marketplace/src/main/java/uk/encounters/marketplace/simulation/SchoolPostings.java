package uk.encounters.marketplace.simulation;

import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.demo.DemoHub;
import uk.encounters.marketplace.demo.HubProfile;
import uk.encounters.marketplace.request.RequestDetails;
import uk.encounters.marketplace.request.RequestRepository;

/**
 * Careers leaders posting the week's requests, through the same repository the request form
 * saves with. Generated requests name their school by its place in the hub's profile; the
 * database knows it by its URN.
 */
final class SchoolPostings {

    private final DSLContext dsl;
    private final HubProfile hub;
    private final Map<Integer, Long> schoolIdsByUrn;

    SchoolPostings(DSLContext dsl, long hubId, HubProfile hub) {
        this.dsl = dsl;
        this.hub = hub;
        this.schoolIdsByUrn = dsl.select(SCHOOL.URN, SCHOOL.ID).from(SCHOOL).where(SCHOOL.HUB_ID.eq(hubId))
                .fetchMap(SCHOOL.URN, SCHOOL.ID);
    }

    /** Posts them in order, one transaction for the week. */
    void post(List<DemoHub.Request> requests) {
        dsl.transaction(c -> {
            RequestRepository repository = new RequestRepository(c.dsl());
            for (DemoHub.Request r : requests) {
                Long schoolId = schoolIdsByUrn.get(hub.schools().get(r.school()).urn());
                if (schoolId == null) {
                    throw new IllegalStateException("School " + hub.schools().get(r.school()).urn() + " is not in the hub");
                }
                repository.create(schoolId, new RequestDetails(r.type(), r.yearGroup(), r.pupils(), r.sessions(),
                        r.windowStart(), r.windowEnd(), r.morning(), r.afternoon(), r.inSchool(), r.atWorkplace(),
                        r.online(), RequestRepository.preferredSectors(r.preferredSectors()), null,
                        r.sendAdjustments(), null));
            }
        });
    }
}
