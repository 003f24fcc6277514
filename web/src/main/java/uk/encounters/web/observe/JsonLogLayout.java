package uk.encounters.web.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * One flat JSON object per log line: {@code time} (ISO 8601, UTC), {@code level}, {@code logger},
 * {@code thread}, the MDC ({@code requestId}), {@code message}, the line's key-value pairs as fields
 * of their own (numbers stay numbers) and {@code error} with the stack trace. Logback's own
 * JsonEncoder writes epoch times, key-value pairs as a list of one-entry objects and each stack
 * frame as an object, which log stores query badly; this is what they read best.
 */
public final class JsonLogLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        field(json, "level", event.getLevel().toString());
        field(json, "logger", event.getLoggerName());
        field(json, "thread", event.getThreadName());
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            field(json, entry.getKey(), entry.getValue());
        }
        field(json, "message", event.getFormattedMessage());
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                field(json, pair.key, pair.value);
            }
        }
        if (event.getThrowableProxy() != null) {
            field(json, "error", ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return json.append("}\n").toString();
    }

    private static void field(StringBuilder json, String name, Object value) {
        if (json.length() > 1) {
            json.append(',');
        }
        string(json, name);
        json.append(':');
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            json.append(value);
        } else if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            json.append(number);
        } else {
            string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
