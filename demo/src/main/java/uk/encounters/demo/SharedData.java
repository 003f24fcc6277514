package uk.encounters.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folder of public data the demo is built from (shared/data beside the project, see its
 * PROVENANCE.md). The files are read where they are; they are never copied into the project.
 */
public record SharedData(Path root) {

    static final String SCHOOL_CENSUS = "schools/spc2223_england_schools_with_y7_13_pupils.csv";
    static final String ESTABLISHMENTS = "schools/gias_edubasealldata20250524_open_establishments.csv";
    static final String DEPRIVATION = "geography/imd2019_lsoa_england_domains_pop_centroids.csv";
    static final String BUSINESS_COUNTS = "business/ubc_enterprises_by_industry_sizeband_2018_2022_all_areas.csv";
    private static final List<String> REQUIRED = List.of(SCHOOL_CENSUS, ESTABLISHMENTS, DEPRIVATION, BUSINESS_COUNTS);

    /** The data folder at {@code root}; refuses a folder that lacks one of the files the demo reads. */
    public static SharedData at(Path root) {
        for (String file : REQUIRED) {
            if (!Files.isRegularFile(root.resolve(file))) {
                throw new IllegalArgumentException("The shared data folder " + root.toAbsolutePath() + " has no " + file
                        + " (see shared/data/PROVENANCE.md)");
            }
        }
        return new SharedData(root);
    }

    /**
     * Finds the data folder: SHARED_DATA_DIR when set (the build sets it for tests), else
     * {@code ../shared/data} from the working directory, else the first {@code shared/data}
     * found walking up from the working directory. Empty on a machine without the data.
     */
    public static Optional<Path> locate() {
        return locate(System.getenv(), Path.of("").toAbsolutePath());
    }

    static Optional<Path> locate(Map<String, String> environment, Path workingDirectory) {
        String configured = environment.get("SHARED_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return hasData(path) ? Optional.of(path.normalize()) : Optional.empty();
        }
        Path sibling = workingDirectory.resolve("../shared/data").normalize();
        if (hasData(sibling)) {
            return Optional.of(sibling);
        }
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data");
            if (hasData(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean hasData(Path folder) {
        return Files.isRegularFile(folder.resolve(SCHOOL_CENSUS));
    }

    Path file(String relative) {
        return root.resolve(relative);
    }
}
