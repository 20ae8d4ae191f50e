package org.itapipe.reports.render;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Small charts drawn as SVG, so that pages show them as DOM (browser tests inspect them) and PDFs print them as
 * vectors. Every chart has a {@code <title>} for screen readers and a class naming what it shows.
 */
public final class Charts {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 160;
    private static final int BINS = 20;
    private static final double LOW = 50;

    private Charts() {
    }

    /**
     * A histogram of totals from 50 to 100 in bins of 2.5 points (totals below 50 count in the first bin), with a
     * line at {@code marker} when given.
     */
    public static String distribution(List<BigDecimal> totals, BigDecimal marker, String caption) {
        int[] counts = new int[BINS];
        for (BigDecimal total : totals) {
            counts[bin(total.doubleValue())]++;
        }
        int max = 1;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        double barWidth = (WIDTH - 40) / (double) BINS;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart distribution\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\"><title>%s</title>", WIDTH, HEIGHT + 24, Html.escape(caption)));
        for (int i = 0; i < BINS; i++) {
            double height = (HEIGHT - 10) * counts[i] / (double) max;
            double x = 30 + i * barWidth;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"%.1f\" data-count=\"%d\"><title>%.1f–%.1f: %d</title></rect>", x + 1,
                    HEIGHT - height, barWidth - 2, height, counts[i], LOW + i * 2.5, LOW + (i + 1) * 2.5, counts[i]));
        }
        for (int tick = 50; tick <= 100; tick += 10) {
            double x = 30 + (tick - LOW) / 2.5 * barWidth;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
                    + "font-size=\"11\">%d</text>", x, HEIGHT + 16, tick));
        }
        if (marker != null) {
            double x = 30 + (Math.max(LOW, marker.doubleValue()) - LOW) / 2.5 * barWidth;
            svg.append(String.format(Locale.ROOT, "<line class=\"marker\" x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%d\" "
                    + "stroke=\"#c0392b\" stroke-width=\"2\"/>", x, x, HEIGHT));
        }
        return svg.append("</svg>").toString();
    }

    private static int bin(double total) {
        return (int) Math.max(0, Math.min(BINS - 1, Math.floor((total - LOW) / 2.5)));
    }

    /** A colour from red (at or below 70) through yellow to green (100) for a total or a score. */
    public static String colour(BigDecimal score) {
        return colour(score, 70, 100);
    }

    /** A colour from red (at or below {@code low}) through yellow to green ({@code high} and above). */
    public static String colour(BigDecimal score, double low, double high) {
        if (score == null) {
            return "#eeeeee";
        }
        double t = Math.max(0, Math.min(1, (score.doubleValue() - low) / Math.max(0.01, high - low)));
        int red = t < 0.5 ? 220 : (int) (220 - (t - 0.5) * 2 * 170);
        int green = t < 0.5 ? (int) (80 + t * 2 * 120) : 200;
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, 80);
    }
}
