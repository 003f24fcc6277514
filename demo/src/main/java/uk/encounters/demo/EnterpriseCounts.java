package uk.encounters.demo;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many enterprises an area has, per sector and size band (ONS UK Business Counts). Counts
 * are doubles because a hub's share of a larger area's counts is rarely a whole number.
 */
public record EnterpriseCounts(Map<String, Map<SizeBand, Double>> bySector) {

    public EnterpriseCounts {
        Map<String, Map<SizeBand, Double>> copy = new LinkedHashMap<>();
        bySector.forEach((sector, bands) -> copy.put(sector, Collections.unmodifiableMap(new EnumMap<>(bands))));
        bySector = Collections.unmodifiableMap(copy);
    }

    public double count(String sector, SizeBand band) {
        return bySector.getOrDefault(sector, Map.of()).getOrDefault(band, 0.0);
    }

    public double total(SizeBand band) {
        return bySector.values().stream()
                .mapToDouble(bands -> bands.getOrDefault(band, 0.0))
                .sum();
    }

    public double total() {
        double total = 0;
        for (SizeBand band : SizeBand.values()) {
            total += total(band);
        }
        return total;
    }

    /** Every count multiplied by {@code factor}: a hub's share of a larger area. */
    public EnterpriseCounts scaled(double factor) {
        Map<String, Map<SizeBand, Double>> scaled = new LinkedHashMap<>();
        bySector.forEach((sector, bands) -> {
            Map<SizeBand, Double> copy = new EnumMap<>(SizeBand.class);
            bands.forEach((band, count) -> copy.put(band, count * factor));
            scaled.put(sector, copy);
        });
        return new EnterpriseCounts(scaled);
    }

    /**
     * Counts for an area of which only the size totals and each sector's share are known (the
     * parametric Derby): every size band split across the sectors by the same shares.
     */
    static EnterpriseCounts fromShares(Map<String, Double> sectorShares, Map<SizeBand, Integer> sizeTotals) {
        double shareSum =
                sectorShares.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Map<SizeBand, Double>> bySector = new LinkedHashMap<>();
        sectorShares.forEach((sector, share) -> {
            Map<SizeBand, Double> bands = new EnumMap<>(SizeBand.class);
            sizeTotals.forEach((band, total) -> bands.put(band, total * share / shareSum));
            bySector.put(sector, bands);
        });
        return new EnterpriseCounts(bySector);
    }

    /** '3 : Manufacturing (C)' becomes 'Manufacturing': the number and the SIC section letters go. */
    static String sectorName(String industry) {
        String name = industry.replaceFirst("^\\s*\\d+\\s*:\\s*", "");
        return name.replaceFirst("\\s*\\([^()]*\\)\\s*$", "").trim();
    }
}
