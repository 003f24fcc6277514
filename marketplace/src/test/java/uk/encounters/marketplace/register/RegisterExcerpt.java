package uk.encounters.marketplace.register;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Derby excerpt of the national register checked into the tests (resources/register/README.md). */
public final class RegisterExcerpt {

    public static final String DERBY = "/register/gias-derby-20250524.csv";

    private RegisterExcerpt() {}

    public static String derby() {
        try (InputStream in = RegisterExcerpt.class.getResourceAsStream(DERBY)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
