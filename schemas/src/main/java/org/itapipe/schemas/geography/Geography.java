package org.itapipe.schemas.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private static final String ALIASES = "subdistrict-aliases.csv";
    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /** A name that documents use for a subdistrict of a district, and why it is taken to mean that subdistrict. */
    private record Alias(String nameTh, String districtCode, String subdistrictCode, String evidence) {
    }

    private final Map<String, Province> provinces;
    private final Map<String, District> districts;
    private final Map<String, Subdistrict> subdistricts;
    private final List<Alias> aliases;

    private Geography(Map<String, Province> provinces, Map<String, District> districts,
                      Map<String, Subdistrict> subdistricts, List<Alias> aliases) {
        this.provinces = Collections.unmodifiableMap(provinces);
        this.districts = Collections.unmodifiableMap(districts);
        this.subdistricts = Collections.unmodifiableMap(subdistricts);
        this.aliases = List.copyOf(aliases);
    }

    private static final class Holder {
        private static final Geography THAILAND = load();
    }

    /** The shipped reference geography (loaded on first use, then shared). */
    public static Geography thailand() {
        return Holder.THAILAND;
    }

    private static Geography load() {
        try (Reader places = resource(RESOURCE); Reader aliases = resource(ALIASES)) {
            return read(places, aliases);
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

    static Geography read(Reader csv, Reader aliasCsv) throws IOException {
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
        List<Alias> aliases = new ArrayList<>();
        for (CSVRecord row : WITH_HEADER.parse(aliasCsv)) {
            Alias alias = new Alias(row.get("alias_th"), row.get("district_code"), row.get("subdistrict_code"),
                    row.get("evidence"));
            if (!subdistricts.containsKey(alias.subdistrictCode())
                    || !alias.subdistrictCode().startsWith(alias.districtCode())) {
                throw new IllegalStateException("alias " + alias.nameTh() + " points to unknown subdistrict "
                        + alias.subdistrictCode() + " of district " + alias.districtCode());
            }
            aliases.add(alias);
        }
        return new Geography(provinces, districts, subdistricts, aliases);
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

    /**
     * The subdistrict that Thai place names as a document writes them designate, e.g. ตำบลบ้านกลับ, อำเภอหนองโดน,
     * จังหวัดสระบุรี (prefixes such as ตำบล/อำเภอ/จังหวัด are ignored). Exact names are tried first, then the
     * documented aliases; empty when neither gives exactly one subdistrict.
     */
    public Optional<PlaceMatch> resolve(String subdistrictName, String districtName, String provinceName) {
        String wantedSubdistrict = ThaiPlaceNames.bare(subdistrictName);
        List<District> inDistrict = districts.values().stream()
                .filter(d -> ThaiPlaceNames.bare(d.nameTh()).equals(ThaiPlaceNames.bare(districtName)))
                .filter(d -> ThaiPlaceNames.bare(provinces.get(d.provinceCode()).nameTh())
                        .equals(ThaiPlaceNames.bare(provinceName)))
                .toList();
        List<Subdistrict> exact = inDistrict.stream()
                .flatMap(district -> subdistrictsOf(district.code()).stream())
                .filter(s -> ThaiPlaceNames.bare(s.nameTh()).equals(wantedSubdistrict))
                .toList();
        if (exact.size() == 1) {
            return Optional.of(new PlaceMatch(exact.get(0), Optional.empty()));
        }
        List<Alias> viaAlias = aliases.stream()
                .filter(alias -> alias.nameTh().equals(wantedSubdistrict))
                .filter(alias -> inDistrict.stream().anyMatch(d -> d.code().equals(alias.districtCode())))
                .toList();
        return viaAlias.size() == 1 && exact.isEmpty()
                ? Optional.of(new PlaceMatch(subdistricts.get(viaAlias.get(0).subdistrictCode()),
                        Optional.of(viaAlias.get(0).evidence())))
                : Optional.empty();
    }
}
