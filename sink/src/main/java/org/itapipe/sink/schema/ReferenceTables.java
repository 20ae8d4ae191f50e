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
import org.itapipe.sink.load.Row;
import org.itapipe.sink.load.Table;
import org.itapipe.sink.load.Tables;

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
        List<Row> places = new ArrayList<>();
        for (Province province : geography.provinces()) {
            places.add(new Row(Tables.PLACES, new Object[] {"PROVINCE", province.code(), province.nameTh(),
                orEmpty(province.nameEn()), province.code(), version}));
        }
        for (District district : geography.districts()) {
            places.add(new Row(Tables.PLACES, new Object[] {"DISTRICT", district.code(), district.nameTh(),
                orEmpty(district.nameEn()), district.provinceCode(), version}));
        }
        insert(connection, Tables.PLACES, places);
        List<Row> items = new ArrayList<>();
        for (int year : methodologies.years()) {
            Methodology methodology = methodologies.require(year);
            for (Indicator indicator : methodology.indicators()) {
                for (Item item : indicator.items()) {
                    items.add(new Row(Tables.ITEMS, new Object[] {year, item.code(), indicator.number(),
                        methodology.isOitItem(item.code()) ? 1 : 0, item.nameTh(), item.nameEn(), version}));
                }
            }
        }
        insert(connection, Tables.ITEMS, items);
    }

    private static String orEmpty(String name) {
        return name == null ? "" : name;
    }

    private static void insert(Connection connection, Table table, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(table.insertSql())) {
            for (Row row : rows) {
                row.bind(insert);
            }
            insert.executeBatch();
        }
    }
}
