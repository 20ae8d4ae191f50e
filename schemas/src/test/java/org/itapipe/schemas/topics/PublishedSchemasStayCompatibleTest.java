package org.itapipe.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.itapipe.schemas.avro.OitAlert;
import org.junit.jupiter.api.Test;

/**
 * Every schema evolution is checked against what was published before it, under the registry's rule (BACKWARD: a
 * new reader reads every old record).
 * A published version is kept in {@code org/itapipe/schemas/published/<Name>-<n>.avsc}.
 */
class PublishedSchemasStayCompatibleTest {

    @Test
    void oitAlertWithWithdrawnReadsEveryEarlierAlertAndReadsAStateItDoesNotKnowAsResolved() throws IOException {
        Schema published = published("OitAlert-1.avsc");
        Schema current = OitAlert.getClassSchema();

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, published).getType())
                .as("BACKWARD").isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        Schema state = current.getField("state").schema();
        assertThat(state.getEnumDefault()).as("the default that keeps the next new state readable")
                .isEqualTo("RESOLVED");
        Schema nextState = Schema.createEnum("AlertState", null, state.getNamespace(),
                java.util.List.of("OPEN", "RESOLVED", "WITHDRAWN", "SOME_LATER_STATE"));
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(state, nextState).getType())
                .as("FORWARD from now on").isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    private static Schema published(String name) throws IOException {
        try (InputStream in = PublishedSchemasStayCompatibleTest.class.getResourceAsStream(
                "/org/itapipe/schemas/published/" + name)) {
            return new Schema.Parser().parse(in);
        }
    }
}
