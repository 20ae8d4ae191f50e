package org.itapipe.notifier;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.itapipe.config.ConfigException;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.OrganizationType;

/**
 * Which alerts a destination receives: an area ({@code national}, {@code province:<code>}, {@code district:<code>},
 * {@code org:<code>}), optionally only some organization types, and optionally only items that fell (an OPEN alert
 * whose previous score was above the threshold; a resolution is always delivered, as good news for whoever saw it).
 */
public record AlertScope(Area area, String code, Set<OrganizationType> types, boolean onlyFell) {

    /** The kinds of area a scope names. */
    public enum Area { NATIONAL, PROVINCE, DISTRICT, ORGANIZATION }

    public static final AlertScope NATIONAL = new AlertScope(Area.NATIONAL, "", EnumSet.allOf(OrganizationType.class),
            false);

    /**
     * @param scope    {@code national} (default when null), {@code province:19}, {@code district:1908}, {@code org:6190803}
     * @param types    comma-separated {@link OrganizationType} names; null for all
     * @param severity {@code any} (default when null) or {@code fell}
     * @param setting  the setting's name, for errors
     */
    public static AlertScope parse(String scope, String types, String severity, String setting) {
        String text = scope == null ? "national" : scope.strip().toLowerCase(Locale.ROOT);
        Area area;
        String code = "";
        if (text.equals("national")) {
            area = Area.NATIONAL;
        } else if (text.matches("province:\\d{2}")) {
            area = Area.PROVINCE;
        } else if (text.matches("district:\\d{4}")) {
            area = Area.DISTRICT;
        } else if (text.matches("org:\\d{7}")) {
            area = Area.ORGANIZATION;
        } else {
            throw new ConfigException(setting + ".scope '" + scope + "' is not national, province:<2 digits>, "
                    + "district:<4 digits> or org:<7 digits>");
        }
        if (area != Area.NATIONAL) {
            code = text.substring(text.indexOf(':') + 1);
        }
        return new AlertScope(area, code, types(types, setting), onlyFell(severity, setting));
    }

    private static Set<OrganizationType> types(String types, String setting) {
        if (types == null || types.isBlank()) {
            return EnumSet.allOf(OrganizationType.class);
        }
        Set<OrganizationType> chosen = EnumSet.noneOf(OrganizationType.class);
        for (String name : types.split(",")) {
            try {
                chosen.add(OrganizationType.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(setting + ".types: '" + name.strip() + "' is not one of "
                        + Arrays.toString(OrganizationType.values()));
            }
        }
        return chosen;
    }

    private static boolean onlyFell(String severity, String setting) {
        String text = severity == null ? "any" : severity.strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "any" -> false;
            case "fell" -> true;
            default -> throw new ConfigException(setting + ".severity '" + severity + "' is any or fell");
        };
    }

    /** Whether the alert is this scope's; {@code typeOf} tells an organization's type. */
    public boolean includes(OitAlert alert, Function<String, OrganizationType> typeOf) {
        boolean inArea = switch (area) {
            case NATIONAL -> true;
            case PROVINCE -> alert.getProvinceCode().equals(code);
            case DISTRICT -> alert.getDistrictCode().equals(code);
            case ORGANIZATION -> alert.getOrgCode().equals(code);
        };
        return inArea && types.contains(typeOf.apply(alert.getOrgCode()))
                && (!onlyFell || alert.getState() != AlertState.OPEN || alert.getFell());
    }

    @Override
    public String toString() {
        return area == Area.NATIONAL ? "national" : area.name().toLowerCase(Locale.ROOT).replace("organization", "org")
                + ":" + code;
    }
}
