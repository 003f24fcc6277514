package uk.encounters.matcher.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;
import uk.encounters.matcher.solver.SessionDifficulty;

/**
 * One session of a request: what the solver places. Its slot is null while unmatched. Only the
 * slots in {@link #candidates()} are tried: those of the right type, year group, mode, window and
 * reach, found before solving.
 */
@PlanningEntity(difficultyComparatorClass = SessionDifficulty.class)
public class Session {

    @PlanningId
    private String id;

    private Request request;
    private int number;
    private List<OfferSlot> candidates;
    private Map<Offer, Reach> reaches;

    @PlanningVariable(valueRangeProviderRefs = "candidates", nullable = true)
    private OfferSlot slot;
    /** Published or confirmed: the employer and school have been told, so the solver never moves it. */
    @PlanningPin
    private boolean pinned;
    /** Where an earlier plan put it; moving it away disturbs people who know about it. */
    private OfferSlot previousSlot;
    /** {@link #pupilsMet()}, kept: the score asks for it on every move. */
    private List<PupilsMet> met;

    Session() {
        // for OptaPlanner's planning clone
    }

    public Session(Request request, int number, List<OfferSlot> candidates, Map<Offer, Reach> reaches) {
        this.id = request.id() + "#" + number;
        this.request = request;
        this.number = number;
        this.candidates = List.copyOf(candidates);
        this.reaches = Map.copyOf(reaches);
    }

    /** A session already booked: pinned when published or confirmed, else a starting point the solver may move. */
    public Session booked(OfferSlot bookedSlot, boolean published) {
        this.slot = bookedSlot;
        this.previousSlot = bookedSlot;
        this.pinned = published;
        return this;
    }

    @ValueRangeProvider(id = "candidates")
    public List<OfferSlot> candidates() {
        return candidates;
    }

    public String id() {
        return id;
    }

    public Request request() {
        return request;
    }

    public int number() {
        return number;
    }

    public OfferSlot slot() {
        return slot;
    }

    public void setSlot(OfferSlot slot) {
        this.slot = slot;
    }

    public boolean pinned() {
        return pinned;
    }

    public OfferSlot previousSlot() {
        return previousSlot;
    }

    public boolean matched() {
        return slot != null;
    }

    public Cohort cohort() {
        return request.cohort();
    }

    public School school() {
        return request.cohort().school();
    }

    /** The pupils it meets: the request's for a talk, one for a placement, a stall's share of an event's. */
    public int pupils() {
        if (!request.event()) {
            return request.pupilsPerSession();
        }
        int pupils = 0;
        for (PupilsMet met : pupilsMet()) {
            pupils += met.pupils();
        }
        return pupils;
    }

    /** The pupils it meets, cohort by cohort: several cohorts for a hub event's stall. */
    public List<PupilsMet> pupilsMet() {
        List<PupilsMet> known = met;
        // a copy the solver made of this session copied the list too: it makes its own, once
        if (known == null || known.getFirst().session() != this) {
            known = meeting();
            met = known;
        }
        return known;
    }

    private List<PupilsMet> meeting() {
        if (!request.event()) {
            int pupils = request.pupilsPerSession();
            return List.of(new PupilsMet(this, request.cohort(), pupils, pupils));
        }
        List<PupilsMet> shares = new ArrayList<>(request.audience().size());
        for (Attendance attending : request.audience()) {
            shares.add(new PupilsMet(
                    this,
                    attending.cohort(),
                    Request.share(attending.pupils(), number, request.sessions()),
                    attending.pupils()));
        }
        return List.copyOf(shares);
    }

    /** What its pupils are worth to their cohorts were it their round's only session. */
    public long valueAlone() {
        long value = 0;
        for (PupilsMet met : pupilsMet()) {
            value += met.cohort().valueOf(met.pupils());
        }
        return value;
    }

    /**
     * What takes the pupils' time: the event for its stalls (its pupils are at the event once,
     * whichever stalls are filled), else the session itself.
     */
    public Object occasion() {
        return request.event() ? request : this;
    }

    /**
     * One visit of its employer to the cohort: a series is one relationship, a placement week one
     * visit however many pupils it hosts, anything else its slot.
     */
    public Object visit() {
        return request.series() ? request : slot;
    }

    /** Online on an offer that serves several schools' classes at one session. */
    public boolean sharesOnline() {
        if (slot == null || !slot.offer().sharedOnline()) {
            return false;
        }
        Reach reach = reachOf(slot.offer());
        return reach != null && reach.mode() == DeliveryMode.ONLINE;
    }

    public Offer offer() {
        return slot == null ? null : slot.offer();
    }

    public Employer employer() {
        return slot == null ? null : slot.offer().employer();
    }

    public Reach reachOf(Offer offer) {
        Reach reach = reaches.get(offer);
        return reach != null ? reach : request.reach(offer);
    }

    /** Kilometres someone travels for it; zero online or unmatched. */
    public double travelKm() {
        if (slot == null) {
            return 0;
        }
        Reach reach = reachOf(slot.offer());
        return reach == null ? 0 : reach.km();
    }

    /** Travel as the score counts it: whole tenths of a kilometre. */
    public int travelTenthsOfKm() {
        return (int) Math.round(travelKm() * 10);
    }

    /**
     * Whether this session on {@code on} is a workplace experience Benchmark 6 counts: a visit,
     * shadowing or a placement, in person or, online, only where the offer is interactive.
     */
    public boolean countsForBenchmark6(OfferSlot on) {
        if (on == null || !on.offer().type().workplaceExperience()) {
            return false;
        }
        Reach reach = reachOf(on.offer());
        return on.offer().interactive() || reach == null || reach.mode() != DeliveryMode.ONLINE;
    }

    /** {@link #countsForBenchmark6(OfferSlot)} on its slot; false unmatched. */
    public boolean countsForBenchmark6() {
        return countsForBenchmark6(slot);
    }

    public boolean inPreferredSector() {
        return slot != null && request.preferredSectors().contains(slot.offer().sector());
    }

    public boolean withPreferredEmployer() {
        return slot != null
                && request.preferredEmployerId() != null
                && request.preferredEmployerId() == slot.offer().employer().id();
    }

    /** With the school's linked employer, when the request did not already ask for that employer. */
    public boolean withLinkedEmployer() {
        Long linked = request.cohort().school().linkedEmployerId();
        return slot != null
                && linked != null
                && linked == slot.offer().employer().id()
                && !withPreferredEmployer();
    }

    public boolean lacksSafeguarding() {
        return slot != null
                && request.type().needsSafeguardingCheck()
                && !slot.offer().safeguardedOn(slot.endsOn());
    }

    public boolean lacksSendAdaptation() {
        return slot != null && request.needsSend() && !slot.offer().sendAdaptable();
    }

    public boolean movedFromPrevious() {
        return previousSlot != null && slot != previousSlot;
    }

    public long costPence() {
        return slot == null ? 0 : slot.offer().costPencePerSession();
    }

    @Override
    public String toString() {
        return id + " " + request.describe() + (slot == null ? " unmatched" : " -> " + slot);
    }
}
