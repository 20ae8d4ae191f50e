package org.itapipe.schemas.methodology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itapipe.config.ClasspathDirectory;
import java.util.stream.Stream;

/**
 * Every fiscal year the pipeline can score. Each year is one file {@code ita-<year>.json}: the built-in ones ship in
 * this package's resources, and a directory of extra or corrected files can be added at start. Every file is
 * validated when loaded; a broken file stops the start with every problem listed.
 */
public final class MethodologyCatalog {

    private static final String RESOURCE_DIRECTORY = "org/itapipe/schemas/methodology";
    private static final Pattern FILE_NAME = Pattern.compile("ita-(\\d{4})\\.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final SortedMap<Integer, Methodology> byYear;

    private MethodologyCatalog(SortedMap<Integer, Methodology> byYear) {
        this.byYear = Collections.unmodifiableSortedMap(byYear);
    }

    /** The fiscal years shipped with the pipeline. */
    public static MethodologyCatalog builtIn() {
        return new MethodologyCatalog(loadBuiltIn());
    }

    /** The built-in years, plus or replaced by the {@code ita-<year>.json} files of {@code directory}. */
    public static MethodologyCatalog builtInAnd(Path directory) {
        SortedMap<Integer, Methodology> years = loadBuiltIn();
        years.putAll(loadAll(directory));
        return new MethodologyCatalog(years);
    }

    public Optional<Methodology> forYear(int fiscalYear) {
        return Optional.ofNullable(byYear.get(fiscalYear));
    }

    /** The methodology of {@code fiscalYear}, or an error naming the years there are. */
    public Methodology require(int fiscalYear) {
        return forYear(fiscalYear).orElseThrow(() -> new MethodologyException("no methodology for fiscal year "
                + fiscalYear + "; known years: " + byYear.keySet() + " (add ita-" + fiscalYear + ".json)"));
    }

    public List<Integer> years() {
        return List.copyOf(byYear.keySet());
    }

    /** Reads and validates one file; the year in its name must match the year inside. */
    public static Methodology load(Path file) {
        Matcher name = FILE_NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new MethodologyException(file + ": methodology files are named ita-<fiscal year>.json");
        }
        Methodology methodology;
        try (InputStream in = Files.newInputStream(file)) {
            methodology = JSON.readValue(in, Methodology.class);
        } catch (IOException e) {
            throw new MethodologyException(file + " cannot be read: " + e.getMessage(), e);
        }
        List<String> problems = new java.util.ArrayList<>(MethodologyValidator.problems(methodology));
        if (methodology.fiscalYear() != Integer.parseInt(name.group(1))) {
            problems.add("fiscalYear: " + methodology.fiscalYear() + " does not match the file name");
        }
        if (!problems.isEmpty()) {
            throw MethodologyException.of(file.toString(), problems);
        }
        return methodology;
    }

    private static SortedMap<Integer, Methodology> loadAll(Path directory) {
        SortedMap<Integer, Methodology> years = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> FILE_NAME.matcher(file.getFileName().toString()).matches())
                    .map(MethodologyCatalog::load)
                    .forEach(methodology -> years.put(methodology.fiscalYear(), methodology));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list methodology files in " + directory, e);
        }
        return years;
    }

    /** Every built-in {@code ita-<year>.json} on the classpath. */
    private static SortedMap<Integer, Methodology> loadBuiltIn() {
        SortedMap<Integer, Methodology> years = new TreeMap<>();
        ClasspathDirectory.files(RESOURCE_DIRECTORY).stream()
                .filter(file -> FILE_NAME.matcher(file.getFileName().toString()).matches())
                .map(MethodologyCatalog::load)
                .forEach(methodology -> years.put(methodology.fiscalYear(), methodology));
        if (years.isEmpty()) {
            throw new MethodologyException("the built-in methodology files are missing from the classpath");
        }
        return years;
    }
}
