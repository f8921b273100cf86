package com.erp.perf;

import java.util.List;
import java.util.Locale;

/** Small SVG line charts for report.html, so the report needs nothing but a browser. */
final class Charts {

    record Point(double x, double y) {
    }

    record Series(String name, String color, List<Point> points) {
    }

    private static final int W = 560;
    private static final int H = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;

    private Charts() {
    }

    /** A line chart; {@code logY} plots y on a log10 scale (latencies spread over orders of magnitude). */
    static String line(String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        double maxX = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::x).max().orElse(1);
        double maxY = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).max().orElse(1);
        double minY = logY ? Math.max(0.1, series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y)
                .filter(v -> v > 0).min().orElse(0.1)) : 0;
        double top = logY ? Math.pow(10, Math.ceil(Math.log10(Math.max(maxY, minY * 10)))) : niceCeil(maxY);
        double bottom = logY ? Math.pow(10, Math.floor(Math.log10(minY))) : 0;
        double right = niceCeil(maxX);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"11\">", W, H, W, H));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>",
                LEFT, esc(title)));
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        for (int i = 0; i <= 5; i++) {
            double fx = i / 5.0;
            double xv = right * fx;
            int px = LEFT + (int) (plotW * fx);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>", px, TOP, px, TOP + plotH));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, TOP + plotH + 15, num(xv)));
            double yv = logY ? bottom * Math.pow(top / bottom, fx) : top * fx;
            int py = TOP + plotH - (int) (plotH * fx);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>", LEFT, py, LEFT + plotW, py));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LEFT - 5, py + 4, num(yv)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", LEFT + plotW / 2, H - 8, esc(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s</text>",
                TOP + plotH / 2, TOP + plotH / 2, esc(yLabel + (logY ? " (log)" : ""))));
        int legend = 0;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (Point p : s.points()) {
                double fy = logY ? Math.log(Math.max(p.y(), bottom) / bottom) / Math.log(top / bottom) : p.y() / top;
                int px = LEFT + (int) (plotW * p.x() / right);
                int py = TOP + plotH - (int) (plotH * Math.min(1, fy));
                path.append(path.length() == 0 ? "M" : "L").append(px).append(' ').append(py).append(' ');
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"><title>%s: %s, %s</title></circle>",
                        px, py, s.color(), esc(s.name()), num(p.x()), num(p.y())));
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", path, s.color()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", LEFT + 10, TOP + 4 + legend * 14, s.color(), LEFT + 24,
                    TOP + 13 + legend * 14, esc(s.name())));
            legend++;
        }
        return svg.append("</svg>").toString();
    }

    private static double niceCeil(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String num(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
