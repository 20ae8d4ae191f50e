package org.itapipe.schemas.organizations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.itapipe.schemas.avro.OrganizationType;

/**
 * What each {@link OrganizationType} is called, and how the Department of Local Administration (DLA) writes it: the
 * type's name in the registry file, the first digit of its 7-digit codes, and the Thai prefix that makes an
 * organization's full name (องค์การบริหารส่วนตำบล + บ้านกลับ). The Avro enum is the contract; this is its one table
 * of names.
 */
public enum OrganizationTypes {

    SAO(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION, "subdistrict_admin_org", '6',
            "องค์การบริหารส่วนตำบล", "อบต.", "Subdistrict Administrative Organization"),
    SUBDISTRICT_MUNICIPALITY(OrganizationType.SUBDISTRICT_MUNICIPALITY, "subdistrict_municipality", '5',
            "เทศบาลตำบล", "ทต.", "Subdistrict Municipality"),
    TOWN_MUNICIPALITY(OrganizationType.TOWN_MUNICIPALITY, "town_municipality", '4',
            "เทศบาลเมือง", "ทม.", "Town Municipality"),
    CITY_MUNICIPALITY(OrganizationType.CITY_MUNICIPALITY, "city_municipality", '3',
            "เทศบาลนคร", "ทน.", "City Municipality"),
    PAO(OrganizationType.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION, "provincial_admin_org", '2',
            "องค์การบริหารส่วนจังหวัด", "อบจ.", "Provincial Administrative Organization"),
    // Pattaya: its registry name (เมืองพัทยา) is already its full name; DLA numbers it among the city municipalities.
    SPECIAL(OrganizationType.SPECIAL_LOCAL_ADMINISTRATION, "special_admin_area", '3',
            "", "", "Special Local Administration"),
    OTHER(OrganizationType.OTHER, "other", '\0', "", "", "Other agency");

    private final OrganizationType type;
    private final String registryName;
    private final char codeDigit;
    private final String prefixTh;
    private final String abbreviationTh;
    private final String nameEn;

    OrganizationTypes(OrganizationType type, String registryName, char codeDigit, String prefixTh,
                      String abbreviationTh, String nameEn) {
        this.type = type;
        this.registryName = registryName;
        this.codeDigit = codeDigit;
        this.prefixTh = prefixTh;
        this.abbreviationTh = abbreviationTh;
        this.nameEn = nameEn;
    }

    public static OrganizationTypes of(OrganizationType type) {
        return Arrays.stream(values()).filter(t -> t.type == type).findFirst().orElseThrow();
    }

    /** The type as a registry file writes it ({@code subdistrict_admin_org}, ...), case-insensitive. */
    public static Optional<OrganizationTypes> fromRegistryName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.registryName.equals(wanted)).findFirst();
    }

    /** The type whose full-name prefix a document writes (เทศบาลตำบล...), or whose abbreviation (อบต., ทต., ...). */
    public static Optional<OrganizationTypes> fromThaiPrefix(String prefix) {
        String wanted = prefix == null ? "" : prefix.strip();
        return Arrays.stream(values()).filter(t -> !t.prefixTh.isEmpty())
                .filter(t -> t.prefixTh.equals(wanted) || t.abbreviationTh.equals(wanted)).findFirst();
    }

    public OrganizationType type() {
        return type;
    }

    public String registryName() {
        return registryName;
    }

    /**
     * Whether a DLA code of this type may start with {@code digit}; agencies beyond LAOs take any code. An อบต. that
     * became a เทศบาลตำบล keeps its code (6130408 and 6720123 in the DLA registry), so that type also takes a 6.
     */
    public boolean allowsCodeDigit(char digit) {
        return this == OTHER || digit == codeDigit || this == SUBDISTRICT_MUNICIPALITY && digit == SAO.codeDigit;
    }

    /** องค์การบริหารส่วนตำบล + บ้านกลับ; Pattaya and other agencies keep their registry name. */
    public String fullNameTh(String name) {
        return prefixTh + name;
    }

    /** อบต.บ้านกลับ: how documents and tables abbreviate the name. */
    public String shortNameTh(String name) {
        return abbreviationTh + name;
    }

    public String prefixTh() {
        return prefixTh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The type's Thai name: its prefix (องค์การบริหารส่วนตำบล, ...), or what DLA calls Pattaya's kind. */
    public String nameTh() {
        return switch (this) {
            case SPECIAL -> "ท้องถิ่นรูปแบบพิเศษ";
            case OTHER -> "หน่วยงานอื่น";
            default -> prefixTh;
        };
    }

    /**
     * Whether digits 2-5 of the organization's code are its district code. A provincial administrative
     * organization's code names the capital district whatever its seat; agencies beyond LAOs have codes of their own.
     */
    public boolean codeNamesDistrict() {
        return this != PAO && this != OTHER;
    }

    /** A provincial administrative organization serves its whole province: it counts in no district. */
    public boolean servesWholeProvince() {
        return this == PAO;
    }
}
