package uk.encounters.marketplace.placement;

import static uk.encounters.marketplace.jooq.Tables.PLACEMENT;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_SIGN_OFF;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.account.Addressees;
import uk.encounters.marketplace.account.Addressees.Person;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.placement.PlacementRepository.PlacementLine;
import uk.encounters.matcher.explain.DateStyle;

/**
 * Each step of a placement reminds the next person when it is due: the host when the school sends
 * its paperwork back or the paperwork is to be renewed, the school when a host declares paperwork
 * it must check, and a week before each start the careers leaders and the hub's coordinators the
 * placements not ready. Run often (hourly): each message has its idempotency key, so it goes once
 * however often, and on however many instances, this runs.
 */
public final class PlacementReminders {

    /** How long before a placement starts its not-ready list goes out. */
    public static final int NOT_READY_NOTICE_DAYS = 7;

    /** A sent-back check older than this is not written about any more (the host has seen it on its page). */
    private static final int SENT_BACK_DAYS = 14;

    private final DSLContext dsl;
    private final PlacementPages pages;
    private final String productName;
    private final Clock clock;

    public PlacementReminders(DSLContext dsl, PlacementPages pages, String productName, Clock clock) {
        this.dsl = dsl;
        this.pages = pages;
        this.productName = productName;
        this.clock = clock;
    }

    /** Queues every reminder due now; answers how many were new. */
    public int run() {
        return new Outbox(dsl).enqueueAll(due());
    }

    /** Every reminder due now, whether or not it was sent before (the outbox sends each key once). */
    List<OutboxMessage> due() {
        LocalDate today = LocalDate.now(clock);
        List<OutboxMessage> messages = new ArrayList<>();
        PlacementRepository placements = new PlacementRepository(dsl, clock);
        List<PlacementLine> soon = placements.startingBetween(today.plusDays(1), today.plusDays(NOT_READY_NOTICE_DAYS));
        notReady(soon, messages);
        // read once, for the checks due and the renewals
        List<PlacementLine> coming = placements.startingBetween(today, today.plusYears(1));
        toCheck(coming, messages);
        sentBack(messages);
        renewals(coming, today, messages);
        return messages;
    }

    /** A week before: each school's, and each hub's, placements not ready, one message per start day. */
    private void notReady(List<PlacementLine> soon, List<OutboxMessage> messages) {
        Map<List<Object>, List<PlacementLine>> bySchoolAndDay = soon.stream()
                .filter(l -> !l.readiness().ready())
                .collect(Collectors.groupingBy(
                        l -> List.of(l.placement().schoolId(), l.placement().startsOn()),
                        LinkedHashMap::new,
                        Collectors.toList()));
        Map<List<Object>, List<PlacementLine>> byHubAndDay = new LinkedHashMap<>();
        bySchoolAndDay.forEach((key, lines) -> {
            long schoolId = lines.getFirst().placement().schoolId();
            LocalDate starts = lines.getFirst().placement().startsOn();
            String list = list(lines, true);
            for (Person leader : people(USER_SCOPE.SCHOOL_ID.eq(schoolId), Role.CAREERS_LEADER)) {
                messages.add(new OutboxMessage(
                        "placements-not-ready:school:" + schoolId + ":" + starts + ":" + leader.email(),
                        "placements_not_ready",
                        leader.email(),
                        notReadySubject(lines.size(), starts),
                        leader.greeting() + "\n\n" + lines.size() + " of your school's work-experience placements"
                                + " starting on " + DateStyle.of(starts) + " " + (lines.size() == 1 ? "is" : "are")
                                + " not ready yet:\n\n" + list + "\n" + productName + "\n",
                        null));
            }
            byHubAndDay
                    .computeIfAbsent(List.of(lines.getFirst().placement().hubId(), starts), k -> new ArrayList<>())
                    .addAll(lines);
        });
        byHubAndDay.forEach((key, lines) -> {
            long hubId = (Long) key.get(0);
            LocalDate starts = (LocalDate) key.get(1);
            for (Person coordinator : people(USER_SCOPE.HUB_ID.eq(hubId), Role.COORDINATOR)) {
                messages.add(new OutboxMessage(
                        "placements-not-ready:hub:" + hubId + ":" + starts + ":" + coordinator.email(),
                        "placements_not_ready",
                        coordinator.email(),
                        notReadySubject(lines.size(), starts),
                        coordinator.greeting() + "\n\n" + lines.size() + " work-experience placements of your hub's"
                                + " schools starting on " + DateStyle.of(starts) + " are not ready yet:\n\n"
                                + list(lines, true) + "\nAll of them: " + pages.hubPlacements(hubId) + "\n\n"
                                + productName + "\n",
                        null));
            }
        });
    }

    private static String notReadySubject(int count, LocalDate starts) {
        return (count == 1 ? "1 work-experience placement" : count + " work-experience placements")
                + " not ready, starting " + DateStyle.of(starts);
    }

    /** Each placement a line: the school, the pupil's reference, the host and what it waits for, with its page. */
    private String list(List<PlacementLine> lines, boolean withSchool) {
        StringBuilder text = new StringBuilder();
        for (PlacementLine line : lines) {
            Placement p = line.placement();
            PlacementReadiness.Step next = line.readiness().nextStep();
            text.append("- ")
                    .append(withSchool ? p.schoolName() + ", " : "")
                    .append(p.pupilReference())
                    .append(" at ")
                    .append(p.employerName())
                    .append(": ")
                    .append(next.step().label())
                    .append(", ")
                    .append(next.detail())
                    .append(
                            next.next() == null
                                    ? ""
                                    : " (waiting for " + next.next().label() + ")")
                    .append("\n  ")
                    .append(pages.placement(p.schoolId(), p.id()))
                    .append('\n');
        }
        return text.toString();
    }

    /** A host declared again (or for the first time): each school with a placement there to check it is told once. */
    private void toCheck(List<PlacementLine> coming, List<OutboxMessage> messages) {
        Map<List<Object>, List<PlacementLine>> bySchoolAndHost = coming.stream()
                .filter(l -> stepIs(l, PlacementStep.SCHOOL_CHECK, PlacementReadiness.State.TO_DO))
                .collect(Collectors.groupingBy(
                        l -> List.of(l.placement().schoolId(), l.placement().employerId()),
                        LinkedHashMap::new,
                        Collectors.toList()));
        bySchoolAndHost.forEach((key, lines) -> {
            Placement first = lines.getFirst().placement();
            Optional<Declaration> declaration = PlacementPaperwork.inForce(dsl, first.employerId());
            if (declaration.isEmpty()) {
                return;
            }
            for (Person leader : people(USER_SCOPE.SCHOOL_ID.eq(first.schoolId()), Role.CAREERS_LEADER)) {
                messages.add(new OutboxMessage(
                        "placement-to-check:" + declaration.get().id() + ":school:" + first.schoolId() + ":"
                                + leader.email(),
                        "placement_to_check",
                        leader.email(),
                        first.employerName() + "'s placement paperwork is ready for you to check",
                        leader.greeting() + "\n\n" + first.employerName() + " has declared its placement paperwork"
                                + " (insurance, risk assessment, supervisor) for " + placements(lines.size())
                                + " of your pupils. Read it and approve it, or send it back with what to put"
                                + " right:\n\n" + list(lines, false) + "\n" + productName + "\n",
                        null));
            }
        });
    }

    /** The school sent a host's paperwork back: the host is told why, once for each check. */
    private void sentBack(List<OutboxMessage> messages) {
        OffsetDateTime since = OffsetDateTime.now(clock).minusDays(SENT_BACK_DAYS);
        // one message for each check made (a booking's pupils are checked together)
        var checks = dsl.select(
                        PLACEMENT.EMPLOYER_ID,
                        SCHOOL.NAME,
                        DSL.min(PLACEMENT_SIGN_OFF.ID),
                        PLACEMENT_SIGN_OFF.REASON,
                        PLACEMENT.STARTS_ON,
                        PLACEMENT.ENDS_ON,
                        DSL.arrayAgg(PLACEMENT.ID))
                .from(PLACEMENT_SIGN_OFF)
                .join(PLACEMENT)
                .on(PLACEMENT.ID.eq(PLACEMENT_SIGN_OFF.PLACEMENT_ID))
                .join(PUPIL)
                .on(PUPIL.ID.eq(PLACEMENT.PUPIL_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(PUPIL.SCHOOL_ID))
                .where(PLACEMENT_SIGN_OFF.DECISION.eq(SignOffDecision.SENT_BACK))
                .and(PLACEMENT_SIGN_OFF.DECIDED_AT.gt(since))
                .groupBy(
                        PLACEMENT.EMPLOYER_ID,
                        SCHOOL.NAME,
                        PLACEMENT_SIGN_OFF.DECIDED_AT,
                        PLACEMENT_SIGN_OFF.REASON,
                        PLACEMENT.STARTS_ON,
                        PLACEMENT.ENDS_ON)
                .orderBy(DSL.min(PLACEMENT_SIGN_OFF.ID))
                .fetch();
        PlacementRepository placements = new PlacementRepository(dsl, clock);
        for (var check : checks) {
            List<Placement> checked = java.util.Arrays.stream(check.value7())
                    .map(placements::findGoingAhead)
                    .flatMap(Optional::stream)
                    .toList();
            toHost(
                    check.value1(),
                    checked,
                    "placement-sent-back:" + check.value3(),
                    "placement_sent_back",
                    check.value2() + " sent your placement paperwork back",
                    (greeting, link) -> greeting + "\n\n" + check.value2() + " has read your placement paperwork for"
                            + " the placement " + DateStyle.range(check.value5(), check.value6())
                            + " and sent it back:\n\n  " + check.value4().replace("\n", "\n  ")
                            + "\n\nPut it right and declare again: " + link + "\n\n" + productName + "\n",
                    messages);
        }
    }

    /** A message to a host about its paperwork, to whom {@link HostAddressees} says, with the link it says. */
    private void toHost(
            long employerId,
            List<Placement> placements,
            String key,
            String kind,
            String subject,
            java.util.function.BiFunction<String, String, String> body,
            List<OutboxMessage> messages) {
        for (var addressee : HostAddressees.of(dsl, clock, pages, employerId, placements, key)) {
            messages.add(addressee.message(
                    key, kind, subject, body.apply(addressee.person().greeting(), addressee.link())));
        }
    }

    /** A host with placements to come whose paperwork runs out soon, or before a placement ends. */
    private void renewals(List<PlacementLine> coming, LocalDate today, List<OutboxMessage> messages) {
        Map<Long, List<PlacementLine>> byHost = coming.stream()
                .collect(Collectors.groupingBy(
                        l -> l.placement().employerId(), LinkedHashMap::new, Collectors.toList()));
        Map<Long, Declaration> inForce = PlacementPaperwork.inForce(dsl, byHost.keySet());
        byHost.forEach((employerId, lines) -> {
            Optional<Declaration> declaration = Optional.ofNullable(inForce.get(employerId));
            if (declaration.isEmpty()) {
                return;
            }
            PaperworkStanding standing = PaperworkStanding.of(declaration, today);
            LocalDate lastEnd = lines.stream()
                    .map(l -> l.placement().endsOn())
                    .max(LocalDate::compareTo)
                    .orElseThrow();
            boolean runsOutFirst = standing.currentUntil().isBefore(lastEnd);
            if (standing.state() != PaperworkStanding.State.EXPIRING_SOON && !runsOutFirst) {
                return;
            }
            String why = runsOutFirst
                    ? "It runs out on " + DateStyle.of(standing.currentUntil()) + ", before a placement you host ends"
                            + " on " + DateStyle.of(lastEnd) + ": a school cannot send a pupil on it."
                    : "It runs out on " + DateStyle.of(standing.currentUntil()) + ": "
                            + String.join("; ", standing.reasons()) + ".";
            toHost(
                    employerId,
                    lines.stream().map(PlacementLine::placement).toList(),
                    "placement-paperwork-renew:" + declaration.get().id(),
                    "placement_paperwork_renew",
                    "Renew your placement paperwork",
                    (greeting, link) -> greeting + "\n\nYour placement paperwork needs renewing. " + why
                            + "\n\nDeclare again (the form starts from what you gave last time): " + link + "\n\n"
                            + productName + "\n",
                    messages);
        });
    }

    private static boolean stepIs(PlacementLine line, PlacementStep step, PlacementReadiness.State state) {
        return line.readiness().steps().stream().anyMatch(s -> s.step() == step && s.state() == state);
    }

    private static String placements(int count) {
        return count == 1 ? "a placement" : count + " placements";
    }

    private List<Person> people(Condition scope, Role role) {
        return Addressees.withRole(dsl, scope, role);
    }
}
