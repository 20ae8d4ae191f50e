/**
 * Streams: the Kafka Streams topology that derives gaps, rollups, year-over-year changes and OIT alerts from
 * {@code ita.submissions.v1}, exactly once. Built in issue 5.
 */
package org.itapipe.streams;
