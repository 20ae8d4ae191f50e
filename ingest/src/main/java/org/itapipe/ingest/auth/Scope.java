package org.itapipe.ingest.auth;

import java.util.Locale;
import org.itapipe.schemas.avro.ScoreSubmission;

/**
 * Which organizations an API key may submit for: one organization, every organization of a district or of a
 * province, or all (national). Written {@code organization:6190803}, {@code district:1908}, {@code province:19},
 * {@code national}.
 */
public sealed interface Scope {

    boolean covers(ScoreSubmission submission);

    String text();

    record Organization(String code) implements Scope {
        public boolean covers(ScoreSubmission submission) {
            return submission.getOrgCode().equals(code);
        }

        public String text() {
            return "organization:" + code;
        }
    }

    record District(String code) implements Scope {
        public boolean covers(ScoreSubmission submission) {
            return submission.getDistrictCode().equals(code);
        }

        public String text() {
            return "district:" + code;
        }
    }

    record Province(String code) implements Scope {
        public boolean covers(ScoreSubmission submission) {
            return submission.getProvinceCode().equals(code);
        }

        public String text() {
            return "province:" + code;
        }
    }

    record National() implements Scope {
        public boolean covers(ScoreSubmission submission) {
            return true;
        }

        public String text() {
            return "national";
        }
    }

    static Scope parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("national")) {
            return new National();
        }
        String[] parts = value.split(":", 2);
        if (parts.length == 2 && parts[1].matches("\\d+")) {
            switch (parts[0]) {
                case "organization":
                    return new Organization(parts[1]);
                case "district":
                    if (parts[1].length() == 4) {
                        return new District(parts[1]);
                    }
                    break;
                case "province":
                    if (parts[1].length() == 2) {
                        return new Province(parts[1]);
                    }
                    break;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("scope '" + text + "' must be organization:<code>, district:<4 digits>, "
                + "province:<2 digits> or national");
    }
}
