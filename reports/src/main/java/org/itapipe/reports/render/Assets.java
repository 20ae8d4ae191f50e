package org.itapipe.reports.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The files pages load (assets/: the Sarabun font and its licence, the province outlines), and the CSS that
 * declares the font: linked for served pages, embedded for a report written to a file or printed, so that a saved
 * report carries its font.
 */
public final class Assets {

    public static final String DIRECTORY = "/org/itapipe/reports/assets/";
    private static final List<String[]> FONTS = List.of(new String[] {"Sarabun-Regular.ttf", "400"},
            new String[] {"Sarabun-Bold.ttf", "700"});

    private Assets() {
    }

    /** {@code @font-face} rules whose sources are under {@code base} (a served page: "/assets/"). */
    public static String linkedFonts(String base) {
        StringBuilder css = new StringBuilder();
        FONTS.forEach(font -> css.append(fontFace("url('" + base + font[0] + "') format('truetype')", font[1])));
        return css.toString();
    }

    /** {@code @font-face} rules with the fonts inside, as data URLs. */
    public static String embeddedFonts() {
        StringBuilder css = new StringBuilder();
        FONTS.forEach(font -> css.append(fontFace("url(data:font/ttf;base64,"
                + Base64.getEncoder().encodeToString(read(font[0]).orElseThrow()) + ") format('truetype')", font[1])));
        return css.toString();
    }

    private static String fontFace(String source, String weight) {
        return "@font-face { font-family: Sarabun; src: " + source + "; font-weight: " + weight + "; }\n";
    }

    /** An asset's bytes, or empty when there is no such asset. */
    public static Optional<byte[]> read(String name) {
        if (name.contains("/") || name.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = Assets.class.getResourceAsStream(DIRECTORY + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset " + name, e);
        }
    }
}
