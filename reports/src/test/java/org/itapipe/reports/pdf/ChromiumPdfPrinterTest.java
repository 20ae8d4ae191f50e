package org.itapipe.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChromiumPdfPrinterTest {

    @Test
    void withoutChromiumPrintingIsRefusedNamingThePackagesToInstall() {
        try (ChromiumPdfPrinter printer = new ChromiumPdfPrinter(Path.of("/nonexistent/chromium"),
                Path.of("/nonexistent/chromedriver"))) {
            assertThat(printer.available()).isFalse();
            assertThatThrownBy(() -> printer.print("<html></html>")).isInstanceOf(PdfUnavailableException.class)
                    .hasMessageContaining("/nonexistent/chromium").hasMessageContaining("chromium-driver")
                    .hasMessageContaining("fonts-thai-tlwg");
        }
    }
}
