package org.gradviz.app.editor.canvas;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.document.DecimalText;

/**
 * A tensor as a compact heat-mapped grid: one cell per element (rows and columns for 2-D, one row for
 * 1-D, one cell for a scalar), each with its value to 4 decimals, as torch prints. Larger tensors show
 * their first rows and columns and an ellipsis.
 */
public final class TensorGrid extends Canvas {
    static final int MAX_ROWS = 6;
    static final int MAX_COLUMNS = 6;
    /** The bundled monospace face (assets/fonts), so columns line up the same on every machine. */
    static final String FONT_FAMILY = "DejaVu Sans Mono";
    private static final String HIDDEN = "?";

    private final double cellWidth;
    private final double cellHeight;
    private final Font font;
    private final GridPalette palette;
    private final int[] size;

    public TensorGrid(TensorValue tensor, GridStyle style) {
        this(tensor.shape(), style);
        showValues(tensor);
    }

    /** Cells for a tensor of {@code size}, empty until {@link #showValues} or {@link #showText} fills them. */
    private TensorGrid(int[] size, GridStyle style) {
        this.font = Font.font(FONT_FAMILY, style.fontSize());
        this.palette = style.palette();
        this.cellWidth = style.fontSize() * 4.6;
        this.cellHeight = style.fontSize() * 1.4;
        this.size = size.clone();
    }

    /**
     * Empty cells in the place a tensor of {@code size} will take: a box keeps its size when Forward and
     * Backward fill it, so a layout made before running still fits after.
     */
    public static TensorGrid placeholder(int[] size, GridStyle style) {
        TensorGrid grid = new TensorGrid(size, style);
        grid.showText("");
        return grid;
    }

    /** The size of the numbers drawn. */
    public double fontSize() {
        return font.getSize();
    }

    /** Draws {@code data} (a tensor of this grid's size) into the cells again: nothing else changes. */
    public void showValues(double[] data) {
        draw(size, data, null, null);
    }

    /** The elements of {@code tensor}, an int64 one's as integers ({@code 3}), others with 4 decimals. */
    public void showValues(TensorValue tensor) {
        draw(size, tensor.data(), null, tensor.dtype());
    }

    /** Draws {@code text} in every cell, on the empty-cell colour ({@code ""}: empty cells, {@code ?}: reveal). */
    public void showText(String text) {
        draw(size, null, text, null);
    }

    /** A {@code ?} in every cell, no colour that would give the value away (reveal: the class predicts it first). */
    public void showHidden() {
        showText(HIDDEN);
    }

    private void draw(int[] size, double[] data, String fillText, String dtype) {
        int columns = size.length == 0 ? 1 : size[size.length - 1];
        int rows = 1; // every dimension but the last, flattened
        for (int d = 0; d < size.length - 1; d++) {
            rows *= size[d];
        }
        int shownRows = Math.min(rows, MAX_ROWS);
        int shownColumns = Math.min(columns, MAX_COLUMNS);
        setWidth(shownColumns * cellWidth + 1);
        setHeight(shownRows * cellHeight + 1);
        double max = 0;
        for (double v : data == null ? new double[0] : data) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight()); // also drops what was drawn before, so redrawing does not pile up
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < shownRows; r++) {
            for (int c = 0; c < shownColumns; c++) {
                boolean ellipsis = (r == shownRows - 1 && rows > shownRows) || (c == shownColumns - 1 && columns > shownColumns);
                double v = data == null ? Double.NaN : data[r * columns + c];
                Color fill = ellipsis || data == null ? palette.empty() : palette.fill(v, max);
                double x = c * cellWidth + 0.5;
                double y = r * cellHeight + 0.5;
                g.setFill(fill);
                g.fillRect(x, y, cellWidth, cellHeight);
                g.setStroke(palette.lines());
                g.strokeRect(x, y, cellWidth, cellHeight);
                g.setFill(GridPalette.textOn(fill));
                g.fillText(ellipsis ? "…" : data == null ? fillText : DecimalText.of(v, dtype), x + cellWidth / 2,
                        y + cellHeight / 2);
            }
        }
    }
}
