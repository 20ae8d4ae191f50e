/**
 * Ingest: validation of score submissions, the HTTP API, bulk import of files and published reports, and the
 * producer that publishes them to {@code ita.submissions.v1}. Built in issue 4.
 */
package org.itapipe.ingest;
