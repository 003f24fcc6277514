package uk.encounters.marketplace.pupil;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts for one group of a school's pupils in one academic year: a year group's disadvantaged
 * pupils, its pupils with special educational needs, or the rest, judged by {@link PupilProgress}
 * exactly as the school's progress page judges them. What reports to governors and funders add up,
 * for this year (from the pupils today) and for years gone ({@link YearEndFigures}).
 *
 * @param send       with special educational needs or a disability (a pupil may be both this and
 *                   disadvantaged)
 * @param benchmark5 with an attended encounter in the year
 * @param benchmark6 with the workplace experience due by the end of the year
 * @param encounters attended encounters in the year
 */
public record GroupFigures(
        int yearGroup,
        boolean disadvantaged,
        boolean send,
        int pupils,
        int onTrack,
        int benchmark5,
        int benchmark6,
        int encounters) {

    /** By year group, then disadvantage, then SEND; groups without pupils left out. */
    public static List<GroupFigures> of(Collection<PupilProgress> pupils) {
        Map<Integer, GroupFigures> groups = new TreeMap<>();
        for (PupilProgress p : pupils) {
            int key = p.yearGroup() * 4 + (p.disadvantaged() ? 2 : 0) + (p.send() ? 1 : 0);
            groups.merge(
                    key,
                    new GroupFigures(
                            p.yearGroup(),
                            p.disadvantaged(),
                            p.send(),
                            1,
                            p.onTrack() ? 1 : 0,
                            p.hadEncounterThisYear() ? 1 : 0,
                            p.benchmark6Met() ? 1 : 0,
                            p.encountersThisYear()),
                    GroupFigures::plus);
        }
        return new ArrayList<>(groups.values());
    }

    /** Both groups' pupils together (the year group and flags are this one's). */
    public GroupFigures plus(GroupFigures other) {
        return new GroupFigures(
                yearGroup,
                disadvantaged,
                send,
                pupils + other.pupils,
                onTrack + other.onTrack,
                benchmark5 + other.benchmark5,
                benchmark6 + other.benchmark6,
                encounters + other.encounters);
    }

    /** Neither disadvantaged nor with SEND: who those two groups are set against. */
    public boolean neither() {
        return !disadvantaged && !send;
    }

    /** Benchmark 6 asks something of this year group (Years 11 to 13); younger pupils meet it by default. */
    public boolean benchmark6Due() {
        return PupilProgress.benchmark6DueIn(yearGroup);
    }
}
