package uk.encounters.web.observe;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Every log event written while it is open, as logback made it (MDC, key-value pairs and all). */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // the MDC is read lazily, from whichever thread asks: take it now, on the logging thread
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };

    LogCapture() {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }

    List<ILoggingEvent> events(Predicate<ILoggingEvent> which) {
        synchronized (appender) { // AppenderBase appends under this lock
            return appender.list.stream().filter(which).toList();
        }
    }

    List<ILoggingEvent> events() {
        return events(e -> true);
    }

    static String requestIdOf(ILoggingEvent event) {
        return event.getMDCPropertyMap().get(RequestId.MDC_KEY);
    }

    /** The value of one of the event's key-value pairs, or null. */
    static Object valueOf(ILoggingEvent event, String key) {
        return event.getKeyValuePairs() == null
                ? null
                : event.getKeyValuePairs().stream()
                        .filter(p -> p.key.equals(key))
                        .map(p -> p.value)
                        .findFirst()
                        .orElse(null);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
