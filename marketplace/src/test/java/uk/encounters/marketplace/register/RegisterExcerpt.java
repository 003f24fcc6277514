package uk.encounters.marketplace.register;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Derby excerpts of the national register and the indices of deprivation (resources/register/README.md). */
public final class RegisterExcerpt {

    public static final String DERBY = "/register/gias-derby-20250524.csv";
    public static final String DERBY_DEPRIVATION = "/register/imd2019-derby.csv";

    private RegisterExcerpt() {}

    public static String derby() {
        return read(DERBY);
    }

    /** Derby's neighbourhoods and their deprivation deciles, as file 1 of the indices names them. */
    public static String derbyDeprivation() {
        return read(DERBY_DEPRIVATION);
    }

    private static String read(String resource) {
        try (InputStream in = RegisterExcerpt.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
