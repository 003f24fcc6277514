package uk.encounters.marketplace.register;

import java.util.List;
import uk.encounters.marketplace.register.RegisterFile.LineProblem;

/** A national data file read whole before loading: loaded only with every column there and no line wrong. */
public interface LoadableFile {

    /** The required columns the header lacks, named as the publisher names them. */
    List<String> missingColumns();

    /** The lines that cannot be loaded, the first {@value RegisterFile#MAX_PROBLEMS} of them. */
    List<LineProblem> problems();

    /** How many things (establishments, neighbourhoods) it would load. */
    int size();

    default boolean loadable() {
        return missingColumns().isEmpty() && problems().isEmpty() && size() > 0;
    }
}
