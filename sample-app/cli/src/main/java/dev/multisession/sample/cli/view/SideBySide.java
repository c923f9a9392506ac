package dev.multisession.sample.cli.view;

import java.util.ArrayList;
import java.util.List;

/** Lays out several columns of text next to each other, each under a title. */
public final class SideBySide {

    private static final String GAP = "  |  ";

    private SideBySide() {}

    /**
     * The columns padded to the widest line of each, joined by a separator.
     *
     * @param titles one title per column
     * @param columns the lines of each column, in the same order as the titles
     */
    public static List<String> layout(List<String> titles, List<List<String>> columns) {
        if (titles.size() != columns.size()) {
            throw new IllegalArgumentException(titles.size() + " titles for " + columns.size() + " columns");
        }
        int[] widths = new int[columns.size()];
        int height = 0;
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = titles.get(c).length();
            for (String line : columns.get(c)) {
                widths[c] = Math.max(widths[c], line.length());
            }
            height = Math.max(height, columns.get(c).size());
        }
        List<String> rows = new ArrayList<>();
        rows.add(row(titles, widths));
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("-".repeat(width));
        }
        rows.add(row(rules, widths));
        for (int r = 0; r < height; r++) {
            List<String> cells = new ArrayList<>();
            for (List<String> column : columns) {
                cells.add(r < column.size() ? column.get(r) : "");
            }
            rows.add(row(cells, widths));
        }
        return rows;
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                row.append(GAP);
            }
            String cell = cells.get(c);
            row.append(cell);
            if (c < cells.size() - 1) {
                row.append(" ".repeat(widths[c] - cell.length()));
            }
        }
        return row.toString();
    }
}
