package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.utils.internals.LogContext;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.internals.TaskManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Through Kafka's own logger, as Kafka Streams' TaskManager reports its tasks' exceptions. */
class OrdinaryRecoveryFilterTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final OrdinaryRecoveryFilter filter = new OrdinaryRecoveryFilter();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void logThroughTheFilter() {
        context.addTurboFilter(filter);
        events.setContext(context);
        events.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(events);
    }

    @AfterEach
    void removeTheFilter() {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(events);
        context.getTurboFilterList().remove(filter);
    }

    @Test
    void tasksRebuiltAfterAnUncleanStopAreReportedAsInfo() {
        Map<TaskId, RuntimeException> exceptions = new LinkedHashMap<>();
        exceptions.put(new TaskId(1, 2), new TaskCorruptedException(Set.of(new TaskId(1, 2))));
        exceptions.put(new TaskId(0, 0), new TaskCorruptedException(Set.of(new TaskId(0, 0))));
        taskManagerReports(exceptions);

        assertThat(ours()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getLoggerName()).isEqualTo(OrdinaryRecoveryFilter.RECOVERY);
            assertThat(event.getFormattedMessage()).contains("[1_2, 0_0]").contains("unclean stop");
        });
    }

    @Test
    void aReportNamingAnyOtherExceptionStaysAnError() {
        Map<TaskId, RuntimeException> exceptions = new LinkedHashMap<>();
        exceptions.put(new TaskId(0, 1), new TaskCorruptedException(Set.of(new TaskId(0, 1))));
        exceptions.put(new TaskId(0, 2), new TimeoutException("Timeout expired while awaiting InitProducerId"));
        taskManagerReports(exceptions);

        assertThat(ours()).extracting(ILoggingEvent::getLevel).isEqualTo(List.of(Level.ERROR));
    }

    private static void taskManagerReports(Map<TaskId, RuntimeException> exceptions) {
        new LogContext("stream-thread [itapipe-streams-StreamThread-1] ").logger(TaskManager.class)
                .error("Get exceptions for the following tasks: {}", exceptions);
    }

    private List<ILoggingEvent> ours() {
        return events.list.stream().filter(event -> event.getLoggerName().equals(OrdinaryRecoveryFilter.TASK_MANAGER)
                || event.getLoggerName().equals(OrdinaryRecoveryFilter.RECOVERY)).toList();
    }
}
