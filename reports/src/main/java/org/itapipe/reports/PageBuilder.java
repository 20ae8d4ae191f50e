package org.itapipe.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.itapipe.reports.data.PageData;
import org.itapipe.reports.data.PageData.AreaFigures;
import org.itapipe.reports.data.PageData.ProvinceRow;
import org.itapipe.reports.model.AnalysisReportBuilder;
import org.itapipe.reports.model.Labels;
import org.itapipe.reports.render.Charts;
import org.itapipe.reports.render.Maps;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.geography.District;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.geography.Province;
import org.itapipe.schemas.organizations.Organization;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.schemas.organizations.OrganizationTypes;

/** The template scopes of the national and province pages: rows, filters, charts and maps, formatted. */
public final class PageBuilder {

    /** What the province page shows of its organizations; empty parts mean all. */
    public record Filter(Optional<String> districtCode, Optional<OrganizationType> type, Optional<Boolean> passing) {

        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), Optional.empty());

        boolean keeps(ProvinceRow row) {
            return districtCode.map(row.districtCode()::equals).orElse(true)
                    && type.map(t -> t == row.type()).orElse(true)
                    && passing.map(p -> p == row.passing()).orElse(true);
        }
    }

    private final Geography geography;
    private final OrganizationRegistry organizations;
    private final Maps maps;

    PageBuilder(Geography geography, OrganizationRegistry organizations, Maps maps) {
        this.geography = geography;
        this.organizations = organizations;
        this.maps = maps;
    }

    Map<String, Object> national(PageData.National national, List<Integer> years) {
        Map<String, Object> scope = new HashMap<>();
        int year = national.fiscalYear();
        scope.put("year", year);
        scope.put("years", yearOptions(years, year));
        Map<String, BigDecimal> means = new HashMap<>();
        List<Map<String, Object>> provinces = new ArrayList<>();
        for (AreaFigures figures : national.provinces()) {
            means.put(figures.areaCode(), figures.meanTotal());
            Map<String, Object> row = figureRow(figures);
            row.put("code", figures.areaCode());
            row.put("nameTh", provinceName(figures.areaCode()));
            row.put("link", "/provinces/" + figures.areaCode() + "?year=" + year);
            provinces.add(row);
        }
        scope.put("provinces", provinces);
        scope.put("types", national.types().stream().map(this::typeRow).toList());
        scope.put("map", maps.country(means, code -> "/provinces/" + code + "?year=" + year,
                "ค่าเฉลี่ยคะแนนรวมรายจังหวัด ปีงบประมาณ " + year));
        scope.put("attribution", Maps.ATTRIBUTION);
        scope.put("labels", Labels.TH);
        return scope;
    }

    Map<String, Object> province(PageData.Province province, Filter filter, List<Integer> years) {
        Map<String, Object> scope = new HashMap<>();
        int year = province.fiscalYear();
        String code = province.code();
        scope.put("code", code);
        scope.put("nameTh", provinceName(code));
        scope.put("year", year);
        scope.put("years", yearOptions(years, year));
        List<ProvinceRow> shown = province.rows().stream().filter(filter::keeps).toList();
        scope.put("rows", shown.stream().map(row -> organizationRow(row, year)).toList());
        scope.put("shown", shown.size());
        scope.put("organizations", province.rows().size());
        scope.put("districts", options(geography.districtsOf(code).stream()
                .filter(d -> province.rows().stream().anyMatch(r -> r.districtCode().equals(d.code())))
                .map(d -> new String[] {d.code(), d.nameTh()}).toList(), filter.districtCode().orElse("")));
        scope.put("types", options(province.rows().stream().map(ProvinceRow::type).distinct().sorted()
                .map(t -> new String[] {t.name(), typeName(t)}).toList(),
                filter.type().map(Enum::name).orElse("")));
        scope.put("passingOptions", options(List.of(new String[] {"yes", "ผ่าน (≥ 85)"},
                new String[] {"no", "ไม่ผ่าน"}), filter.passing().map(p -> p ? "yes" : "no").orElse("")));
        scope.put("figures", province.figures().stream().filter(f -> f.orgType().isEmpty()).findFirst()
                .map(this::figureRow).orElse(null));
        scope.put("typeFigures", province.figures().stream().filter(f -> !f.orgType().isEmpty())
                .map(this::typeRow).toList());
        scope.put("distribution", Charts.distribution(shown.stream().map(ProvinceRow::total).toList(), null,
                "การกระจายของคะแนนรวม"));
        Map<String, BigDecimal> totals = new HashMap<>();
        shown.forEach(row -> totals.put(row.code(), row.total()));
        List<Maps.Dot> dots = new ArrayList<>();
        for (ProvinceRow row : shown) {
            organizations.find(row.code()).flatMap(Organization::centre).ifPresent(centre -> dots.add(new Maps.Dot(
                    row.code(), row.nameTh(), centre.latitude(), centre.longitude(), row.total())));
        }
        scope.put("map", maps.province(code, dots, "ที่ตั้งขององค์กรปกครองส่วนท้องถิ่นที่ทราบพิกัด"));
        scope.put("placed", dots.size());
        scope.put("attribution", Maps.ATTRIBUTION);
        scope.put("risers", movers(province.risers(), year));
        scope.put("fallers", movers(province.fallers(), year));
        scope.put("failedItems", province.failedItems());
        scope.put("openAlerts", province.openAlerts().stream().map(alert -> Map.of("orgCode", alert.orgCode(),
                "orgNameTh", alert.orgNameTh(), "itemCode", alert.itemCode(),
                "score", AnalysisReportBuilder.format(alert.score()),
                "link", "/organizations/" + alert.orgCode() + "/" + year)).toList());
        scope.put("openAlertCount", province.openAlertCount());
        scope.put("csvLink", "/provinces/" + code + ".csv?year=" + year);
        scope.put("xlsxLink", "/provinces/" + code + ".xlsx?year=" + year);
        scope.put("labels", Labels.TH);
        return scope;
    }

    /** The province's rows as CSV for the office's own meetings: what the ranked table shows, one row each. */
    public static List<List<String>> csv(PageData.Province province, Geography geography) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("rank_in_province", "org_code", "org_name_th", "org_type",
                "district_code", "district_name_th", "total", "level_th", "passing", "rank_in_district",
                "rank_in_type_in_province"));
        for (int number = 1; number <= 10; number++) {
            header.add("ind_" + number);
        }
        rows.add(header);
        for (ProvinceRow row : province.rows()) {
            List<String> line = new ArrayList<>(List.of(Integer.toString(row.rankInProvince()), row.code(),
                    row.nameTh(), row.type().name(), row.districtCode(), geography.district(row.districtCode())
                            .map(District::nameTh).orElse(""), AnalysisReportBuilder.format(row.total()),
                    row.levelTh(), row.passing() ? "1" : "0",
                    row.rankInDistrict() == null ? "" : row.rankInDistrict().toString(),
                    Integer.toString(row.rankInTypeInProvince())));
            row.indicators().forEach(score -> line.add(AnalysisReportBuilder.format(score)));
            rows.add(line);
        }
        return rows;
    }

    private Map<String, Object> organizationRow(ProvinceRow row, int year) {
        Map<String, Object> line = new HashMap<>();
        line.put("rank", row.rankInProvince());
        line.put("code", row.code());
        line.put("nameTh", organizations.find(row.code()).map(Organization::shortNameTh).orElse(row.nameTh()));
        line.put("type", row.type().name());
        line.put("typeName", typeName(row.type()));
        line.put("districtNameTh", geography.district(row.districtCode()).map(District::nameTh).orElse(""));
        line.put("total", AnalysisReportBuilder.format(row.total()));
        line.put("levelTh", row.levelTh());
        line.put("passing", row.passing());
        line.put("rankInDistrict", row.rankInDistrict() == null ? "—" : row.rankInDistrict().toString());
        line.put("rankInType", row.rankInTypeInProvince());
        line.put("link", "/organizations/" + row.code() + "/" + year);
        line.put("cells", row.indicators().stream().map(score -> Map.of("score", AnalysisReportBuilder.format(score),
                "colour", Charts.colour(score))).toList());
        return line;
    }

    private Map<String, Object> figureRow(AreaFigures figures) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("organizations", figures.organizations());
        row.put("mean", AnalysisReportBuilder.format(figures.meanTotal()));
        row.put("median", AnalysisReportBuilder.format(figures.medianTotal()));
        row.put("passing", figures.passing());
        row.put("passingShare", String.format(Locale.ROOT, "%.1f", 100 * figures.passingShare()));
        row.put("withOitAlert", figures.withOitAlert());
        return row;
    }

    private Map<String, Object> typeRow(AreaFigures figures) {
        Map<String, Object> row = figureRow(figures);
        row.put("type", figures.orgType().isEmpty() ? "" : figures.orgType());
        row.put("typeName", figures.orgType().isEmpty() ? "ทุกประเภท"
                : typeName(OrganizationType.valueOf(figures.orgType())));
        return row;
    }

    private static List<Map<String, Object>> movers(List<PageData.Mover> movers, int year) {
        return movers.stream().map(mover -> Map.<String, Object>of("code", mover.code(), "nameTh", mover.nameTh(),
                "total", AnalysisReportBuilder.format(mover.total()),
                "previousTotal", AnalysisReportBuilder.format(mover.previousTotal()),
                "delta", (mover.delta().signum() > 0 ? "+" : "") + AnalysisReportBuilder.format(mover.delta()),
                "link", "/organizations/" + mover.code() + "/" + year)).toList();
    }

    private static List<Map<String, Object>> yearOptions(List<Integer> years, int selected) {
        return years.stream().map(y -> Map.<String, Object>of("value", y, "selected", y == selected)).toList();
    }

    private static List<Map<String, Object>> options(List<String[]> values, String selected) {
        return values.stream().map(v -> Map.<String, Object>of("value", v[0], "label", v[1],
                "selected", v[0].equals(selected))).toList();
    }

    private String provinceName(String code) {
        return geography.province(code).map(Province::nameTh).orElse(code);
    }

    private static String typeName(OrganizationType type) {
        return OrganizationTypes.of(type).nameTh();
    }
}
