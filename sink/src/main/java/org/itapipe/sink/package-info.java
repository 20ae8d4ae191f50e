/**
 * Sink: ClickHouse migrations and the batched, exactly-once loader of every topic into ClickHouse; the alert
 * notifier. Built in issue 6.
 */
package org.itapipe.sink;
