package uk.encounters.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataTest {

    @TempDir
    Path root;

    private Path dataFolderAt(Path folder) throws IOException {
        Path census = folder.resolve(SharedData.SCHOOL_CENSUS);
        Files.createDirectories(census.getParent());
        Files.writeString(census, "urn\n");
        return folder;
    }

    @Test
    void locateUsesSharedDataDirWhenSet() throws IOException {
        Path data = dataFolderAt(root.resolve("elsewhere/data"));

        assertThat(SharedData.locate(Map.of("SHARED_DATA_DIR", data.toString()), root.resolve("work")))
                .contains(data);
    }

    @Test
    void locateFindsSharedDataBesideTheWorkingDirectory() throws IOException {
        Path data = dataFolderAt(root.resolve("shared/data"));
        Path project = Files.createDirectories(root.resolve("main"));

        assertThat(SharedData.locate(Map.of(), project)).contains(data);
    }

    @Test
    void locateWalksUpFromAModuleDirectory() throws IOException {
        Path data = dataFolderAt(root.resolve("shared/data"));
        Path module = Files.createDirectories(root.resolve("main/marketplace/target"));

        assertThat(SharedData.locate(Map.of(), module)).contains(data);
    }

    @Test
    void locateIsEmptyOnAMachineWithoutTheData() throws IOException {
        Path project = Files.createDirectories(root.resolve("main/marketplace"));

        assertThat(SharedData.locate(Map.of(), project)).isEmpty();
    }

    @Test
    void atRefusesAFolderMissingAFileTheDemoReads() throws IOException {
        Path data = dataFolderAt(root.resolve("shared/data"));

        assertThatThrownBy(() -> SharedData.at(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SharedData.ESTABLISHMENTS);
    }
}
