package uk.encounters.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every English school with pupils of secondary age, from the January 2023 school census
 * (SPC 2022/23), with the deprivation decile of its neighbourhood: GIAS 2025 gives the school's
 * LSOA, the 2019 English Indices of Deprivation give that LSOA's decile and name.
 */
final class SchoolCensus {

    /**
     * Primary schools with at least this many pupils in Years 7-13 are middle schools (deemed
     * primary); below it the census row is a stray pupil or two, not secondary provision.
     */
    private static final int MIDDLE_SCHOOL_MINIMUM_PUPILS = 10;

    private record Establishment(String lsoaCode, String educationPhase) {}

    private record Neighbourhood(String name, Integer decile) {}

    private SchoolCensus() {}

    static List<SchoolProfile> read(SharedData data) {
        Map<Integer, Establishment> establishments = new HashMap<>();
        CsvFile.read(
                data.file(SharedData.ESTABLISHMENTS),
                row -> establishments.put(
                        row.getInt("urn"), new Establishment(row.get("lsoa_code"), row.get("education_phase"))));
        Map<String, Neighbourhood> neighbourhoods = new HashMap<>();
        CsvFile.read(
                data.file(SharedData.DEPRIVATION),
                row -> neighbourhoods.put(
                        row.get("lsoa11cd"),
                        new Neighbourhood(
                                row.get("lsoa11nm"),
                                row.get("imd_decile").isBlank() ? null : row.getInt("imd_decile"))));

        List<SchoolProfile> schools = new ArrayList<>();
        CsvFile.read(data.file(SharedData.SCHOOL_CENSUS), row -> {
            int urn = row.getInt("urn");
            Establishment establishment = establishments.get(urn);
            String phase = phase(row, establishment);
            if (phase == null) {
                return;
            }
            // URNs that changed since 2023 (or LSOAs re-coded in 2021) have no 2011 LSOA: decile unknown
            Neighbourhood neighbourhood = establishment == null ? null : neighbourhoods.get(establishment.lsoaCode());
            List<Integer> pupils = new ArrayList<>();
            for (int year = 7; year <= 13; year++) {
                pupils.add(row.getInt("pupils_y" + year));
            }
            String postcode = row.get("school_postcode").trim();
            schools.add(new SchoolProfile(
                    urn,
                    row.get("school_name"),
                    phase,
                    postcode.isEmpty() ? null : postcode,
                    row.getNullableDouble("lat"),
                    row.getNullableDouble("lon"),
                    row.getDouble("pct_fsm"),
                    neighbourhood == null ? null : neighbourhood.decile(),
                    row.get("old_la_code"),
                    row.get("la_name"),
                    row.get("district_administrative_name"),
                    neighbourhood == null ? null : neighbourhood.name(),
                    pupils));
        });
        return schools;
    }

    /** The school.phase value for a census row, or null for a row the demo leaves out. */
    private static String phase(CsvFile.Row row, Establishment establishment) {
        String grouping = row.get("phase_type_grouping");
        String type = row.get("typeofestablishment_name");
        String giasPhase = establishment == null ? "" : establishment.educationPhase();
        return switch (grouping) {
            case "State-funded special school", "Non-maintained special school" -> "special";
            case "State-funded AP school" -> "alternative_provision";
            case "State-funded primary" -> row.getInt("pupils_y7_13") >= MIDDLE_SCHOOL_MINIMUM_PUPILS ? "middle" : null;
            case "State-funded secondary" -> {
                if (type.contains("16 to 19") || type.contains("16-19") || giasPhase.equals("16 plus")) {
                    yield "sixth_form";
                } else if (giasPhase.equals("All-through")) {
                    yield "all_through";
                } else if (giasPhase.startsWith("Middle")) {
                    yield "middle";
                }
                yield "secondary";
            }
            default -> null;
        };
    }
}
