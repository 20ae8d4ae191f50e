package org.itapipe.schemas.methodology;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.itapipe.config.ClasspathDirectory;

/**
 * What to publish to fix an OIT item: one short Thai action per item and fiscal year, kept as data beside the
 * methodology ({@code ita-<year>-actions.json}). Reports and alert messages show it next to the item's name.
 */
public final class SuggestedActions {

    private static final String RESOURCE_DIRECTORY = "org/itapipe/schemas/methodology";
    private static final Pattern FILE_NAME = Pattern.compile("ita-(\\d{4})-actions\\.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's content. */
    record YearActions(@JsonProperty("fiscalYear") int fiscalYear, @JsonProperty("about") String about,
                       @JsonProperty("actions") Map<String, String> actions) {
    }

    private final Map<Integer, Map<String, String>> byYear;

    private SuggestedActions(Map<Integer, Map<String, String>> byYear) {
        this.byYear = Map.copyOf(byYear);
    }

    /** Every built-in {@code ita-<year>-actions.json}. */
    public static SuggestedActions builtIn() {
        Map<Integer, Map<String, String>> years = new HashMap<>();
        for (Path file : ClasspathDirectory.files(RESOURCE_DIRECTORY)) {
            if (FILE_NAME.matcher(file.getFileName().toString()).matches()) {
                YearActions year = read(file);
                years.put(year.fiscalYear(), Map.copyOf(year.actions()));
            }
        }
        return new SuggestedActions(years);
    }

    private static YearActions read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readValue(in, YearActions.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suggested actions " + file, e);
        }
    }

    /** The suggested action for an item of a year, where one is written down. */
    public Optional<String> forItem(int fiscalYear, String itemCode) {
        return Optional.ofNullable(byYear.getOrDefault(fiscalYear, Map.of()).get(itemCode));
    }
}
