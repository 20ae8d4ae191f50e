package org.itapipe.ingest.publish;

/** What became of an accepted submission: on its topic, or in the dead-letter topic with the reason. */
public sealed interface PublishOutcome {

    record Published(int partition, long offset) implements PublishOutcome {
    }

    record DeadLettered(String reason) implements PublishOutcome {
    }
}
