package org.gradviz.app.editor.canvas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How big boxes are that are not drawn as controls (a big graph draws only those in view): a box's size follows from
 * what it shows (its ports, kind line, grid shape, whether a gradient grid is there, its error text, the text scale),
 * so one box of each {@link Look} is measured and the others take its size. The name is in a monospaced face, so its
 * length stands for it.
 */
final class BoxSizes {

    /** Everything that decides a box's size. */
    record Look(int nameLength, List<String> ports, String kind, List<Integer> gridShape, boolean gradGrid,
            boolean compact, String error, boolean details, GridStyle style) {
    }

    private final Map<Look, double[]> measured = new HashMap<>();
    private final Function<Look, double[]> measure;
    private final java.util.function.BooleanSupplier styled;

    /**
     * {@code measure} draws a box of a look off screen and returns its width and height; {@code styled} says whether
     * the stylesheets are there yet (a window not yet shown measures unstyled boxes, which are not kept).
     */
    BoxSizes(Function<Look, double[]> measure, java.util.function.BooleanSupplier styled) {
        this.measure = measure;
        this.styled = styled;
    }

    /** The width and height of a box of {@code look}, measured once per look once styled. */
    double[] of(Look look) {
        double[] size = measured.get(look);
        if (size == null) {
            size = measure.apply(look);
            if (styled.getAsBoolean()) {
                measured.put(look, size);
            }
        }
        return size;
    }

    /** How many looks have been measured. */
    int looks() {
        return measured.size();
    }
}
