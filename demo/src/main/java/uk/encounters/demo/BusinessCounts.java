package uk.encounters.demo;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads ONS UK Business Counts (enterprises by industry and size band) for one area. */
final class BusinessCounts {

    /** The latest year in the file (counts are for March of that year). */
    static final int YEAR = 2022;

    private BusinessCounts() {}

    /**
     * The enterprise counts of an area in {@link #YEAR}.
     *
     * @param geographyType 'ladu' (local authority district) or 'country'
     * @param area          the area's name in the file, e.g. 'Derby' or 'England'
     */
    static EnterpriseCounts read(SharedData data, String geographyType, String area) {
        Map<String, Map<SizeBand, Double>> bySector = new LinkedHashMap<>();
        CsvFile.read(data.file(SharedData.BUSINESS_COUNTS), row -> {
            if (row.getInt("year") != YEAR
                    || !row.get("legal_status").equals("Total")
                    || !row.get("geography_type").equals(geographyType)
                    || !row.get("area").equals(area)
                    || row.get("industry").equals("Total")) {
                return;
            }
            Map<SizeBand, Double> bands = new EnumMap<>(SizeBand.class);
            bands.put(SizeBand.MICRO, row.getDouble("micro_0_9"));
            bands.put(SizeBand.SMALL, row.getDouble("small_10_49"));
            bands.put(SizeBand.MEDIUM, row.getDouble("medium_50_249"));
            bands.put(SizeBand.LARGE, row.getDouble("large_250plus"));
            bySector.put(EnterpriseCounts.sectorName(row.get("industry")), bands);
        });
        if (bySector.isEmpty()) {
            throw new IllegalArgumentException(
                    "No " + YEAR + " business counts for " + geographyType + " '" + area + "'");
        }
        return new EnterpriseCounts(bySector);
    }
}
