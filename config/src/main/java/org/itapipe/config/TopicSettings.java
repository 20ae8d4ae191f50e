package org.itapipe.config;

/**
 * How the services create the pipeline's topics when they are missing: {@code topics.replication-factor} (1; set 3
 * on a three-broker cluster) and {@code topics.partitions} (3; every topic gets the same number, which the streams
 * topology's joins need). Topics that exist are left as they are.
 */
public record TopicSettings(short replicationFactor, int partitions) {

    public static final String REPLICATION_FACTOR = "topics.replication-factor";
    public static final String PARTITIONS = "topics.partitions";
    /** One broker, three partitions: the embedded stack and the tests. */
    public static final TopicSettings SINGLE_BROKER = new TopicSettings((short) 1, 3);

    public TopicSettings {
        if (replicationFactor < 1) {
            throw new ConfigException(REPLICATION_FACTOR + " must be at least 1, not " + replicationFactor);
        }
        if (partitions < 1) {
            throw new ConfigException(PARTITIONS + " must be at least 1, not " + partitions);
        }
    }

    public static TopicSettings from(ConfigSource config) {
        return new TopicSettings((short) wholeNumber(config, REPLICATION_FACTOR, SINGLE_BROKER.replicationFactor()),
                wholeNumber(config, PARTITIONS, SINGLE_BROKER.partitions()));
    }

    private static int wholeNumber(ConfigSource config, String key, int fallback) {
        String text = config.get(key, Integer.toString(fallback)).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": '" + text + "' is not a whole number");
        }
    }
}
