package org.itapipe.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.itapipe.config.RegistrySettings;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.junit.jupiter.api.Test;

class DeadLetterOnDeserializationErrorTest {

    private static final ConsumerRecord<byte[], byte[]> RECORD = new ConsumerRecord<>("ita.submissions.v1", 1, 42,
            "6190803".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 7, 1});

    private final DeadLetterOnDeserializationError handler = new DeadLetterOnDeserializationError();

    DeadLetterOnDeserializationErrorTest() {
        Serializer<DeadLetter> serializer = (topic, letter) -> letter.toString().getBytes(StandardCharsets.UTF_8);
        handler.configure(Map.of(DeadLetterOnDeserializationError.SERIALIZER_CONFIG, serializer));
    }

    @Test
    void anUndecodableRecordGoesToTheDeadLettersAndProcessingResumes() {
        Response response = handler.handleError(CONTEXT, RECORD, new SerializationException("unknown magic byte"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo("ita.dead-letters.v1");
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("ita.submissions.v1/1/42");
        });
    }

    @Test
    void aRecordTheUnreachableRegistryCannotDecodeIsNoDeadLetterButReadAgain() {
        SchemaRegistryClient unreachable = new SchemaRegistryClient(RegistrySettings.of("http://127.0.0.1:1"),
                new SchemaRegistryClient.RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(200)));
        RuntimeException registryDown;
        try {
            unreachable.schemaById(7);
            throw new AssertionError("nothing listens on port 1");
        } catch (RuntimeException e) {
            registryDown = e;
        }

        Response response = handler.handleError(CONTEXT, RECORD,
                new SerializationException("record names schema id 7, which the registry cannot provide", registryDown));

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private static final ErrorHandlerContext CONTEXT = new ErrorHandlerContext() {
        @Override
        public String topic() {
            return RECORD.topic();
        }

        @Override
        public int partition() {
            return RECORD.partition();
        }

        @Override
        public long offset() {
            return RECORD.offset();
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "submissions";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 1);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return RECORD.key();
        }

        @Override
        public byte[] sourceRawValue() {
            return RECORD.value();
        }
    };
}
