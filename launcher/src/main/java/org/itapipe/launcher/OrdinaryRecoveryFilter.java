package org.itapipe.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.slf4j.Marker;

/**
 * After a streams instance was killed, Kafka Streams finds its local stores without a checkpoint, which under
 * exactly-once means they may hold uncommitted writes, so it wipes and restores them from their changelogs. That is
 * the designed recovery, yet its TaskManager reports it as {@code ERROR ... Get exceptions for the following tasks:
 * {1_0=...TaskCorruptedException: ...}}, which an operator reads as a failure. This filter turns exactly that report,
 * when every task's exception in it is a {@link TaskCorruptedException}, into one INFO line; a report naming any
 * other exception stays an ERROR.
 *
 * <p>Kafka's loggers format the message before logback sees it (with the thread's prefix), so the filter reads the
 * text.
 */
public final class OrdinaryRecoveryFilter extends TurboFilter {

    static final String TASK_MANAGER = "org.apache.kafka.streams.processor.internals.TaskManager";
    static final String RECOVERY = "org.itapipe.streams.recovery";
    private static final String REPORT = "Get exceptions for the following tasks: {";
    /** One task's entry: its id and the class of its exception. */
    private static final Pattern TASK = Pattern.compile("(\\d+_\\d+)=([\\w.$]+)");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String message, Object[] params,
                              Throwable t) {
        if (level != Level.ERROR || !TASK_MANAGER.equals(logger.getName()) || message == null
                || !message.contains(REPORT)) {
            return FilterReply.NEUTRAL;
        }
        List<String> tasks = new ArrayList<>();
        Matcher entry = TASK.matcher(message.substring(message.indexOf(REPORT) + REPORT.length()));
        while (entry.find()) {
            if (!entry.group(2).equals(TaskCorruptedException.class.getName())) {
                return FilterReply.NEUTRAL;
            }
            tasks.add(entry.group(1));
        }
        if (tasks.isEmpty()) {
            return FilterReply.NEUTRAL;
        }
        logger.getLoggerContext().getLogger(RECOVERY).info("restoring tasks {} from their changelogs after an "
                + "unclean stop (ordinary under exactly-once)", tasks);
        return FilterReply.DENY;
    }
}
