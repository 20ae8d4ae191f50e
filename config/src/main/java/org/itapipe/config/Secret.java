package org.itapipe.config;

/** A password or key that must never reach a log line: {@link #toString()} hides it. */
public record Secret(String value) {

    public static final Secret NONE = new Secret("");

    public Secret {
        value = value == null ? "" : value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return isEmpty() ? "" : "******";
    }
}
