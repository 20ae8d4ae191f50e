package org.itapipe.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.itapipe.config.Connections;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.ScoreCard;
import org.itapipe.schemas.methodology.SubmissionScores;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The score card is part of the submission's contract (its {@code card} field, a BACKWARD-compatible addition): what
 * the validator computed comes back from the record unchanged, and a record written before the field existed is
 * scored on read to the same card.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ScoreCardInTheRecordTest {

    private static final Methodology FY2568 = MethodologyCatalog.builtIn().require(2568);

    @Test
    void theCardIsABackwardCompatibleAdditionThatTheRegistryAccepts(Connections connections) throws IOException {
        Schema published = published();
        Schema current = ScoreSubmission.getClassSchema();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, published).getType())
                .as("BACKWARD: the new reader reads every old record").isEqualTo(SchemaCompatibilityType.COMPATIBLE);

        SchemaRegistryClient registry = new SchemaRegistryClient(connections.registry());
        String subject = "score-card-evolution-" + UUID.randomUUID() + "-value";
        int before = registry.register(subject, published);
        assertThat(registry.isCompatible(subject, current)).as("under the registry's own rule").isTrue();
        assertThat(registry.register(subject, current)).isNotEqualTo(before);
    }

    @Test
    void theValidatorsCardComesBackFromTheRecordUnchanged() throws IOException {
        ScoreSubmission submission = SampleSubmissions.banKluai2568();
        ScoreCard card = FY2568.score(SubmissionScores.indicators(submission));
        submission.setCard(SubmissionScores.computed(card));

        ScoreSubmission read = roundTrip(submission, ScoreSubmission.getClassSchema());

        assertThat(read.getCard().getTotal()).isEqualByComparingTo("94.30");
        assertThat(read.getCard().getLevel()).isEqualTo(card.level().code());
        assertThat(read.getCard().getPassing()).isTrue();
        assertThat(read.getCard().getRecoverable()).hasSize(10);
        assertThat(SubmissionScores.card(read, FY2568)).isEqualTo(card);
    }

    @Test
    void aRecordWrittenBeforeTheCardIsScoredOnReadToTheSameCard() throws IOException {
        ScoreSubmission old = roundTrip(SampleSubmissions.banKluai2568(), published());

        assertThat(old.getCard()).as("no card in a record of the earlier schema").isNull();
        assertThat(SubmissionScores.card(old, FY2568))
                .isEqualTo(FY2568.score(SubmissionScores.indicators(old)))
                .extracting(ScoreCard::total).isEqualTo(new BigDecimal("94.30"));
    }

    /** Written with {@code writer}, read with the current schema, as a reader meets a record on the topic. */
    private static ScoreSubmission roundTrip(ScoreSubmission submission, Schema writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<ScoreSubmission>(writer, SpecificData.getForClass(ScoreSubmission.class)).write(submission, encoder);
        encoder.flush();
        return new SpecificDatumReader<ScoreSubmission>(writer, ScoreSubmission.getClassSchema(),
                SpecificData.getForClass(ScoreSubmission.class))
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    private static Schema published() throws IOException {
        try (InputStream in = ScoreCardInTheRecordTest.class.getResourceAsStream(
                "/org/itapipe/schemas/published/ScoreSubmission-1.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }
}
