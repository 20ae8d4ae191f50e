package org.itapipe.service;

/** One thing a service needs in order to do its job (Kafka, ClickHouse, its own loop), asked on every /health. */
@FunctionalInterface
public interface HealthCheck {

    Health check();

    /** UP, or DOWN with a one-line reason an operator can act on. */
    record Health(boolean up, String detail) {

        public static Health ok() {
            return new Health(true, "");
        }

        public static Health down(String detail) {
            return new Health(false, detail);
        }

        public static Health of(boolean up, String detailWhenDown) {
            return up ? ok() : down(detailWhenDown);
        }
    }
}
