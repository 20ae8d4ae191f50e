package org.itapipe.ingest.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.UUID;
import java.util.function.Supplier;
import org.itapipe.ingest.validation.RawSubmission.RawItem;
import org.itapipe.ingest.validation.RawSubmission.RawScore;
import org.itapipe.schemas.avro.Flag;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.Indicator;
import org.itapipe.schemas.methodology.ItemCatalogue;
import org.itapipe.schemas.methodology.LevelBand;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.ScoreCard;
import org.itapipe.schemas.methodology.SubmissionScores;
import org.itapipe.schemas.methodology.Scores;
import org.itapipe.schemas.organizations.Organization;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.schemas.thai.ThaiDigits;

/**
 * The one validator behind the HTTP API and every importer. It checks every rule and reports every broken one with
 * its field path; a submission that passes becomes a {@link ScoreSubmission}, flagged where the input is
 * inconsistent (a reported total that differs from the computed one by more than 0.01, a reported level that is not
 * the computed one, items whose mean is not the indicator score). Flags never change reported values.
 */
public final class SubmissionValidator {

    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    // Compiled once: String.matches compiles its pattern at every call, a dozen times per submission.
    private static final Pattern BUDDHIST_ERA_YEAR = Pattern.compile("25\\d\\d");
    private static final Pattern POSITIVE_INTEGER = Pattern.compile("[1-9]\\d{0,17}");
    private static final Pattern INDICATOR_NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern DLA_CODE = Pattern.compile("\\d{7}");

    private final MethodologyCatalog methodologies;
    private final OrganizationRegistry organizations;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public SubmissionValidator(MethodologyCatalog methodologies, OrganizationRegistry organizations, Clock clock,
                               Supplier<UUID> ids) {
        this.methodologies = methodologies;
        this.organizations = organizations;
        this.clock = clock;
        this.ids = ids;
    }

    public SubmissionValidator(MethodologyCatalog methodologies, OrganizationRegistry organizations) {
        this(methodologies, organizations, Clock.systemUTC(), UUID::randomUUID);
    }

    public Validation validate(RawSubmission raw) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Organization> organization = organization(raw.orgCode(), errors);
        Optional<Methodology> methodology = methodology(raw.fiscalYear(), errors);
        Optional<Long> revision = revision(raw.revision(), errors);
        Map<Integer, BigDecimal> indicators = indicators(raw.indicators(), errors);
        List<ItemScore> items = methodology.map(m -> items(raw.items(), m, errors)).orElse(List.of());
        Optional<BigDecimal> reportedTotal = optionalScore("reportedTotal", raw.reportedTotal(), errors);
        if (!errors.isEmpty()) {
            return new Validation.Invalid(errors);
        }
        Methodology year = methodology.orElseThrow();
        ScoreCard card = year.score(indicators);
        List<Flag> flags = new ArrayList<>(raw.parserFlags());
        flags.addAll(consistencyFlags(raw, year, card, reportedTotal, items));
        nameFlag(raw, organization.orElseThrow()).ifPresent(flags::add);
        return new Validation.Valid(build(raw, organization.orElseThrow(), year, revision, indicators, items,
                reportedTotal, flags, card));
    }

    private Optional<Organization> organization(String code, List<FieldError> errors) {
        if (isBlank(code)) {
            errors.add(new FieldError("orgCode", Rules.REQUIRED, "the organization code is required"));
            return Optional.empty();
        }
        String normalized = ThaiDigits.toAscii(code.strip());
        if (!DLA_CODE.matcher(normalized).matches()) {
            errors.add(new FieldError("orgCode", Rules.ORG_CODE_FORMAT, "'" + code + "' is not a 7-digit DLA "
                    + "organization code such as 6190803"));
            return Optional.empty();
        }
        Optional<Organization> organization = organizations.find(normalized);
        if (organization.isEmpty()) {
            errors.add(new FieldError("orgCode", Rules.KNOWN_ORGANIZATION,
                    "organization " + normalized + " is not in the organization registry"));
        }
        return organization;
    }

    private Optional<Methodology> methodology(String fiscalYear, List<FieldError> errors) {
        if (isBlank(fiscalYear)) {
            errors.add(new FieldError("fiscalYear", Rules.REQUIRED, "the fiscal year (Buddhist Era, e.g. 2568) is required"));
            return Optional.empty();
        }
        String ascii = ThaiDigits.toAscii(fiscalYear.strip());
        if (!BUDDHIST_ERA_YEAR.matcher(ascii).matches()) {
            errors.add(new FieldError("fiscalYear", Rules.FISCAL_YEAR_FORMAT,
                    "'" + fiscalYear + "' is not a Buddhist Era year such as 2568"));
            return Optional.empty();
        }
        Optional<Methodology> methodology = methodologies.forYear(Integer.parseInt(ascii));
        if (methodology.isEmpty()) {
            errors.add(new FieldError("fiscalYear", Rules.METHODOLOGY_EXISTS, "no methodology for fiscal year "
                    + ascii + "; known years: " + methodologies.years()));
        }
        return methodology;
    }

    private static Optional<Long> revision(String revision, List<FieldError> errors) {
        if (isBlank(revision)) {
            return Optional.empty();
        }
        String ascii = ThaiDigits.toAscii(revision.strip());
        if (!POSITIVE_INTEGER.matcher(ascii).matches()) {
            errors.add(new FieldError("revision", Rules.REVISION_FORMAT,
                    "'" + revision + "' is not a positive integer"));
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(ascii));
    }

    private static Map<Integer, BigDecimal> indicators(List<RawScore> raw, List<FieldError> errors) {
        Map<Integer, BigDecimal> scores = new TreeMap<>();
        Set<Integer> seen = new HashSet<>();
        for (RawScore score : raw) {
            String key = isBlank(score.key()) ? "" : ThaiDigits.toAscii(score.key().strip());
            String path = "indicators[" + key + "]";
            if (!INDICATOR_NUMBER.matcher(key).matches() || Integer.parseInt(key) < 1 || Integer.parseInt(key) > 10) {
                errors.add(new FieldError(path, Rules.INDICATOR_KNOWN, "indicators are numbered 1 to 10"));
                continue;
            }
            int number = Integer.parseInt(key);
            if (!seen.add(number)) {
                errors.add(new FieldError(path, Rules.INDICATOR_ONCE, "indicator " + number + " is given more than once"));
                continue;
            }
            parseScore(path, score.score(), errors).ifPresent(value -> scores.put(number, value));
        }
        for (int number = 1; number <= 10; number++) {
            if (!seen.contains(number)) {
                errors.add(new FieldError("indicators[" + number + "]", Rules.INDICATOR_PRESENT,
                        "indicator " + number + " has no score"));
            }
        }
        return scores;
    }

    private static List<ItemScore> items(List<RawItem> raw, Methodology methodology, List<FieldError> errors) {
        if (raw.isEmpty()) {
            return List.of();
        }
        if (methodology.itemCatalogue() == ItemCatalogue.UNKNOWN) {
            errors.add(new FieldError("items", Rules.ITEM_CATALOGUE_KNOWN, "the item catalogue of fiscal year "
                    + methodology.fiscalYear() + " is not known, so item scores cannot be checked: "
                    + "submit indicator scores only"));
            return List.of();
        }
        Map<String, ItemScore> items = new LinkedHashMap<>();
        for (RawItem item : raw) {
            String code = isBlank(item.code()) ? "" : ThaiDigits.toAscii(item.code().strip()).toLowerCase(Locale.ROOT);
            String path = "items[" + code + "]";
            Optional<Indicator> indicator = methodology.indicatorOfItem(code);
            if (indicator.isEmpty()) {
                errors.add(new FieldError(path, Rules.ITEM_KNOWN, "'" + code + "' is not an item of fiscal year "
                        + methodology.fiscalYear()));
                continue;
            }
            if (items.containsKey(code)) {
                errors.add(new FieldError(path, Rules.ITEM_ONCE, "item " + code + " is given more than once"));
                continue;
            }
            if (!isBlank(item.statedIndicator()) && !ThaiDigits.toAscii(item.statedIndicator().strip())
                    .equals(Integer.toString(indicator.get().number()))) {
                errors.add(new FieldError(path, Rules.ITEM_UNDER_ITS_INDICATOR, "item " + code + " belongs to indicator "
                        + indicator.get().number() + ", not " + item.statedIndicator()));
                continue;
            }
            parseScore(path, item.score(), errors).ifPresent(score -> items.put(code, new ItemScore(code, score)));
        }
        return methodology.items().stream().map(item -> items.get(item.code())).filter(Objects::nonNull).toList();
    }

    private static Optional<BigDecimal> optionalScore(String path, String text, List<FieldError> errors) {
        return isBlank(text) ? Optional.empty() : parseScore(path, text, errors);
    }

    private static Optional<BigDecimal> parseScore(String path, String text, List<FieldError> errors) {
        try {
            return Optional.of(Scores.parse(text));
        } catch (Scores.InvalidScoreException e) {
            errors.add(new FieldError(path, Rules.SCORE_VALID, e.getMessage()));
            return Optional.empty();
        }
    }

    private static List<Flag> consistencyFlags(RawSubmission raw, Methodology methodology, ScoreCard card,
                                               Optional<BigDecimal> reportedTotal, List<ItemScore> items) {
        List<Flag> flags = new ArrayList<>();
        reportedTotal.filter(total -> total.subtract(card.total()).abs().compareTo(TOLERANCE) > 0)
                .ifPresent(total -> flags.add(new Flag("reportedTotal", Rules.REPORTED_TOTAL_MATCHES,
                        "reported total " + total + " differs from the total " + card.total()
                                + " computed from the indicator scores")));
        if (!isBlank(raw.reportedLevel()) && !names(card.level(), raw.reportedLevel().strip())) {
            flags.add(new Flag("reportedLevel", Rules.REPORTED_LEVEL_MATCHES, "reported level " + raw.reportedLevel()
                    + " is not the level " + card.level().nameTh() + " (" + card.level().code() + ") of total "
                    + card.total()));
        }
        Map<String, BigDecimal> itemScores = new LinkedHashMap<>();
        items.forEach(item -> itemScores.put(item.getCode(), item.getScore()));
        for (Indicator indicator : methodology.indicators()) {
            List<BigDecimal> scores = indicator.items().stream().map(item -> itemScores.get(item.code())).toList();
            if (scores.isEmpty() || scores.contains(null)) {
                continue;
            }
            BigDecimal mean = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
            BigDecimal reported = card.indicatorScores().get(indicator.number());
            if (mean.subtract(reported).abs().compareTo(TOLERANCE) > 0) {
                flags.add(new Flag("indicators[" + indicator.number() + "]", Rules.ITEM_MEAN_MATCHES,
                        "the mean of the " + scores.size() + " item scores is " + mean + ", the indicator score is "
                                + reported));
            }
        }
        return flags;
    }

    /** Names come from the registry; what the source called the organization is kept here when it differs. */
    private static Optional<Flag> nameFlag(RawSubmission raw, Organization organization) {
        if (isBlank(raw.orgNameTh())) {
            return Optional.empty();
        }
        String given = raw.orgNameTh().strip();
        return given.equals(organization.nameTh()) || given.equals(organization.shortNameTh()) ? Optional.empty()
                : Optional.of(new Flag("orgNameTh", Rules.NAME_AS_REGISTERED, "the source names the organization "
                        + given + "; the registry's name " + organization.nameTh() + " is used"));
    }

    private static boolean names(LevelBand band, String reported) {
        return reported.equals(band.nameTh()) || reported.equalsIgnoreCase(band.nameEn())
                || reported.equalsIgnoreCase(band.code());
    }

    private ScoreSubmission build(RawSubmission raw, Organization organization, Methodology methodology,
                                  Optional<Long> revision, Map<Integer, BigDecimal> indicators, List<ItemScore> items,
                                  Optional<BigDecimal> reportedTotal, List<Flag> flags, ScoreCard card) {
        long now = clock.millis();
        return ScoreSubmission.newBuilder()
                .setSubmissionId(ids.get().toString())
                .setOrgCode(organization.code())
                .setOrgNameTh(organization.nameTh())
                .setOrgType(organization.type())
                .setDistrictCode(organization.districtCode())
                .setProvinceCode(organization.provinceCode())
                .setFiscalYear(methodology.fiscalYear())
                .setRevision(revision.orElse(now))
                .setIndicators(indicators.entrySet().stream()
                        .map(entry -> new IndicatorScore(entry.getKey(), entry.getValue())).toList())
                .setItems(items)
                .setReportedTotal(reportedTotal.orElse(null))
                .setReportedLevel(isBlank(raw.reportedLevel()) ? null : raw.reportedLevel().strip())
                .setSource(raw.source())
                .setSourceReference(raw.sourceReference())
                .setSubmittedAt(java.time.Instant.ofEpochMilli(now))
                .setFlags(flags)
                // Scored once, here: every service downstream reads the card (docs/schemas-and-topics.md).
                .setCard(SubmissionScores.computed(card))
                .build();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
