package uk.encounters.marketplace.report;

import java.util.Collection;
import java.util.function.Predicate;
import uk.encounters.marketplace.hub.Coverage;
import uk.encounters.marketplace.pupil.GroupFigures;

/**
 * One set of pupils' Benchmark 5 and 6 figures, with disadvantaged pupils and pupils with SEND
 * each set against the rest (those who are neither), as funders and governors ask for them.
 *
 * @param send pupils with special educational needs or a disability; a pupil may also be disadvantaged
 * @param rest pupils neither disadvantaged nor with SEND
 */
public record Breakdown(Coverage all, Coverage disadvantaged, Coverage send, Coverage rest, int encounters) {

    public static final Breakdown NONE = new Breakdown(Coverage.NONE, Coverage.NONE, Coverage.NONE, Coverage.NONE, 0);

    public static Breakdown of(Collection<GroupFigures> groups) {
        return new Breakdown(
                Coverage.ofGroups(groups),
                Coverage.ofGroups(only(groups, GroupFigures::disadvantaged)),
                Coverage.ofGroups(only(groups, GroupFigures::send)),
                Coverage.ofGroups(only(groups, GroupFigures::neither)),
                groups.stream().mapToInt(GroupFigures::encounters).sum());
    }

    private static Collection<GroupFigures> only(Collection<GroupFigures> groups, Predicate<GroupFigures> which) {
        return groups.stream().filter(which).toList();
    }

    /** Percentage points by which disadvantaged pupils' Benchmark 5 trails the rest's (negative: ahead). */
    public int disadvantagedGap() {
        return rest.percentBenchmark5() - disadvantaged.percentBenchmark5();
    }
}
