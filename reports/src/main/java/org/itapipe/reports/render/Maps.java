package org.itapipe.reports.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps drawn as SVG from the provinces' simplified outlines (assets/thailand-province-outlines.json, © OpenStreetMap
 * contributors, ODbL): the country shaded by a figure per province, and one province with its organizations as dots.
 * Longitude is scaled by the cosine of the middle latitude, which is accurate enough at Thailand's latitudes.
 */
public final class Maps {

    public static final String ATTRIBUTION = "© OpenStreetMap contributors";
    private static final String OUTLINES = "/org/itapipe/reports/assets/thailand-province-outlines.json";

    /** An organization placed on a province map. */
    public record Dot(String code, String name, double latitude, double longitude, BigDecimal total) {
    }

    private record Outline(String code, String nameTh, double[] bbox, List<double[]> rings) {
    }

    private final Map<String, Outline> outlines;

    private Maps(Map<String, Outline> outlines) {
        this.outlines = outlines;
    }

    public static Maps load() {
        try (InputStream in = Maps.class.getResourceAsStream(OUTLINES)) {
            if (in == null) {
                throw new IllegalStateException(OUTLINES + " is missing from the classpath");
            }
            Map<String, Outline> outlines = new LinkedHashMap<>();
            for (JsonNode province : new ObjectMapper().readTree(in).get("provinces")) {
                List<double[]> rings = new ArrayList<>();
                province.get("rings").forEach(ring -> {
                    double[] points = new double[ring.size()];
                    for (int i = 0; i < ring.size(); i++) {
                        points[i] = ring.get(i).asDouble();
                    }
                    rings.add(points);
                });
                JsonNode box = province.get("bbox");
                outlines.put(province.get("code").asText(), new Outline(province.get("code").asText(),
                        province.get("nameTh").asText(), new double[] {box.get(0).asDouble(), box.get(1).asDouble(),
                        box.get(2).asDouble(), box.get(3).asDouble()}, rings));
            }
            return new Maps(outlines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OUTLINES, e);
        }
    }

    /**
     * The country, each province filled by its figure on a scale from the lowest figure (red) to the highest (green),
     * so that differences of a point show, and linked to {@code link} of its code; a legend names both ends.
     */
    public String country(Map<String, BigDecimal> figureByProvince, Function<String, String> link, String caption) {
        double low = figureByProvince.values().stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double high = figureByProvince.values().stream().mapToDouble(BigDecimal::doubleValue).max().orElse(100);
        double[] box = {180, 90, -180, -90};
        outlines.values().forEach(outline -> extend(box, outline.bbox()));
        Projection projection = new Projection(box, 420);
        StringBuilder svg = projection.open("map country", caption);
        for (Outline outline : outlines.values()) {
            BigDecimal figure = figureByProvince.get(outline.code());
            svg.append("<a href=\"").append(Html.escape(link.apply(outline.code()))).append("\">")
                    .append("<path class=\"province\" data-code=\"").append(outline.code()).append("\" fill=\"")
                    .append(Charts.colour(figure, low, high)).append("\" stroke=\"#ffffff\" stroke-width=\"0.6\" d=\"")
                    .append(projection.path(outline.rings())).append("\"><title>").append(Html.escape(
                            outline.nameTh() + (figure == null ? "" : ": " + figure.toPlainString())))
                    .append("</title></path></a>");
        }
        svg.append(String.format(Locale.ROOT, "<g class=\"legend\" font-size=\"11\"><rect x=\"%.0f\" y=\"4\" "
                + "width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%.0f\" y=\"14\">%.2f</text><rect x=\"%.0f\" "
                + "y=\"22\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%.0f\" y=\"32\">%.2f</text></g>",
                projection.width - 60, Charts.colour(BigDecimal.valueOf(high), low, high), projection.width - 44, high,
                projection.width - 60, Charts.colour(BigDecimal.valueOf(low), low, high), projection.width - 44, low));
        return projection.close(svg);
    }

    /** One province's outline with its organizations as dots coloured by their totals. */
    public String province(String code, List<Dot> dots, String caption) {
        Outline outline = outlines.get(code);
        if (outline == null) {
            return "";
        }
        Projection projection = new Projection(outline.bbox(), 420);
        StringBuilder svg = projection.open("map province", caption);
        svg.append("<path class=\"outline\" fill=\"#f4f1ea\" stroke=\"#555555\" stroke-width=\"1\" d=\"")
                .append(projection.path(outline.rings())).append("\"/>");
        for (Dot dot : dots) {
            svg.append(String.format(Locale.ROOT, "<circle class=\"organization\" data-code=\"%s\" cx=\"%.1f\" "
                            + "cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"#333333\" stroke-width=\"0.5\"><title>%s</title>"
                            + "</circle>", dot.code(), projection.x(dot.longitude(), dot.latitude()),
                    projection.y(dot.latitude()), Charts.colour(dot.total()),
                    Html.escape(dot.name() + (dot.total() == null ? "" : ": " + dot.total().toPlainString()))));
        }
        return projection.close(svg);
    }

    private static void extend(double[] box, double[] other) {
        box[0] = Math.min(box[0], other[0]);
        box[1] = Math.min(box[1], other[1]);
        box[2] = Math.max(box[2], other[2]);
        box[3] = Math.max(box[3], other[3]);
    }

    /** Degrees to SVG units: longitude scaled by the cosine of the middle latitude, north up. */
    private static final class Projection {

        private final double[] box;
        private final double scale;
        private final double cos;
        private final double width;
        private final double height;

        Projection(double[] box, double height) {
            this.box = box;
            this.cos = Math.cos(Math.toRadians((box[1] + box[3]) / 2));
            this.scale = height / Math.max(1e-6, box[3] - box[1]);
            this.height = height;
            this.width = (box[2] - box[0]) * cos * scale;
        }

        double x(double longitude, double latitude) {
            return (longitude - box[0]) * cos * scale;
        }

        double y(double latitude) {
            return (box[3] - latitude) * scale;
        }

        String path(List<double[]> rings) {
            StringBuilder d = new StringBuilder();
            for (double[] ring : rings) {
                for (int i = 0; i + 1 < ring.length; i += 2) {
                    d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f,%.1f",
                            x(ring[i], ring[i + 1]), y(ring[i + 1])));
                }
                d.append('Z');
            }
            return d.toString();
        }

        StringBuilder open(String cssClass, String caption) {
            return new StringBuilder(String.format(Locale.ROOT, "<svg class=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
                    + "viewBox=\"-4 -4 %.0f %.0f\" role=\"img\"><title>%s</title>", cssClass, width + 8, height + 24,
                    Html.escape(caption)));
        }

        String close(StringBuilder svg) {
            return svg.append(String.format(Locale.ROOT, "<text class=\"attribution\" x=\"0\" y=\"%.0f\" "
                    + "font-size=\"10\" fill=\"#666666\">%s</text></svg>", height + 16, ATTRIBUTION)).toString();
        }
    }
}
