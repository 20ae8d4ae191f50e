package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code itapipe import --dry-run}: what a user sees before anything is published. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private static final String HEADER =
            "org_code,fiscal_year,ind_1,ind_2,ind_3,ind_4,ind_5,ind_6,ind_7,ind_8,ind_9,ind_10\n";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = Itapipe.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void aDryRunOfTheSeedReportPrintsTheNormalizedSubmissionAndExitsZero() throws Exception {
        Path report = dir.resolve("ban-kluai.txt");
        try (InputStream in = getClass().getResourceAsStream(
                "/org/itapipe/schemas/samples/ban-kluai-2568-analysis.txt")) {
            Files.copy(in, report);
        }

        int exit = run("import", "--dry-run", "--print", report.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"orgCode\":\"6190803\"").contains("\"9\":\"82.50\"")
                .contains("\"reportedTotal\":\"94.30\"").contains("\"o25\":\"10.00\"");
        assertThat(err.toString()).contains("dry run (nothing published): 1 accepted, 0 rejected, 1 flagged");
    }

    @Test
    void aRejectedRowIsListedWithItsLineAndTheExitCodeIsNonZero() throws Exception {
        Path csv = dir.resolve("scores.csv");
        Files.writeString(csv, "org_code,fiscal_year,ind_1,ind_2,ind_3,ind_4,ind_5,ind_6,ind_7,ind_8,ind_9,ind_10\n"
                + "6190803,2568,100,100,100,100,100,99.33,99.33,99.33,82.50,90\n"
                + "6190804,2568,100,100,100,100,100,99.33,99.33,99.33,82.505,90\n");

        int exit = run("import", "--dry-run", csv.toString());

        assertThat(exit).isEqualTo(ImportCommand.SOME_REJECTED);
        assertThat(err.toString()).contains("rejected scores.csv:3  indicators[9]: 82.505 has more than two decimals")
                .contains("1 accepted, 1 rejected");
    }

    @Test
    void eachFileStandsOnItsOwnAndAnUnreadableOneIsOneClearLine() throws Exception {
        Path good = dir.resolve("good.csv");
        Files.writeString(good, HEADER + "6190803,2568,100,100,100,100,100,99.33,99.33,99.33,82.50,90\n");
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Path random = dir.resolve("random.csv");
        byte[] noise = new byte[200_000];
        new java.util.Random(7).nextBytes(noise);
        Files.write(random, noise);

        int exit = run("import", "--dry-run", good.toString(), dir.resolve("missing.csv").toString(),
                dir.toString() + "/", empty.toString(), random.toString());

        assertThat(exit).as(err.toString()).isEqualTo(ImportCommand.UNREADABLE_FILES);
        assertThat(err.toString()).contains("missing.csv: no such file").contains("is a directory, not a file")
                .contains("empty.csv: is empty").contains("random.csv: is not text in UTF-8 or Windows-874")
                .contains("dry run (nothing published): 1 accepted, 0 rejected").doesNotContain("\tat ");
    }

    @Test
    void excelsCsvUtf8WithItsByteOrderMarkAndCrlfIsRead() throws Exception {
        Path csv = dir.resolve("excel.csv");
        Files.writeString(csv, "\uFEFF" + (HEADER + "6190803,2568,100,100,100,100,100,99.33,99.33,99.33,82.50,90\n")
                .replace("\n", "\r\n"));

        assertThat(run("import", "--dry-run", csv.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("1 accepted, 0 rejected");
    }

    @Test
    void aThaiCsvFromWindowsInWindows874IsDetectedAndReadCorrectly() throws Exception {
        Path csv = dir.resolve("windows.csv");
        Files.write(csv, ("org_code,org_name_th,fiscal_year,ind_1,ind_2,ind_3,ind_4,ind_5,ind_6,ind_7,ind_8,ind_9,"
                + "ind_10\r\n6190803,อบต.บ้านกล้วย,2568,100,100,100,100,100,99.33,99.33,99.33,82.50,90\r\n")
                .getBytes(org.itapipe.ingest.importer.TextFile.WINDOWS_874));

        int exit = run("import", "--dry-run", csv.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("the source names the organization อบต.บ้านกล้วย");
    }
}
