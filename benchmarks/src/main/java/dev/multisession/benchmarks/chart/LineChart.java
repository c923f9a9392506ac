package dev.multisession.benchmarks.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small line chart drawn with Java2D into a PNG (headless): numeric X and Y axes, each linear
 * or logarithmic, one polyline with point markers per series, optional dashed target lines, and
 * a legend under the plot. Enough for the benchmark report, with nothing to download.
 */
public final class LineChart {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b)
    };
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;

    private record Series(String name, double[] x, double[] y) {}

    private record Target(String name, double y) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private boolean logX;
    private boolean logY;
    private double yMin = Double.NaN;
    private final List<Series> series = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart logX() {
        logX = true;
        return this;
    }

    public LineChart logY() {
        logY = true;
        return this;
    }

    /** The lowest value the Y axis shows at least (room for the legend). */
    public LineChart yMin(double yMin) {
        this.yMin = yMin;
        return this;
    }

    public LineChart series(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": " + x.length + " x values, " + y.length + " y values");
        }
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /** A dashed horizontal line, such as a target. */
    public LineChart target(String name, double y) {
        targets.add(new Target(name, y));
        return this;
    }

    public void write(Path png) throws IOException {
        int rows = (targets.size() + series.size() + 1) / 2;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT + rows * 22 + 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT + 400);

        double[] xr = range(true);
        double[] yr = range(false);
        Axis xAxis = new Axis(xr[0], xr[1], logX, LEFT, WIDTH - RIGHT);
        Axis yAxis = new Axis(yr[0], yr[1], logY, HEIGHT - BOTTOM, TOP);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.setColor(Color.BLACK);
        centered(g, title, WIDTH / 2, 32);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (double tick : xAxis.ticks()) {
            int px = xAxis.pixel(tick);
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(px, TOP, px, HEIGHT - BOTTOM);
            g.setColor(Color.DARK_GRAY);
            centered(g, format(tick), px, HEIGHT - BOTTOM + 18);
        }
        for (double tick : yAxis.ticks()) {
            int py = yAxis.pixel(tick);
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(LEFT, py, WIDTH - RIGHT, py);
            g.setColor(Color.DARK_GRAY);
            String label = format(tick);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        centered(g, xLabel + (logX ? " (log scale)" : ""), (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 22);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        centered(rotated, yLabel + (logY ? " (log scale)" : ""), -(TOP + HEIGHT - BOTTOM) / 2, 24);
        rotated.dispose();

        List<String> legend = new ArrayList<>();
        List<Color> legendColors = new ArrayList<>();
        List<Boolean> legendDashed = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            Color color = new Color(0x555555);
            g.setColor(color);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));
            int py = yAxis.pixel(target.y());
            g.drawLine(LEFT, py, WIDTH - RIGHT, py);
            legend.add(target.name());
            legendColors.add(color);
            legendDashed.add(true);
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            Color color = PALETTE[i % PALETTE.length];
            g.setColor(color);
            g.setStroke(new BasicStroke(2.5f));
            Path2D path = new Path2D.Double();
            for (int p = 0; p < s.x().length; p++) {
                int px = xAxis.pixel(s.x()[p]);
                int py = yAxis.pixel(s.y()[p]);
                if (p == 0) {
                    path.moveTo(px, py);
                } else {
                    path.lineTo(px, py);
                }
                g.fillOval(px - 4, py - 4, 8, 8);
            }
            g.draw(path);
            legend.add(s.name());
            legendColors.add(color);
            legendDashed.add(false);
        }
        // The legend goes under the plot, two entries per row, so it never hides a line.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int columnWidth = (WIDTH - LEFT - RIGHT) / 2;
        for (int i = 0; i < legend.size(); i++) {
            int lx = LEFT + (i % 2) * columnWidth;
            int ly = HEIGHT + 4 + (i / 2) * 22;
            g.setColor(legendColors.get(i));
            g.setStroke(legendDashed.get(i)
                    ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)
                    : new BasicStroke(2.5f));
            g.drawLine(lx, ly - 4, lx + 28, ly - 4);
            g.setColor(Color.BLACK);
            g.drawString(legend.get(i), lx + 36, ly);
        }
    }

    private double[] range(boolean x) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Series s : series) {
            for (double v : x ? s.x() : s.y()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!x) {
            for (Target t : targets) {
                min = Math.min(min, t.y());
                max = Math.max(max, t.y());
            }
        }
        if (!x && !Double.isNaN(yMin)) {
            min = Math.min(min, yMin);
        }
        boolean log = x ? logX : logY;
        if (log) {
            min = Math.max(min, 1e-3);
            double low = Math.pow(10, Math.floor(Math.log10(min)));
            // The X axis ends at the last point; Y at the next power of ten, for the legend's room.
            return new double[] {low, x ? Math.max(max, low * 10) : Math.pow(10, Math.ceil(Math.log10(max)))};
        }
        if (!x) {
            min = Math.min(0, min);
        }
        if (max <= min) {
            max = min + 1;
        }
        return new double[] {min, x ? max : max * 1.1};
    }

    private static void centered(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.3g" : "%.1f", v);
    }

    /** Maps values to pixels along one axis. */
    private record Axis(double min, double max, boolean log, int from, int to) {
        int pixel(double value) {
            double f = log ? (Math.log10(Math.max(value, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (value - min) / (max - min);
            return (int) Math.round(from + f * (to - from));
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double decade = min; decade <= max * 1.0001; decade *= 10) {
                    for (int m : new int[] {1, 2, 5}) {
                        double t = decade * m;
                        if (t >= min && t <= max * 1.0001) {
                            ticks.add(t);
                        }
                    }
                }
                return ticks;
            }
            double step = niceStep((max - min) / 6);
            for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
                ticks.add(t);
            }
            return ticks;
        }

        private static double niceStep(double rough) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            double r = rough / magnitude;
            return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
        }
    }
}
