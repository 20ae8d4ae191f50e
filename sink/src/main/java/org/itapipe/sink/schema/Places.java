package org.itapipe.sink.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.itapipe.schemas.geography.District;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.geography.Province;

/**
 * Loads the {@code places} table (migration V005) from the reference geography: 77 provinces and 928 districts with
 * their Thai and English names, so that analysts can ask by name. Each load is a new version; the view reads the
 * latest, so loading again at every start is harmless and picks up corrected names.
 */
public final class Places {

    private Places() {
    }

    public static void load(Connection connection, Geography geography) throws SQLException {
        long version = System.currentTimeMillis();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO places (level, code, name_th, "
                + "name_en, province_code, _version) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Province province : geography.provinces()) {
                add(insert, "PROVINCE", province.code(), province.nameTh(), province.nameEn(), province.code(),
                        version);
            }
            for (District district : geography.districts()) {
                add(insert, "DISTRICT", district.code(), district.nameTh(), district.nameEn(),
                        district.provinceCode(), version);
            }
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, String level, String code, String nameTh, String nameEn,
                            String provinceCode, long version) throws SQLException {
        insert.setString(1, level);
        insert.setString(2, code);
        insert.setString(3, nameTh);
        insert.setString(4, nameEn == null ? "" : nameEn);
        insert.setString(5, provinceCode);
        insert.setLong(6, version);
        insert.addBatch();
    }
}
