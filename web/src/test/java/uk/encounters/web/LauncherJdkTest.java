package uk.encounters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of JDK (bin/find-jdk) and of JVM flags for it (bin/jdk-flags): a JDK refuses
 * a flag it does not know, so --sun-misc-unsafe-memory-access, which exists from JDK 23, must not
 * reach a JDK 21. The scripts run as bin/encounters runs them, on the {@code java -version} output
 * of real JDKs and on stand-in JDKs that print it.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the launcher scripts are bash")
class LauncherJdkTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final String NATIVE = "--enable-native-access=ALL-UNNAMED";
    private static final String UNSAFE = "--sun-misc-unsafe-memory-access=allow";

    private static final String JDK_21 = """
            openjdk version "21.0.5" 2024-10-15 LTS
            OpenJDK Runtime Environment Temurin-21.0.5+11 (build 21.0.5+11-LTS)
            OpenJDK 64-Bit Server VM Temurin-21.0.5+11 (build 21.0.5+11-LTS, mixed mode, sharing)
            """;
    private static final String JDK_25 = """
            openjdk version "25.0.3" 2026-04-21 LTS
            OpenJDK Runtime Environment Temurin-25.0.3+9 (build 25.0.3+9-LTS)
            OpenJDK 64-Bit Server VM Temurin-25.0.3+9 (build 25.0.3+9-LTS, mixed mode, sharing)
            """;
    private static final String JDK_17 = """
            openjdk version "17.0.15" 2025-04-15
            OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)
            OpenJDK 64-Bit Server VM (build 17.0.15+6-Debian-1deb12u1, mixed mode, sharing)
            """;

    @TempDir
    Path temp;

    @Test
    void aJdk21GetsOnlyTheFlagsItKnows() throws Exception {
        assertThat(run(Map.of(), JDK_21, "bin/jdk-flags", "-").out()).isEqualTo(NATIVE);
    }

    @Test
    void aJdk25AlsoGetsTheUnsafeMemoryAccessFlag() throws Exception {
        assertThat(run(Map.of(), JDK_25, "bin/jdk-flags", "-").out()).isEqualTo(NATIVE + " " + UNSAFE);
    }

    @Test
    void theUnsafeMemoryAccessFlagStartsAtJdk23() throws Exception {
        assertThat(run(Map.of(), "", "bin/jdk-flags", "--major", "22").out()).isEqualTo(NATIVE);
        assertThat(run(Map.of(), "", "bin/jdk-flags", "--major", "23").out()).isEqualTo(NATIVE + " " + UNSAFE);
        assertThat(run(Map.of(), "openjdk version \"23-ea\" 2024-09-17\n", "bin/jdk-flags", "-")
                        .out())
                .isEqualTo(NATIVE + " " + UNSAFE);
        assertThat(run(Map.of(), "java version \"1.8.0_392\"\n", "bin/jdk-flags", "-")
                        .out())
                .isEqualTo(NATIVE);
    }

    @Test
    void withoutArgumentsItAsksTheJdkAtJavaHome() throws Exception {
        assertThat(run(Map.of("JAVA_HOME", fakeJdk("jdk-21", 21, JDK_21).toString()), "", "bin/jdk-flags")
                        .out())
                .isEqualTo(NATIVE);
        assertThat(run(Map.of("JAVA_HOME", fakeJdk("jdk-25", 25, JDK_25).toString()), "", "bin/jdk-flags")
                        .out())
                .isEqualTo(NATIVE + " " + UNSAFE);
    }

    @Test
    void theJdkRunningThisTestGetsFlagsItAccepts() throws Exception {
        String flags = run(Map.of("JAVA_HOME", System.getProperty("java.home")), "", "bin/jdk-flags")
                .out();

        assertThat(flags.contains(UNSAFE)).isEqualTo(Runtime.version().feature() >= 23);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(flags.split(" ")));
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
    }

    @Test
    void findJdkTakesJavaHomeWhenItIs21OrNewer() throws Exception {
        Path jdk21 = fakeJdk("jdk-21", 21, JDK_21);

        Result found = run(Map.of("JAVA_HOME", jdk21.toString()), "", "bin/find-jdk");

        assertThat(found.exit()).isZero();
        assertThat(found.out()).isEqualTo(jdk21.toString());
    }

    @Test
    void findJdkPassesOverAJavaHomeOlderThan21() throws Exception {
        Path jdk17 = fakeJdk("jdk-17", 17, JDK_17);

        Result found = run(Map.of("JAVA_HOME", jdk17.toString()), "", "bin/find-jdk");

        // another JDK on this machine, or none (then it says so): never the JDK 17
        assertThat(found.out()).isNotEqualTo(jdk17.toString());
        if (found.exit() != 0) {
            assertThat(found.err()).contains("No JDK 21 or newer found");
        }
    }

    /** A directory that answers like a JDK of that version: bin/java and bin/javac. */
    private Path fakeJdk(String name, int major, String versionOutput) throws IOException {
        Path bin = Files.createDirectories(temp.resolve(name).resolve("bin"));
        String java = """
                #!/usr/bin/env bash
                for arg in "$@"; do
                  [ "$arg" = -XshowSettings:properties ] && echo '    java.specification.version = %d' >&2
                done
                cat >&2 <<'VERSION'
                %sVERSION
                """.formatted(major, versionOutput);
        executable(bin.resolve("java"), java);
        executable(bin.resolve("javac"), "#!/usr/bin/env bash\necho 'javac %d'\n".formatted(major));
        return temp.resolve(name);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int exit, String out, String err) {}

    private static Result run(Map<String, String> environment, String stdin, String script, String... arguments)
            throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", ROOT.resolve(script).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment);
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process process = builder.redirectError(err.toFile()).start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as(script + " finished")
                    .isTrue();
            return new Result(process.exitValue(), out.strip(), Files.readString(err));
        } finally {
            Files.delete(err);
        }
    }
}
