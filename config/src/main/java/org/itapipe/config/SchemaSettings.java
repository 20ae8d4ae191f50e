package org.itapipe.config;

/**
 * Whether a service registers the Avro schemas it writes ({@code schemas.auto-register}, default false): a demo or a
 * test on the embedded stack does; a deployment leaves it off and registers in a deployment step
 * ({@code itapipe schemas register}), so that no running service can change a subject's schema.
 */
public record SchemaSettings(boolean autoRegister) {

    public static final String AUTO_REGISTER = "schemas.auto-register";

    public static SchemaSettings from(ConfigSource config) {
        String text = config.get(AUTO_REGISTER, "false").strip();
        if (!text.equals("true") && !text.equals("false")) {
            throw new ConfigException(AUTO_REGISTER + ": '" + text + "' is not true or false");
        }
        return new SchemaSettings(Boolean.parseBoolean(text));
    }
}
