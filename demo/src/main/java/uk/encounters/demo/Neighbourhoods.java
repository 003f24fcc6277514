package uk.encounters.demo;

/** Population of the 2011 LSOAs (IoD 2019 denominators, mid-2015). */
final class Neighbourhoods {

    private Neighbourhoods() {}

    /**
     * The share of a district's population living in LSOAs whose name starts with
     * {@code namePrefix}: how a former district (named in LSOA names only) compares with the
     * district it was merged into.
     */
    static double populationShare(SharedData data, String district, String namePrefix) {
        double[] population = new double[2];
        CsvFile.read(data.file(SharedData.DEPRIVATION), row -> {
            if (row.get("lad19nm").equals(district)) {
                double people = row.getDouble("pop_total_mid2015");
                population[0] += people;
                if (row.get("lsoa11nm").startsWith(namePrefix)) {
                    population[1] += people;
                }
            }
        });
        if (population[0] == 0) {
            throw new IllegalArgumentException("No LSOAs in district '" + district + "'");
        }
        return population[1] / population[0];
    }
}
