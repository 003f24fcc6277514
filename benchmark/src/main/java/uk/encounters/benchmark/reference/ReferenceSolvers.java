package uk.encounters.benchmark.reference;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/** Finds the exact reference solver the benchmark measures against. */
public final class ReferenceSolvers {

    /** The OR-Tools CP-SAT model of the matcher's problem. */
    public static final String CP_SAT = "uk.encounters.benchmark.reference.CpSatReference";

    private ReferenceSolvers() {
    }

    /**
     * The reference solver of that class (with a no-argument constructor), or empty with a reason
     * when it is not on the class path or cannot start (OR-Tools loads native code). Looked up by
     * name because the CP-SAT model is written on its own branch: the harness builds and runs,
     * without gaps, until it is merged.
     */
    public static Optional<ReferenceSolver> named(String className, StringBuilder whyNot) {
        try {
            Class<?> type = Class.forName(className);
            return Optional.of((ReferenceSolver) type.getDeclaredConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            whyNot.append(className).append(" is not on the class path");
        } catch (InvocationTargetException e) {
            whyNot.append(className).append(" could not start: ").append(e.getCause());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            whyNot.append(className).append(" could not be made: ").append(e);
        }
        return Optional.empty();
    }
}
