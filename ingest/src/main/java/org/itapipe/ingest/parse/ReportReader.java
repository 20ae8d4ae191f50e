package org.itapipe.ingest.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.RawSubmission;
import org.itapipe.ingest.validation.RawSubmission.RawItem;
import org.itapipe.ingest.validation.RawSubmission.RawScore;
import org.itapipe.ingest.validation.Rules;
import org.itapipe.schemas.avro.Flag;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.schemas.organizations.OrganizationRegistry.Resolution;
import org.itapipe.schemas.thai.ThaiDigits;

/**
 * Reads the yearly ITA analysis report an LAO publishes (Thai text extracted from its PDF, Thai digits): the
 * organization and its district and province, the fiscal year, the total and level, the indicator table, and every
 * item score stated in the per-indicator table (EIT items e1..e9, OIT items written ๐๑..๐๒๘ for o1..o28). It reads
 * the text extracted from a published PDF (tab-separated cells) and a PDF's own text layer (see {@link PdfText}),
 * including the reports this project renders, whose item tables list items as {@code o5 50.00}.
 *
 * <p>Published reports are not always consistent: where the report's improvement plan states an EIT item with another
 * value than its indicator table, the table's value is kept and the record is flagged. What the reader cannot use is
 * listed in the record's notes.
 */
public final class ReportReader implements SubmissionReader {

    private static final String ORG_PREFIXES = "องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร";
    private static final Pattern ORGANIZATION = Pattern.compile(
            "^\\s*(" + ORG_PREFIXES + ")(\\S+)\\s*$\\s*^\\s*อำเภอ(\\S+)\\s+จังหวัด(\\S+)", Pattern.MULTILINE);
    private static final Pattern FISCAL_YEAR = Pattern.compile("ประจำปีงบประมาณ\\s*พ\\.ศ\\.\\s*(\\d{4})");
    private static final Pattern TOTAL = Pattern.compile("มีผลคะแนน\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*คะแนน\\s*อยู่ในระดับ\\s*(\\S+)");
    private static final Pattern INDICATOR_ROW =
            Pattern.compile("^(?:IIT|EIT|OIT)?\\t(\\d{1,2})\\t[^\\t]+\\t(\\d{1,3}\\.\\d{2})\\s*$", Pattern.MULTILINE);
    /** A row of the indicator table as a PDF's text layer gives it: the tool on every row, cells apart by spaces. */
    private static final Pattern SPACED_INDICATOR_ROW = Pattern.compile(
            "^(?:IIT|EIT|OIT)[ \\t]+(\\d{1,2})[ \\t]+[^\\d\\t]+?[ \\t]+(\\d{1,3}\\.\\d{2})(?:[ \\t]|$)", Pattern.MULTILINE);
    /** An item and its score closing a line of a table of items, as reports rendered by this project list them. */
    private static final Pattern LISTED_ITEM = Pattern.compile("(?:^|[ \\t])([eo]\\d{1,2})[ \\t]+(\\d{1,3}\\.\\d{2})[ \\t]*$",
            Pattern.MULTILINE);
    private static final Pattern ANALYSIS_ROW = Pattern.compile("^(\\d{1,2})\\t([^\\t]*ข้อ[^\\t]*)", Pattern.MULTILINE);
    private static final Pattern EIT_ITEM = Pattern.compile("ข้อ\\s*e(\\d)\\s+(\\d{1,3}\\.\\d{2})\\s*คะแนน");
    private static final Pattern OIT_ITEM = Pattern.compile("ข้อ\\s*0(\\d{1,2})\\s+(\\d{1,3}\\.\\d{2})\\s*คะแนน");
    private static final Pattern IIT_ITEMS = Pattern.compile("ข้อ\\s*(i\\d+(?:\\s*,\\s*i\\d+)*)");
    private static final Pattern PLAN_EIT_ITEM = Pattern.compile("<p>\\s*e(\\d)\\s[^<]*?มีค่า\\s*คะแนน\\s*(\\d{1,3}\\.\\d{2})");

    private final OrganizationRegistry organizations;

    public ReportReader(OrganizationRegistry organizations) {
        this.organizations = organizations;
    }

    @Override
    public Stream<ParsedRecord> read(Reader input, String sourceName) {
        StringWriter text = new StringWriter();
        try {
            input.transferTo(text);
        } catch (IOException e) {
            return Stream.of(CsvSubmissionReader.unreadable(1, "report", "cannot read the report: " + e.getMessage()));
        }
        return Stream.of(parse(ThaiDigits.toAscii(text.toString()), sourceName));
    }

    private ParsedRecord parse(String text, String sourceName) {
        List<String> notes = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        Matcher organization = ORGANIZATION.matcher(text);
        if (!organization.find()) {
            return CsvSubmissionReader.unreadable(1, "orgCode", "no organization name followed by a line "
                    + "'อำเภอ... จังหวัด...' was found in the report");
        }
        String orgName = organization.group(1) + organization.group(2);
        Resolution resolution = organizations.resolve(organization.group(1), organization.group(2),
                organization.group(3), organization.group(4));
        if (resolution instanceof Resolution.NotFound notFound) {
            return new ParsedRecord.Unreadable(1, List.of(new FieldError("orgCode", Rules.KNOWN_ORGANIZATION,
                    "the report's header " + orgName + ", อำเภอ" + organization.group(3) + ", จังหวัด"
                            + organization.group(4) + " names no organization of the registry: "
                            + notFound.message())));
        }
        Resolution.Found found = (Resolution.Found) resolution;
        found.aliasEvidence().ifPresent(evidence -> flags.add(new Flag("orgCode", Rules.ORGANIZATION_THROUGH_ALIAS,
                "the report names " + orgName + ", อำเภอ" + organization.group(3) + "; resolved to "
                        + found.organization().code() + " " + found.organization().nameTh() + " because: "
                        + evidence)));

        String fiscalYear = first(FISCAL_YEAR, text, 1).orElse(null);
        Matcher total = TOTAL.matcher(text);
        boolean hasTotal = total.find();
        if (!hasTotal) {
            notes.add("the report states no total and level ('มีผลคะแนน ... อยู่ในระดับ ...')");
        }
        List<RawScore> indicators = indicators(text);
        List<RawItem> items = items(text, notes, flags);
        return new ParsedRecord.Parsed(1, new RawSubmission(found.organization().code(), orgName, fiscalYear, null,
                indicators, items, hasTotal ? total.group(1) : null, hasTotal ? total.group(2) : null,
                SubmissionSource.REPORT_IMPORT, sourceName, flags), notes);
    }

    /**
     * The indicator table: rows as the extracted text of a published report writes them (cells apart by tabs), or
     * as a PDF's text layer gives them (apart by spaces). The first row of each indicator is its score: later
     * tables of a report restate indicators.
     */
    private static List<RawScore> indicators(String text) {
        Map<String, RawScore> indicators = new LinkedHashMap<>();
        for (Pattern pattern : List.of(INDICATOR_ROW, SPACED_INDICATOR_ROW)) {
            Matcher row = pattern.matcher(text);
            while (row.find()) {
                indicators.putIfAbsent(row.group(1), new RawScore(row.group(1), row.group(2)));
            }
        }
        return new ArrayList<>(indicators.values());
    }

    /** Item scores from the per-indicator analysis table, cross-checked against the improvement plan. */
    private static List<RawItem> items(String text, List<String> notes, List<Flag> flags) {
        Map<String, RawItem> items = new LinkedHashMap<>();
        Matcher row = ANALYSIS_ROW.matcher(text);
        while (row.find()) {
            String indicator = row.group(1);
            String cell = row.group(2);
            collect(EIT_ITEM, "e", indicator, cell, items);
            collect(OIT_ITEM, "o", indicator, cell, items);
            Matcher iit = IIT_ITEMS.matcher(cell);
            if (iit.find() && !EIT_ITEM.matcher(cell).find() && !OIT_ITEM.matcher(cell).find()) {
                notes.add("indicator " + indicator + " lists items " + iit.group(1).replaceAll("\\s", "")
                        + " without scores of their own (not read as item scores)");
            }
        }
        Matcher listed = LISTED_ITEM.matcher(text);
        while (listed.find()) {
            items.putIfAbsent(listed.group(1), new RawItem(listed.group(1), null, listed.group(2)));
        }
        Matcher plan = PLAN_EIT_ITEM.matcher(text);
        Set<String> flagged = new HashSet<>();
        while (plan.find()) {
            String code = "e" + plan.group(1);
            RawItem stated = items.get(code);
            if (stated != null && !stated.score().equals(plan.group(2)) && flagged.add(code)) {
                String message = "the report states " + code + " as " + stated.score() + " in its indicator table and as "
                        + plan.group(2) + " in its improvement plan; the table's value is kept";
                flags.add(new Flag("items[" + code + "]", Rules.ITEM_STATED_CONSISTENTLY, message));
            }
        }
        return new ArrayList<>(items.values());
    }

    private static void collect(Pattern pattern, String prefix, String indicator, String cell,
                                Map<String, RawItem> items) {
        Matcher item = pattern.matcher(cell);
        while (item.find()) {
            String code = prefix + Integer.parseInt(item.group(1));
            items.putIfAbsent(code, new RawItem(code, indicator, item.group(2)));
        }
    }

    private static Optional<String> first(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(group)) : Optional.empty();
    }
}
