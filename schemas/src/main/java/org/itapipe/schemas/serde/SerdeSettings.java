package org.itapipe.schemas.serde;

/**
 * How a serde uses the registry. {@code autoRegister}: the serializer registers its schema under the subject on
 * first use (the demo); off, it only looks the schema up and fails if it was not registered beforehand (production,
 * where schemas are registered by a deployment step). Subjects follow Confluent's TopicNameStrategy:
 * {@code <topic>-value} and {@code <topic>-key}.
 */
public record SerdeSettings(boolean autoRegister, boolean forKey) {

    public static final SerdeSettings PRODUCTION_VALUES = new SerdeSettings(false, false);

    public static SerdeSettings values(boolean autoRegister) {
        return new SerdeSettings(autoRegister, false);
    }

    public String subject(String topic) {
        return topic + (forKey ? "-key" : "-value");
    }
}
