package org.itapipe.schemas.organizations;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A name that a published document uses for an organization of a district where no organization has that name, and
 * the evidence that it means {@code orgCode} (organization-aliases.csv). Documents are never corrected silently: a
 * record resolved this way carries the evidence as a flag.
 */
record OrganizationAlias(String nameTh, String districtCode, String orgCode, String evidence) {

    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /** Reads the aliases; one that points to an organization the registry lacks, or elsewhere, fails the load. */
    static List<OrganizationAlias> read(Reader csv, Map<String, Organization> organizations) throws IOException {
        List<OrganizationAlias> aliases = new ArrayList<>();
        for (CSVRecord row : WITH_HEADER.parse(csv)) {
            OrganizationAlias alias = new OrganizationAlias(row.get("alias_name_th"), row.get("district_code"),
                    row.get("org_code"), row.get("evidence"));
            Organization target = organizations.get(alias.orgCode());
            if (target == null || !target.districtCode().equals(alias.districtCode())) {
                throw new IllegalStateException("alias " + alias.nameTh() + " points to " + alias.orgCode()
                        + ", which is not an organization of district " + alias.districtCode());
            }
            aliases.add(alias);
        }
        return aliases;
    }
}
