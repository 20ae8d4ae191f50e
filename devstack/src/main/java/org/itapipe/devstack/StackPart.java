package org.itapipe.devstack;

import java.time.Duration;

/** One server of the embedded stack, started and ready. */
sealed interface StackPart extends AutoCloseable permits KafkaPart, EmbeddedSchemaRegistry, EmbeddedClickHouse {

    /** How long the part took from launch until its readiness probe answered. */
    Duration readyAfter();

    @Override
    void close();
}
