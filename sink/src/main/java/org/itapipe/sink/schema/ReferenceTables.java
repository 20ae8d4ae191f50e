package org.itapipe.sink.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.itapipe.schemas.geography.District;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.geography.Province;
import org.itapipe.schemas.methodology.Indicator;
import org.itapipe.schemas.methodology.Item;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;

/**
 * Loads the reference tables that the analyst views join names from, at every sink start: {@code places} (V005) from
 * the reference geography (77 provinces and 928 districts with their Thai and English names) and {@code items} (V007)
 * from the methodology files (every year's items with their indicator and names). Each load is a new version and the
 * views read the latest, so loading again is harmless and picks up corrected names.
 */
public final class ReferenceTables {

    private ReferenceTables() {
    }

    public static void load(Connection connection, Geography geography, MethodologyCatalog methodologies)
            throws SQLException {
        long version = System.currentTimeMillis();
        List<Object[]> places = new ArrayList<>();
        for (Province province : geography.provinces()) {
            places.add(new Object[] {"PROVINCE", province.code(), province.nameTh(), orEmpty(province.nameEn()),
                province.code(), version});
        }
        for (District district : geography.districts()) {
            places.add(new Object[] {"DISTRICT", district.code(), district.nameTh(), orEmpty(district.nameEn()),
                district.provinceCode(), version});
        }
        insert(connection, "INSERT INTO places (level, code, name_th, name_en, province_code, _version) "
                + "VALUES (?, ?, ?, ?, ?, ?)", places);
        List<Object[]> items = new ArrayList<>();
        for (int year : methodologies.years()) {
            Methodology methodology = methodologies.require(year);
            for (Indicator indicator : methodology.indicators()) {
                for (Item item : indicator.items()) {
                    items.add(new Object[] {year, item.code(), indicator.number(),
                        methodology.isOitItem(item.code()) ? 1 : 0, item.nameTh(), item.nameEn(), version});
                }
            }
        }
        insert(connection, "INSERT INTO items (fiscal_year, item_code, indicator, is_oit, name_th, name_en, _version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", items);
    }

    private static String orEmpty(String name) {
        return name == null ? "" : name;
    }

    private static void insert(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
