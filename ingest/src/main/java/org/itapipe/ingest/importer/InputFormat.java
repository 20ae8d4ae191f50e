package org.itapipe.ingest.importer;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of input the importers read, recognized by file extension or HTTP content type. A published report is
 * read from its text ({@code .txt}) or from a PDF's text layer ({@code .pdf}, see {@link #isPdf}).
 */
public enum InputFormat {
    CSV, NDJSON, REPORT;

    /** A report given as PDF: its text layer is extracted first (ingest's PdfText). */
    public static boolean isPdf(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".pdf");
    }

    public static Optional<InputFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
            return Optional.of(NDJSON);
        }
        if (lower.endsWith(".txt") || lower.endsWith(".pdf")) {
            return Optional.of(REPORT);
        }
        return Optional.empty();
    }

    public static Optional<InputFormat> ofContentType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return Optional.of(CSV);
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")) {
            return Optional.of(NDJSON);
        }
        if (type.startsWith("text/plain")) {
            return Optional.of(REPORT);
        }
        return Optional.empty();
    }
}
