package uk.encounters.web.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's session secret: made once, random, owner-only, and the same on every later run. */
class DemoSecretTest {

    @TempDir
    Path folder;

    @Test
    void theFirstRunMakesARandomOwnerOnlySecretAndLaterRunsKeepIt() throws IOException {
        Path data = folder.resolve("data"); // not there yet, as on a first run
        String first = DemoSecret.keptIn(data);

        Path file = data.resolve(DemoSecret.FILE_NAME);
        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(DemoSecret.keptIn(data)).as("the next run's").isEqualTo(first);
        assertThat(DemoSecret.keptIn(folder.resolve("another"))).isNotEqualTo(first);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files).as("no draft left behind").containsExactly(file);
        }
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(DemoSecret.OWNER_ONLY);
    }

    @Test
    void aFileHoldingNoUsableSecretStopsTheDemoSayingWhatToDo() throws IOException {
        Files.writeString(folder.resolve(DemoSecret.FILE_NAME), "short\n");

        assertThatThrownBy(() -> DemoSecret.keptIn(folder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("session-secret")
                .hasMessageContaining("delete it");
    }
}
