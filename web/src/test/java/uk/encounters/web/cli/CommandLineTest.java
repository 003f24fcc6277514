package uk.encounters.web.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.encounters.web.WebConfig;

class CommandLineTest {

    @Test
    void noArgumentsOrHelpAsksForHelp() {
        assertThat(CommandLine.parse(List.of()).command()).isEqualTo("help");
        assertThat(CommandLine.parse(List.of("--help")).command()).isEqualTo("help");
    }

    @Test
    void readsACommandWithItsOptions() {
        CommandLine line = CommandLine.parse(List.of("seed", "--area", "norwich", "--seed", "7"));

        assertThat(line.command()).isEqualTo("seed");
        assertThat(line.option("area")).hasValue("norwich");
        assertThat(line.longOption("seed", 1)).isEqualTo(7);
        assertThat(line.longOption("other", 1)).isEqualTo(1);
    }

    @Test
    void aSwitchTakesNoValue() {
        CommandLine line = CommandLine.parse(List.of("match", "--publish", "--hub", "3"));

        assertThat(line.flag("publish")).isTrue();
        assertThat(line.longOption("hub", -1)).isEqualTo(3);
        assertThat(CommandLine.parse(List.of("match", "--hub", "3")).flag("publish"))
                .isFalse();
    }

    @Test
    void refusesUnknownCommandsAndOptionsTheCommandDoesNotTake() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("launch"))).hasMessageContaining("Unknown command 'launch'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("serve", "--area", "derby")))
                .hasMessageContaining("'serve' does not take '--area'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("seed", "--area")))
                .hasMessageContaining("--area needs a value");
        assertThatThrownBy(
                        () -> CommandLine.parse(List.of("seed", "--seed", "x")).longOption("seed", 1))
                .hasMessageContaining("--seed must be a whole number");
    }

    @Test
    void webConfigRefusesABadPortAndTrimsTheBaseUrl() {
        assertThatThrownBy(() -> WebConfig.fromEnvironment(java.util.Map.of("PORT", "eighty")))
                .hasMessageContaining("PORT must be a number");
        var config =
                WebConfig.fromEnvironment(java.util.Map.of("PORT", "9000", "BASE_URL", "https://encounters.example/"));
        assertThat(config.baseUrl()).isEqualTo("https://encounters.example");
        assertThat(WebConfig.fromEnvironment(java.util.Map.of()).baseUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void webConfigRunsAsManySolvesAtOnceAsCoresUnlessToldOtherwise() {
        assertThat(WebConfig.fromEnvironment(java.util.Map.of()).maxConcurrentSolves())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(WebConfig.fromEnvironment(java.util.Map.of("MAX_CONCURRENT_SOLVES", " 3 "))
                        .maxConcurrentSolves())
                .isEqualTo(3);
        assertThatThrownBy(() -> WebConfig.fromEnvironment(java.util.Map.of("MAX_CONCURRENT_SOLVES", "0")))
                .hasMessageContaining("MAX_CONCURRENT_SOLVES must be a whole number of 1 or more");
    }

    @Test
    void metricsAreServedOnTheLoopbackPort9090AndLogsAreTextUnlessConfigured() {
        var defaults = WebConfig.fromEnvironment(java.util.Map.of());
        assertThat(defaults.metricsPort()).isEqualTo(9090);
        assertThat(defaults.metricsHost()).isEqualTo("127.0.0.1");
        assertThat(defaults.logFormat()).isEqualTo(uk.encounters.web.observe.LogFormat.TEXT);
        var container = WebConfig.fromEnvironment(
                java.util.Map.of("METRICS_PORT", "9100", "METRICS_HOST", "0.0.0.0", "LOG_FORMAT", "json"));
        assertThat(container.metricsPort()).isEqualTo(9100);
        assertThat(container.metricsHost()).isEqualTo("0.0.0.0");
        assertThat(container.logFormat()).isEqualTo(uk.encounters.web.observe.LogFormat.JSON);
        assertThatThrownBy(() -> WebConfig.fromEnvironment(java.util.Map.of("METRICS_PORT", "70000")))
                .hasMessageContaining("METRICS_PORT must be a number");
        assertThatThrownBy(() -> WebConfig.fromEnvironment(java.util.Map.of("LOG_FORMAT", "xml")))
                .hasMessageContaining("LOG_FORMAT must be text or json");
    }
}
