package org.itapipe.schemas.organizations;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.itapipe.schemas.geography.District;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.geography.Province;
import org.itapipe.schemas.organizations.Organization.Coordinates;

/**
 * The organizations allowed to submit: by default the Department of Local Administration's registry of 7,849 local
 * administrative organizations shipped in this package (its source and licence: SOURCE.md beside it), or a list of
 * the user's own in the same format ({@link #fromCsv}; docs/organizations.md). Every row is checked against the
 * reference geography when it is loaded, and any row that does not fit fails the load with its line: a code that is
 * not 7 digits or whose first digit is not its type's, a province that does not exist or is not the code's digits
 * 2-3, a district name that is not the name of the district the code's digits 2-5 give (for a provincial
 * administrative organization, whose code always names the capital district, and for other agencies: a district of
 * its province).
 */
public final class OrganizationRegistry {

    private static final String BUILT_IN = "dla-local-administrative-organizations.csv";
    private static final String ALIASES = "organization-aliases.csv";
    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).get();
    private static final Pattern DLA_CODE = Pattern.compile("\\d{7}");
    private static final List<String> REQUIRED_COLUMNS =
            List.of("dla_code", "type", "name_th", "province_code", "district_name_th");
    private static final int ERRORS_SHOWN = 10;

    private final Map<String, Organization> byCode;
    private final Map<String, List<Organization>> byDistrict;
    private final Map<String, List<Organization>> byProvince;
    private final List<OrganizationAlias> aliases;
    private final Geography geography;

    private OrganizationRegistry(Map<String, Organization> byCode, List<OrganizationAlias> aliases,
                                 Geography geography) {
        this.byCode = Collections.unmodifiableMap(byCode);
        this.byDistrict = byCode.values().stream().collect(Collectors.groupingBy(Organization::districtCode));
        this.byProvince = byCode.values().stream().collect(Collectors.groupingBy(Organization::provinceCode));
        this.aliases = List.copyOf(aliases);
        this.geography = geography;
    }

    private static final class Holder {
        private static final OrganizationRegistry DLA = loadBuiltIn(Geography.thailand());
    }

    /** The shipped DLA registry (loaded and checked on first use, then shared). */
    public static OrganizationRegistry dla() {
        return Holder.DLA;
    }

    private static OrganizationRegistry loadBuiltIn(Geography geography) {
        try (Reader rows = resource(BUILT_IN); Reader aliasRows = resource(ALIASES)) {
            Map<String, Organization> organizations = read(rows, BUILT_IN, geography);
            return new OrganizationRegistry(organizations, OrganizationAlias.read(aliasRows, organizations),
                    geography);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the organization registry", e);
        }
    }

    /**
     * A list of the user's own (another year's DLA file, or agencies beyond LAOs with type {@code other}): UTF-8 CSV
     * with the DLA file's header, {@code dla_code,type,name_th,province_code,district_name_th} and optionally
     * {@code center_lat,center_lon,area_km2}; other columns are ignored. No aliases apply to it.
     */
    public static OrganizationRegistry fromCsv(Path file, Geography geography) {
        try (Reader rows = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new OrganizationRegistry(read(rows, file.toString(), geography), List.of(), geography);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the organization list " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks every row; all problems are reported together, the first few with their lines. */
    static Map<String, Organization> read(Reader csv, String sourceName, Geography geography) throws IOException {
        Map<String, Organization> organizations = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        var parser = WITH_HEADER.parse(csv);
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(sourceName + ": missing columns " + missing + "; expected "
                    + String.join(",", REQUIRED_COLUMNS) + "[,center_lat,center_lon,area_km2]");
        }
        for (CSVRecord row : parser) {
            String where = sourceName + " line " + (row.getRecordNumber() + 1) + ": ";
            try {
                Organization organization = organization(row, geography);
                if (organizations.putIfAbsent(organization.code(), organization) != null) {
                    errors.add(where + "dla_code " + organization.code() + " appears twice");
                }
            } catch (IllegalArgumentException e) {
                errors.add(where + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.size() + " rows of " + sourceName + " do not fit the "
                    + "reference geography or the code rules:\n  " + String.join("\n  ",
                    errors.subList(0, Math.min(ERRORS_SHOWN, errors.size())))
                    + (errors.size() > ERRORS_SHOWN ? "\n  ... and " + (errors.size() - ERRORS_SHOWN) + " more" : ""));
        }
        return organizations;
    }

    private static Organization organization(CSVRecord row, Geography geography) {
        String code = row.get("dla_code");
        if (!DLA_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("dla_code '" + code + "' is not a 7-digit code");
        }
        OrganizationTypes type = OrganizationTypes.fromRegistryName(row.get("type")).orElseThrow(() ->
                new IllegalArgumentException("type '" + row.get("type") + "' is not one of "
                        + java.util.Arrays.stream(OrganizationTypes.values()).map(OrganizationTypes::registryName)
                        .toList()));
        if (!type.allowsCodeDigit(code.charAt(0))) {
            throw new IllegalArgumentException("dla_code " + code + " does not start with the digit of type "
                    + type.registryName());
        }
        String name = row.get("name_th");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name_th is empty");
        }
        String provinceCode = row.get("province_code");
        Province province = geography.province(provinceCode).orElseThrow(() ->
                new IllegalArgumentException("province_code '" + provinceCode + "' is not in the geography"));
        if (!code.startsWith(provinceCode, 1)) {
            throw new IllegalArgumentException("dla_code " + code + " digits 2-3 are not province_code "
                    + provinceCode);
        }
        String districtName = row.get("district_name_th");
        District district = type.codeNamesDistrict() ? codedDistrict(code, districtName, geography)
                : geography.districtNamed(provinceCode, districtName).orElseThrow(() -> new IllegalArgumentException(
                        "district_name_th '" + districtName + "' is not a district of " + province.nameTh()));
        return new Organization(code, type.type(), name.strip(), district.code(), provinceCode, centre(row),
                decimal(row, "area_km2"));
    }

    /** The district digits 2-5 of the code give, which must carry the name the row gives. */
    private static District codedDistrict(String code, String districtName, Geography geography) {
        String districtCode = code.substring(1, 5);
        District district = geography.district(districtCode).orElseThrow(() -> new IllegalArgumentException(
                "dla_code " + code + " digits 2-5 name district " + districtCode + ", which is not in the geography"));
        if (!district.nameTh().equals(districtName.strip())) {
            throw new IllegalArgumentException("district_name_th '" + districtName + "' is not the name of district "
                    + districtCode + " (" + district.nameTh() + ") that dla_code " + code + " digits 2-5 give");
        }
        return district;
    }

    /** The centre where both coordinates are given; 46 DLA rows give a latitude alone, which places nothing. */
    private static Optional<Coordinates> centre(CSVRecord row) {
        Optional<BigDecimal> latitude = decimal(row, "center_lat");
        Optional<BigDecimal> longitude = decimal(row, "center_lon");
        return latitude.isPresent() && longitude.isPresent()
                ? Optional.of(new Coordinates(latitude.get().doubleValue(), longitude.get().doubleValue()))
                : Optional.empty();
    }

    /** An optional number column; empty means unknown, never zero. */
    private static Optional<BigDecimal> decimal(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column) || row.get(column).isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(row.get(column).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + row.get(column) + "' is not a number");
        }
    }

    private static Reader resource(String name) {
        InputStream in = OrganizationRegistry.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    public Optional<Organization> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<Organization> all() {
        return byCode.values();
    }

    /** The organizations whose district is {@code districtCode}, provincial ones included (their seat). */
    public List<Organization> inDistrict(String districtCode) {
        return byDistrict.getOrDefault(districtCode, List.of());
    }

    public List<Organization> inProvince(String provinceCode) {
        return byProvince.getOrDefault(provinceCode, List.of());
    }

    /**
     * The organization a document names by its type (full prefix or abbreviation), name, district and province:
     * the registry's exact match, else a documented alias (organization-aliases.csv), else nothing, with the
     * candidates that were considered.
     */
    public Resolution resolve(String typeTh, String bareName, String districtName, String provinceName) {
        Optional<OrganizationTypes> type = OrganizationTypes.fromThaiPrefix(typeTh);
        String name = bareName == null ? "" : bareName.strip();
        String written = typeTh + name;
        Optional<Province> province = geography.provinceNamed(provinceName);
        if (province.isEmpty()) {
            return new Resolution.NotFound(written + ": no province is named " + provinceName, List.of());
        }
        if (type.filter(OrganizationTypes::servesWholeProvince).isPresent()) {
            List<Organization> pao = inProvince(province.get().code()).stream()
                    .filter(org -> !org.countsInDistrict()).toList();
            return pao.size() == 1 && pao.get(0).bareNameTh().equals(name) ? new Resolution.Found(pao.get(0),
                    Optional.empty()) : new Resolution.NotFound(written + " is not the provincial administrative "
                    + "organization of " + province.get().nameTh(), pao);
        }
        Optional<District> district = geography.districtNamed(province.get().code(), districtName);
        if (district.isEmpty()) {
            return new Resolution.NotFound(written + ": " + province.get().nameTh() + " has no district named "
                    + districtName, List.of());
        }
        List<Organization> candidates = inDistrict(district.get().code()).stream()
                .filter(Organization::countsInDistrict).toList();
        Optional<Organization> exact = candidates.stream()
                .filter(org -> type.map(OrganizationTypes::type).filter(t -> t == org.type()).isPresent())
                .filter(org -> org.bareNameTh().equals(name)).findFirst();
        if (exact.isPresent()) {
            return new Resolution.Found(exact.get(), Optional.empty());
        }
        String fullName = type.map(t -> t.fullNameTh(name)).orElse(written);
        return aliases.stream()
                .filter(alias -> alias.nameTh().equals(fullName) && alias.districtCode().equals(district.get().code()))
                .findFirst()
                .<Resolution>map(alias -> new Resolution.Found(byCode.get(alias.orgCode()),
                        Optional.of(alias.evidence())))
                .orElseGet(() -> new Resolution.NotFound("no organization of อำเภอ" + district.get().nameTh()
                        + " (" + district.get().code() + "), จังหวัด" + province.get().nameTh() + " is named "
                        + fullName, candidates));
    }

    /** What {@link #resolve} found. */
    public sealed interface Resolution {

        /** {@code aliasEvidence}: present when only a documented alias matched; callers flag it, never hide it. */
        record Found(Organization organization, Optional<String> aliasEvidence) implements Resolution {
        }

        record NotFound(String reason, List<Organization> candidates) implements Resolution {

            /** The reason and each candidate as {@code code name}, on one line. */
            public String message() {
                return candidates.isEmpty() ? reason : reason + "; candidates: " + candidates.stream()
                        .map(org -> org.code() + " " + org.nameTh()).collect(Collectors.joining(", "));
            }
        }
    }
}
