package org.itapipe.schemas.methodology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itapipe.schemas.thai.ThaiDigits;

/**
 * The indicator table of the real FY 2568 report in test resources (Ban Kluai SAO), read from the document itself:
 * rows such as "EIT	๖	คุณภาพการดำเนินงาน	๙๙.๓๓".
 */
final class SeedReport {

    private static final Pattern INDICATOR_ROW =
            Pattern.compile("^(?:IIT|EIT|OIT)?\\t(\\d{1,2})\\t[^\\t]+\\t(\\d{1,3}\\.\\d{2})$", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("มีผลคะแนน (\\d{1,3}\\.\\d{2}) คะแนน\\s+อยู่ในระดับ (\\S+)");

    private SeedReport() {
    }

    static String text() {
        try (InputStream in = SeedReport.class.getResourceAsStream("/org/itapipe/schemas/samples/ban-kluai-2568-analysis.txt")) {
            return ThaiDigits.toAscii(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<Integer, BigDecimal> indicatorScores() {
        Map<Integer, BigDecimal> scores = new TreeMap<>();
        Matcher row = INDICATOR_ROW.matcher(text());
        while (row.find()) {
            scores.put(Integer.parseInt(row.group(1)), new BigDecimal(row.group(2)));
        }
        return scores;
    }

    static BigDecimal reportedTotal() {
        Matcher total = TOTAL.matcher(text());
        if (!total.find()) {
            throw new IllegalStateException("the seed report states no total");
        }
        return new BigDecimal(total.group(1));
    }

    static String reportedLevel() {
        Matcher total = TOTAL.matcher(text());
        total.find();
        return total.group(2);
    }
}
