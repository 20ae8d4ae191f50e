package org.itapipe.reports.pdf;

/** Prints a self-contained HTML document to PDF. The seam where the engine varies (a browser, or none). */
public interface PdfPrinter extends AutoCloseable {

    /** The PDF of {@code html}; {@link PdfUnavailableException} when this machine cannot print. */
    byte[] print(String html);

    @Override
    void close();
}
