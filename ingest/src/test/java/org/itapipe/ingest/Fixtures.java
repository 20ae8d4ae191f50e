package org.itapipe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.itapipe.ingest.validation.SubmissionValidator;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.OrganizationRegistry;

/** Reference data and the validator, as the services build them, for tests. */
public final class Fixtures {

    public static final Geography GEOGRAPHY = Geography.thailand();
    public static final OrganizationRegistry ORGANIZATIONS = OrganizationRegistry.dla();
    public static final MethodologyCatalog METHODOLOGIES = MethodologyCatalog.builtIn();
    public static final Instant NOW = Instant.parse("2025-10-15T03:00:00Z");

    private Fixtures() {
    }

    public static SubmissionValidator validator() {
        return new SubmissionValidator(METHODOLOGIES, ORGANIZATIONS, Clock.fixed(NOW, ZoneOffset.UTC),
                UUID::randomUUID);
    }

    /** The real FY 2568 report shipped as a sample. */
    public static String seedReport() {
        try (InputStream in = Fixtures.class.getResourceAsStream(
                "/org/itapipe/schemas/samples/ban-kluai-2568-analysis.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid CSV header and one row for organization 6190803, FY 2568, with the seed's indicator scores. */
    public static String csv(String... rows) {
        StringBuilder csv = new StringBuilder("org_code,fiscal_year,revision,ind_1,ind_2,ind_3,ind_4,ind_5,ind_6,ind_7,"
                + "ind_8,ind_9,ind_10,o5,o25,reported_total,reported_level\n");
        for (String row : rows) {
            csv.append(row).append('\n');
        }
        return csv.toString();
    }

    public static String seedRow(String orgCode, String revision) {
        return orgCode + ",2568," + revision + ",100,100,100,100,100,99.33,99.33,99.33,82.50,90.00,50,10,94.30,ผ่านดี";
    }
}
