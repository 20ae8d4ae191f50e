package org.itapipe.reports.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * Prints with Debian's headless Chromium, driven through chromedriver (WebDriver's print command): only a real
 * browser engine shapes Thai marks and breaks Thai lines correctly (docs/reports.md). One browser is started on the
 * first print and kept for every later one, so a province's batch costs one start; prints are serialized on it.
 * The page's own {@code @page} rules give the A4 margins and the "หน้า x จาก y" footer.
 */
public final class ChromiumPdfPrinter implements PdfPrinter {

    public static final String INSTALL_HINT = "install the Debian packages chromium, chromium-driver and "
            + "fonts-thai-tlwg (apt-get install chromium chromium-driver fonts-thai-tlwg)";
    private static final PageSize A4 = new PageSize(29.7, 21.0);

    private final Path chromium;
    private final Path chromedriver;
    private Path workDir;
    private ChromeDriver browser;

    public ChromiumPdfPrinter(Path chromium, Path chromedriver) {
        this.chromium = chromium;
        this.chromedriver = chromedriver;
    }

    /** Whether both executables are on this machine. */
    public boolean available() {
        return Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
    }

    @Override
    public synchronized byte[] print(String html) {
        if (!available()) {
            throw new PdfUnavailableException("PDF printing needs " + chromium + " and " + chromedriver + ": "
                    + INSTALL_HINT, null);
        }
        try {
            ChromeDriver driver = browser();
            Path page = workDir.resolve("page.html");
            Files.writeString(page, html, StandardCharsets.UTF_8);
            driver.get(page.toUri().toString());
            PrintOptions options = new PrintOptions();
            options.setPageSize(A4);
            options.setPageMargin(new PageMargin(0, 0, 0, 0));
            options.setBackground(true);
            return Base64.getDecoder().decode(((PrintsPage) driver).print(options).getContent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the page to print", e);
        } catch (RuntimeException e) {
            stop();
            throw e instanceof PdfUnavailableException ? e : new PdfUnavailableException("Chromium could not print: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private ChromeDriver browser() throws IOException {
        if (browser == null) {
            workDir = Files.createTempDirectory("itapipe-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--allow-file-access-from-files",
                    "--user-data-dir=" + workDir.resolve("profile"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            browser = new ChromeDriver(service, options);
        }
        return browser;
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private void stop() {
        if (browser != null) {
            try {
                browser.quit();
            } catch (RuntimeException e) {
                // The browser is gone already; nothing else to release.
            }
            browser = null;
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // A temporary directory left behind is harmless.
            }
            workDir = null;
        }
    }
}
