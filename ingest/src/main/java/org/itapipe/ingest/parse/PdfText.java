package org.itapipe.ingest.parse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.itapipe.ingest.importer.TextFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text layer of a published report's PDF, read with PDFBox in content order (sorting by position splits Thai
 * words where marks are positioned apart from their base letters), for {@link ReportReader}. A PDF
 * whose text layer holds no Thai (a scan, or a PDF whose fonts map no text) cannot be read: the error says so.
 */
public final class PdfText {

    private static final Pattern THAI_LETTER = Pattern.compile("[\\u0E01-\\u0E2E]");
    private static final int ENOUGH_THAI = 20;

    private PdfText() {
    }

    public static String of(Path file) throws IOException {
        return of(file.getFileName().toString(), TextFile.bytes(file));
    }

    /** The text of the PDF {@code bytes}, named {@code name} in what it says when it cannot. */
    static String of(String name, byte[] bytes) throws IOException {
        String text;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false);
            text = stripper.getText(document);
        } catch (IOException e) {
            throw new IOException(name + " is not a readable PDF: " + e.getMessage(), e);
        }
        if (THAI_LETTER.matcher(text).results().limit(ENOUGH_THAI).count() < ENOUGH_THAI) {
            throw new IOException(name + " has no usable Thai text layer (a scanned page, or fonts "
                    + "without a text mapping): import the report's text (.txt) instead, or run OCR on the PDF first");
        }
        return text;
    }
}
