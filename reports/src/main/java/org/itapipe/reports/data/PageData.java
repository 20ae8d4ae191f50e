package org.itapipe.reports.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.itapipe.schemas.avro.OrganizationType;

/** What the national and province pages read from ClickHouse, one record per kind of row. */
public final class PageData {

    private PageData() {
    }

    /** One organization's line in its province's comparison (v_province_comparison). */
    public record ProvinceRow(String code, String nameTh, OrganizationType type, String districtCode,
                              BigDecimal total, String levelTh, boolean passing, List<BigDecimal> indicators,
                              int rankInProvince, Integer rankInDistrict, int rankInTypeInProvince) {
    }

    /** An area's rollup figures (v_area_rollups). */
    public record AreaFigures(String areaCode, String orgType, int organizations, BigDecimal meanTotal,
                              BigDecimal medianTotal, int passing, int withOitAlert) {

        public double passingShare() {
            return organizations == 0 ? 0 : (double) passing / organizations;
        }
    }

    /** An organization's change of total against the year before (v_yoy_movers). */
    public record Mover(String code, String nameTh, BigDecimal total, BigDecimal previousTotal, BigDecimal delta) {
    }

    /** How many organizations have an OIT item at or below the alert threshold. */
    public record ItemCount(String itemCode, String nameTh, int organizations) {
    }

    /** An OIT alert that is open (v_alert_states). */
    public record OpenAlert(String orgCode, String orgNameTh, String itemCode, BigDecimal score, Instant since) {
    }

    /** Everything a province page shows for one year. */
    public record Province(String code, int fiscalYear, List<ProvinceRow> rows, List<AreaFigures> figures,
                           List<Mover> risers, List<Mover> fallers, List<ItemCount> failedItems,
                           List<OpenAlert> openAlerts, int openAlertCount) {
    }

    /** Everything the national page shows for one year: every province's figures and the country's per type. */
    public record National(int fiscalYear, List<AreaFigures> provinces, List<AreaFigures> types) {
    }
}
