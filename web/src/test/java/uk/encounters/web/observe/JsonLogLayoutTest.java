package uk.encounters.web.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

class JsonLogLayoutTest {

    final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    final Logger logger = context.getLogger("uk.encounters.web.observe.AccessLog");

    @Test
    void aLineIsOneFlatJsonObjectWithTheRequestIdAndTheKeyValuePairsAsFields() throws Exception {
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(), logger, Level.INFO, "GET {} 200", null, new Object[] {"/schools/12/progress"});
        event.setMDCPropertyMap(Map.of(RequestId.MDC_KEY, "2173578fdb5c63d0"));
        event.addKeyValuePair(new KeyValuePair("route", "/schools/:schoolId/progress"));
        event.addKeyValuePair(new KeyValuePair("status", 200));
        event.addKeyValuePair(new KeyValuePair("durationMs", 35L));
        event.addKeyValuePair(new KeyValuePair("closed", true));

        String line = layout().doLayout(event);

        assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("logger").asText()).isEqualTo("uk.encounters.web.observe.AccessLog");
        assertThat(json.get("requestId").asText()).isEqualTo("2173578fdb5c63d0");
        assertThat(json.get("message").asText()).isEqualTo("GET /schools/12/progress 200");
        assertThat(json.get("route").asText()).isEqualTo("/schools/:schoolId/progress");
        assertThat(json.get("status").isInt()).as("numbers stay numbers").isTrue();
        assertThat(json.get("durationMs").asLong()).isEqualTo(35);
        assertThat(json.get("closed").isBoolean()).isTrue();
    }

    @Test
    void quotesNewlinesAndControlCharactersCannotBreakTheLineAndTheStackTraceIsOneField() throws Exception {
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(),
                logger,
                Level.ERROR,
                "Failed \"quoted\"\nsecond line\ttab \u0001 \\ end",
                new IllegalStateException("boom\nagain"),
                null);

        String line = layout().doLayout(event);

        assertThat(line).hasLineCount(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("message").asText()).isEqualTo("Failed \"quoted\"\nsecond line\ttab \u0001 \\ end");
        assertThat(json.get("error").asText())
                .startsWith("java.lang.IllegalStateException: boom\nagain")
                .contains("at uk.encounters.web.observe.JsonLogLayoutTest");
        assertThat(json.has("requestId")).as("no request, no id").isFalse();
    }

    @Test
    void theFormatIsTextOrJsonAndNothingElse() {
        assertThat(LogFormat.parse("json")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse(" JSON ")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse("text")).isEqualTo(LogFormat.TEXT);
        assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessage("LOG_FORMAT must be text or json, not 'xml'");
    }

    private JsonLogLayout layout() {
        JsonLogLayout layout = new JsonLogLayout();
        layout.setContext(context);
        layout.start();
        return layout;
    }
}
