package org.itapipe.streams;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON for the application's internal state (stores and repartition topics), which only this application reads.
 * Unlike the public topics these carry no registry id: a field added later reads as its default, unknown fields are
 * ignored, and decimals keep their digits (94.30 is written 94.30 and read back as a BigDecimal).
 */
public final class JsonSerde<T> extends Serdes.WrapperSerde<T> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JsonSerde(Class<T> type) {
        super(jsonWriter(), jsonReader(type));
    }

    private static <T> Serializer<T> jsonWriter() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return JSON.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
            }
        };
    }

    private static <T> Deserializer<T> jsonReader(Class<T> type) {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return JSON.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic, e);
            }
        };
    }
}
