package org.itapipe.schemas.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Thailand's provinces, districts and subdistricts with their official codes and names, from the data file shipped
 * in this package (its source and licence: SOURCE.md beside it). Loaded once; lookups are by code.
 */
public final class Geography {

    private static final String RESOURCE = "thailand-subdistricts.csv";
    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final Map<String, Province> provinces;
    private final Map<String, District> districts;
    private final Map<String, Subdistrict> subdistricts;

    private Geography(Map<String, Province> provinces, Map<String, District> districts,
                      Map<String, Subdistrict> subdistricts) {
        this.provinces = Collections.unmodifiableMap(provinces);
        this.districts = Collections.unmodifiableMap(districts);
        this.subdistricts = Collections.unmodifiableMap(subdistricts);
    }

    private static final class Holder {
        private static final Geography THAILAND = load();
    }

    /** The shipped reference geography (loaded on first use, then shared). */
    public static Geography thailand() {
        return Holder.THAILAND;
    }

    private static Geography load() {
        try (Reader places = resource(RESOURCE)) {
            return read(places);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference geography", e);
        }
    }

    private static Reader resource(String name) {
        InputStream in = Geography.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static Geography read(Reader csv) throws IOException {
        Map<String, Province> provinces = new LinkedHashMap<>();
        Map<String, District> districts = new LinkedHashMap<>();
        Map<String, Subdistrict> subdistricts = new LinkedHashMap<>();
        for (CSVRecord row : WITH_HEADER.parse(csv)) {
            String provinceCode = row.get("province_code");
            String districtCode = row.get("district_code");
            String subdistrictCode = row.get("subdistrict_code");
            provinces.putIfAbsent(provinceCode,
                    new Province(provinceCode, row.get("province_name_th"), row.get("province_name_en")));
            districts.putIfAbsent(districtCode, new District(districtCode, row.get("district_name_th"),
                    row.get("district_name_en"), provinceCode));
            Subdistrict previous = subdistricts.put(subdistrictCode, new Subdistrict(subdistrictCode,
                    row.get("subdistrict_name_th"), row.get("subdistrict_name_en"), districtCode, provinceCode));
            if (previous != null) {
                throw new IllegalStateException("subdistrict code " + subdistrictCode + " appears twice (line "
                        + row.getRecordNumber() + ")");
            }
            if (!districtCode.startsWith(provinceCode) || !subdistrictCode.startsWith(districtCode)) {
                throw new IllegalStateException("line " + row.getRecordNumber() + ": codes " + provinceCode + " > "
                        + districtCode + " > " + subdistrictCode + " do not nest");
            }
        }
        return new Geography(provinces, districts, subdistricts);
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    public Optional<District> district(String code) {
        return Optional.ofNullable(districts.get(code));
    }

    public Optional<Subdistrict> subdistrict(String code) {
        return Optional.ofNullable(subdistricts.get(code));
    }

    public Collection<Province> provinces() {
        return provinces.values();
    }

    public Collection<District> districts() {
        return districts.values();
    }

    public Collection<Subdistrict> subdistricts() {
        return subdistricts.values();
    }

    public List<District> districtsOf(String provinceCode) {
        return districts.values().stream().filter(district -> district.provinceCode().equals(provinceCode)).toList();
    }

    public List<Subdistrict> subdistrictsOfProvince(String provinceCode) {
        return subdistricts.values().stream()
                .filter(subdistrict -> subdistrict.provinceCode().equals(provinceCode)).toList();
    }

    public List<Subdistrict> subdistrictsOf(String districtCode) {
        return subdistricts.values().stream()
                .filter(subdistrict -> subdistrict.districtCode().equals(districtCode)).toList();
    }

    /** The province a document names, e.g. จังหวัดสระบุรี or สระบุรี. */
    public Optional<Province> provinceNamed(String name) {
        String wanted = ThaiPlaceNames.bare(name);
        return provinces.values().stream().filter(p -> ThaiPlaceNames.bare(p.nameTh()).equals(wanted)).findFirst();
    }

    /** The district of a province that a document names, e.g. อำเภอหนองโดน or หนองโดน. */
    public Optional<District> districtNamed(String provinceCode, String name) {
        String wanted = ThaiPlaceNames.bare(name);
        return districtsOf(provinceCode).stream().filter(d -> ThaiPlaceNames.bare(d.nameTh()).equals(wanted))
                .findFirst();
    }
}
