package uk.encounters.marketplace.placement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.encounters.marketplace.placement.PlacementRepository.PlacementLine;
import uk.encounters.matcher.explain.DateStyle;

/**
 * A host's placements as the host sees them: one line per school and dates, with how many pupils
 * and how many are ready, never who they are (pupils stay the school's to name).
 *
 * @param waiting what the first placement not ready waits for, one waiting on the host first; null when all are ready
 */
public record HostedPlacement(
        String schoolName,
        LocalDate startsOn,
        LocalDate endsOn,
        int pupils,
        int ready,
        PlacementReadiness.Step waiting) {

    /** Grouped from the host's placements, in their order (soonest first). */
    public static List<HostedPlacement> of(List<PlacementLine> lines) {
        Map<List<Object>, List<PlacementLine>> groups = new LinkedHashMap<>();
        for (PlacementLine line : lines) {
            Placement p = line.placement();
            groups.computeIfAbsent(List.of(p.schoolId(), p.startsOn(), p.endsOn()), k -> new ArrayList<>())
                    .add(line);
        }
        return groups.values().stream().map(HostedPlacement::group).toList();
    }

    private static HostedPlacement group(List<PlacementLine> lines) {
        Placement first = lines.getFirst().placement();
        List<PlacementReadiness.Step> waiting = lines.stream()
                .map(l -> l.readiness().nextStep())
                .filter(Objects::nonNull)
                .toList();
        PlacementReadiness.Step shown = waiting.stream()
                .filter(s -> s.next() == PlacementParty.HOST)
                .findFirst()
                .orElse(waiting.isEmpty() ? null : waiting.getFirst());
        return new HostedPlacement(
                first.schoolName(),
                first.startsOn(),
                first.endsOn(),
                lines.size(),
                lines.size() - waiting.size(),
                shown);
    }

    /** "Mon 14 Jun to Fri 25 Jun 2027". */
    public String dates() {
        return DateStyle.range(startsOn, endsOn);
    }

    public boolean allReady() {
        return ready == pupils;
    }
}
