package org.itapipe.reports.pdf;

/** PDFs cannot be printed here, with what to install; pages and HTML reports still work. */
public final class PdfUnavailableException extends RuntimeException {

    public PdfUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
