package uk.encounters.marketplace.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.encounters.matcher.explain.DateStyle;

/**
 * Where a placement stands: each step, its state in words, and who acts next. The one place that
 * decides whether a placement is ready, for the school's, the host's and the hub's pages alike.
 *
 * <p>The host's paperwork must hold on every day of the placement, not only today; the school's
 * approval stands only while the declaration it checked is the one in force, so declaring again
 * asks for a new check.
 */
public record PlacementReadiness(List<Step> steps) {

    /** How far a step has got, as a tag (templates/partials/status-tag.hbs). */
    public enum State {
        DONE("Done", "tag--green"),
        TO_DO("To do", "tag--blue"),
        SENT_BACK("Sent back", "tag--red"),
        RUNS_OUT("Runs out", "tag--red"),
        REFUSED("Refused", "tag--red"),
        WAITING("Waiting", "tag--grey"),
        LATER("Later", "tag--grey");

        private final String tagLabel;
        private final String tagClass;

        State(String tagLabel, String tagClass) {
            this.tagLabel = tagLabel;
            this.tagClass = tagClass;
        }

        public String tagLabel() {
            return tagLabel;
        }

        public String tagClass() {
            return tagClass;
        }
    }

    /**
     * @param detail what stands, in words: "Current until Fri 30 Apr 2027"
     * @param next who acts next; null when the step is done or waits on an earlier one
     */
    public record Step(PlacementStep step, State state, String detail, PlacementParty next) {

        public boolean done() {
            return state == State.DONE;
        }

        /** "Waiting for the host", or null when nobody need act on it now. */
        public String waitingFor() {
            return next == null ? null : "Waiting for " + next.label();
        }
    }

    public PlacementReadiness {
        steps = List.copyOf(steps);
    }

    /**
     * @param current the host's declaration in force, if any
     * @param today what "later" is measured from: the reflection is due from the first day
     */
    public static PlacementReadiness of(
            Placement placement, Optional<Declaration> current, PlacementProgress progress, LocalDate today) {
        List<Step> steps = new ArrayList<>();
        Step paperwork = paperwork(placement, current);
        steps.add(paperwork);
        steps.add(check(current, paperwork.done(), progress.signOffs()));
        steps.add(agreement(progress));
        steps.add(induction(progress));
        steps.add(reflection(placement, progress, today));
        return new PlacementReadiness(steps);
    }

    private static Step agreement(PlacementProgress progress) {
        ParentAgreement answer = progress.agreement();
        if (answer != null && answer.decision() == AgreementDecision.AGREED) {
            return new Step(PlacementStep.PARENT_AGREEMENT, State.DONE, answer.summary(), null);
        }
        if (answer != null) {
            return new Step(
                    PlacementStep.PARENT_AGREEMENT,
                    State.REFUSED,
                    answer.summary() + ": the placement cannot go ahead unless they agree",
                    PlacementParty.SCHOOL);
        }
        if (progress.parentLinkMadeAt() != null) {
            return new Step(
                    PlacementStep.PARENT_AGREEMENT,
                    State.TO_DO,
                    "Their link was made on " + day(progress.parentLinkMadeAt()) + ": no answer yet",
                    PlacementParty.PARENT);
        }
        return new Step(
                PlacementStep.PARENT_AGREEMENT,
                State.TO_DO,
                "Make the parent's or carer's link (to print or email), or record their paper form",
                PlacementParty.SCHOOL);
    }

    private static Step induction(PlacementProgress progress) {
        if (progress.inductedAt() != null) {
            return new Step(PlacementStep.INDUCTION, State.DONE, "Completed on " + day(progress.inductedAt()), null);
        }
        if (progress.pupilLinkMadeAt() != null) {
            return new Step(
                    PlacementStep.INDUCTION,
                    State.TO_DO,
                    "The pupil reads the first-day arrangements and ticks each point, through their link",
                    PlacementParty.PUPIL);
        }
        return new Step(
                PlacementStep.INDUCTION,
                State.TO_DO,
                "Make the pupil's link and hand it to them",
                PlacementParty.SCHOOL);
    }

    private static Step reflection(Placement placement, PlacementProgress progress, LocalDate today) {
        PupilReflection written = progress.reflection();
        if (written != null) {
            return new Step(
                    PlacementStep.REFLECTION,
                    State.DONE,
                    "Written on " + day(written.submittedAt()) + "; would consider this work: "
                            + written.wouldConsider().label().toLowerCase(Locale.ROOT),
                    null);
        }
        if (today.isBefore(placement.startsOn())) {
            return new Step(
                    PlacementStep.REFLECTION,
                    State.LATER,
                    "From the first day, through the pupil's link: what they did and learnt",
                    null);
        }
        return new Step(
                PlacementStep.REFLECTION,
                State.TO_DO,
                "What they did and learnt, through the pupil's link",
                PlacementParty.PUPIL);
    }

    private static String day(Instant moment) {
        return DateStyle.of(moment.atZone(DateStyle.UK).toLocalDate());
    }

    /** Whether the host's paperwork holds on every day of the placement. */
    public static boolean paperworkHolds(Placement placement, Optional<Declaration> current) {
        return paperwork(placement, current).done();
    }

    private static Step paperwork(Placement placement, Optional<Declaration> current) {
        PaperworkStanding standing = PaperworkStanding.of(current, placement.startsOn());
        if (standing.state() == PaperworkStanding.State.MISSING) {
            return new Step(
                    PlacementStep.HOST_PAPERWORK,
                    State.TO_DO,
                    "Not given yet: insurance, a risk assessment and the supervisor, declared once a year",
                    PlacementParty.HOST);
        }
        if (standing.currentUntil().isBefore(placement.endsOn())) {
            return new Step(
                    PlacementStep.HOST_PAPERWORK,
                    State.RUNS_OUT,
                    "Current only until " + DateStyle.of(standing.currentUntil()) + ", before the placement ends"
                            + " on " + DateStyle.of(placement.endsOn()) + ": "
                            + String.join("; ", runsOut(current.get(), placement)),
                    PlacementParty.HOST);
        }
        return new Step(
                PlacementStep.HOST_PAPERWORK,
                State.DONE,
                "Current until " + DateStyle.of(standing.currentUntil()),
                null);
    }

    /** Which parts end before the placement does. */
    private static List<String> runsOut(Declaration d, Placement placement) {
        List<String> parts = new ArrayList<>();
        if (d.insuranceExpiresOn().isBefore(placement.endsOn())) {
            parts.add("the insurance ends on " + DateStyle.of(d.insuranceExpiresOn()));
        }
        if (d.riskAssessmentLastDay().isBefore(placement.endsOn())) {
            parts.add("the risk assessment is due for review by " + DateStyle.of(d.riskAssessmentLastDay()));
        }
        return parts;
    }

    private static Step check(Optional<Declaration> current, boolean paperworkHolds, List<SignOff> signOffs) {
        Optional<SignOff> latest = signOffs.stream().findFirst();
        Optional<SignOff> ofCurrent = latest.filter(
                s -> current.isPresent() && s.declarationId() == current.get().id());
        if (ofCurrent.isPresent() && ofCurrent.get().decision() == SignOffDecision.SENT_BACK) {
            SignOff back = ofCurrent.get();
            return new Step(
                    PlacementStep.SCHOOL_CHECK,
                    State.SENT_BACK,
                    "Sent back on " + back.decidedOn() + ": " + back.reason(),
                    PlacementParty.HOST);
        }
        if (!paperworkHolds) {
            return new Step(PlacementStep.SCHOOL_CHECK, State.WAITING, "Once the host's paperwork is in place", null);
        }
        if (ofCurrent.isPresent()) {
            SignOff approval = ofCurrent.get();
            return new Step(
                    PlacementStep.SCHOOL_CHECK,
                    State.DONE,
                    "Approved by " + approval.decidedBy() + " on " + approval.decidedOn(),
                    null);
        }
        return new Step(
                PlacementStep.SCHOOL_CHECK,
                State.TO_DO,
                latest.isPresent()
                        ? "The host declared again on "
                                + DateStyle.of(current.get()
                                        .declaredAt()
                                        .atZone(DateStyle.UK)
                                        .toLocalDate()) + " after the last check: read it and check it again"
                        : "Read the host's paperwork and approve it, or send it back with the reason",
                PlacementParty.SCHOOL);
    }

    /** Every step needed before the first day done: the placement may go ahead. */
    public boolean ready() {
        return steps.stream().filter(s -> s.step().beforeStart()).allMatch(Step::done);
    }

    /** The first step needed before the first day not done, or null when ready. */
    public Step nextStep() {
        return steps.stream()
                .filter(s -> s.step().beforeStart() && !s.done())
                .findFirst()
                .orElse(null);
    }

    /** For a list: "Ready", or the first step not done with who it waits for. */
    public String summary() {
        Step next = nextStep();
        if (next == null) {
            return "Ready";
        }
        return next.step().label() + ": " + next.state().tagLabel().toLowerCase(Locale.ROOT)
                + (next.next() == null ? "" : " (waiting for " + next.next().label() + ")");
    }
}
