package uk.encounters.web.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The demo's SESSION_SECRET when none is set: random, made on the first run and kept in
 * {@code DATA_DIR/session-secret}, readable by its owner only. The demo's sessions live in its
 * database across restarts (and it invites restarts: "a restart prints new ones"), so their forms'
 * tokens must stay verifiable too; a secret per process refused every open form after a restart.
 */
final class DemoSecret {

    static final String FILE_NAME = "session-secret";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DemoSecret() {}

    /** The secret kept in {@code dataDirectory}, made there first if there is none. */
    static String keptIn(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDirectory);
            if (!Files.exists(file)) {
                create(file);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.length() < 32) {
                throw new IllegalStateException(file.toAbsolutePath() + " holds no secret of 32 characters or more:"
                        + " delete it and start the demo again to make a new one");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the demo's session secret in " + file.toAbsolutePath(), e);
        }
    }

    /** Made owner-only from the start, and written in full before it takes its name: never read half-written. */
    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random) + "\n";
        Path draft = Files.createTempFile(file.getParent(), FILE_NAME, ".new");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(draft, OWNER_ONLY);
            }
            Files.writeString(draft, secret, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(draft, file); // never over one already there
        } catch (FileAlreadyExistsException e) {
            // another demo made it first: use theirs
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
