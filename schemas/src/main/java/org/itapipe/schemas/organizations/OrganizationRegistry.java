package org.itapipe.schemas.organizations;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.geography.Subdistrict;

/**
 * The organizations allowed to submit. No public list of Thailand's ~7,850 LAOs with official codes is at hand, so
 * the default is an honest stand-in: one subdistrict administrative organization per subdistrict outside Bangkok,
 * whose code is the subdistrict's official 6-digit code. A real list replaces it with {@link #fromCsv(Path, Geography)}.
 */
public final class OrganizationRegistry {

    private static final String SAO_PREFIX_TH = "องค์การบริหารส่วนตำบล";
    private static final String BANGKOK = "10";

    private final Map<String, Organization> byCode;

    private OrganizationRegistry(Map<String, Organization> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** One SAO per subdistrict outside Bangkok (Bangkok is governed by one special administration, not by LAOs). */
    public static OrganizationRegistry standIn(Geography geography) {
        Map<String, Organization> organizations = new LinkedHashMap<>();
        for (Subdistrict subdistrict : geography.subdistricts()) {
            if (subdistrict.provinceCode().equals(BANGKOK)) {
                continue;
            }
            String nameEn = subdistrict.nameEn().isBlank() ? ""
                    : subdistrict.nameEn() + " Subdistrict Administrative Organization";
            organizations.put(subdistrict.code(), new Organization(subdistrict.code(),
                    SAO_PREFIX_TH + subdistrict.nameTh(), nameEn,
                    OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION, subdistrict.code(),
                    subdistrict.districtCode(), subdistrict.provinceCode()));
        }
        return new OrganizationRegistry(organizations);
    }

    /**
     * A real list: CSV with header {@code org_code,org_name_th,org_name_en,org_type,subdistrict_code}, where
     * {@code org_type} is an {@link OrganizationType} name and the subdistrict code places the organization.
     */
    public static OrganizationRegistry fromCsv(Path file, Geography geography) {
        Map<String, Organization> organizations = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                Subdistrict place = geography.subdistrict(row.get("subdistrict_code")).orElseThrow(() ->
                        new IllegalArgumentException(file + " line " + row.getRecordNumber()
                                + ": subdistrict_code " + row.get("subdistrict_code") + " is not in the geography"));
                Organization organization = new Organization(row.get("org_code"), row.get("org_name_th"),
                        row.get("org_name_en"), OrganizationType.valueOf(row.get("org_type").toUpperCase(Locale.ROOT)),
                        place.code(), place.districtCode(), place.provinceCode());
                if (organizations.put(organization.code(), organization) != null) {
                    throw new IllegalArgumentException(file + " line " + row.getRecordNumber() + ": org_code "
                            + organization.code() + " appears twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the organization list " + file, e);
        }
        return new OrganizationRegistry(organizations);
    }

    public Optional<Organization> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<Organization> all() {
        return byCode.values();
    }

    /** The organization seated in a subdistrict, if the registry has exactly one there. */
    public Optional<Organization> seatedIn(String subdistrictCode) {
        var seated = byCode.values().stream().filter(org -> org.subdistrictCode().equals(subdistrictCode)).toList();
        return seated.size() == 1 ? Optional.of(seated.get(0)) : Optional.empty();
    }
}
