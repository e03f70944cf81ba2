package org.gradviz.app.export;

import java.awt.image.BufferedImage;
import java.util.function.BooleanSupplier;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Paint;
import javafx.scene.transform.Affine;
import javafx.scene.transform.NonInvertibleTransformException;
import javafx.scene.transform.Transform;

/**
 * A picture of a view's drawing at any size, taken from a worker thread one tile at a time on the FX thread, so the
 * window keeps drawing and answering between tiles (a 3840×2160 picture is 8 tiles of at most {@value #TILE} pixels
 * square, none of which holds the FX thread long). The pixels are exactly what the view draws: the same nodes,
 * styles, theme and step.
 */
final class TiledSnapshot {
    static final int TILE = 1024;

    private TiledSnapshot() {
    }

    /**
     * The picture of {@code source} at {@code size}; null when {@code cancelled} said so between tiles. Call from a
     * worker thread.
     */
    static BufferedImage take(DrawingSource source, PictureSize size, BooleanSupplier cancelled)
            throws InterruptedException {
        return take(source, size, null, cancelled);
    }

    /**
     * As {@link #take(DrawingSource, PictureSize, BooleanSupplier)}, framing {@code area} of the drawing (null: all of
     * it now), so that every picture of a series has the same size and the drawing the same place.
     */
    static BufferedImage take(DrawingSource source, PictureSize size, Bounds area, BooleanSupplier cancelled)
            throws InterruptedException {
        Frame frame = FxCall.onFx(() -> frame(source, size, area));
        org.gradviz.app.render.PngWriter.requireRoom(frame.placement().width(), frame.placement().height(),
                org.gradviz.engine.Heap.available(), "choose a smaller size (1x, or 3840 x 2160)");
        BufferedImage image = new BufferedImage(frame.placement().width(), frame.placement().height(),
                BufferedImage.TYPE_INT_ARGB);
        try {
            for (int y = 0; y < image.getHeight(); y += TILE) {
                for (int x = 0; x < image.getWidth(); x += TILE) {
                    if (cancelled.getAsBoolean()) {
                        return null;
                    }
                    int w = Math.min(TILE, image.getWidth() - x);
                    int h = Math.min(TILE, image.getHeight() - y);
                    int tx = x;
                    int ty = y;
                    int[] pixels = FxCall.onFx(() -> tile(source, frame, tx, ty, w, h));
                    image.setRGB(x, y, w, h, pixels, 0, w);
                }
            }
            return image;
        } finally {
            FxCall.onFx(() -> {
                source.done();
                return null;
            });
        }
    }

    /** Where the drawing goes and how it is transformed, fixed before the first tile. */
    private record Frame(PictureSize.Placement placement, Transform transform, Paint background) {
    }

    private static Frame frame(DrawingSource source, PictureSize size, Bounds area)
            throws NonInvertibleTransformException {
        Bounds b = area != null ? area : source.bounds(); // bounds() styles and lays the drawing out first
        PictureSize.Placement placement = size.place(b.getWidth(), b.getHeight());
        // the snapshot applies the node's own transforms (the view's zoom and pan): undo them, then place the drawing
        Affine transform = new Affine();
        transform.appendTranslation(placement.x(), placement.y());
        transform.appendScale(placement.scale(), placement.scale());
        transform.appendTranslation(-b.getMinX(), -b.getMinY());
        transform.append(source.drawing().getLocalToParentTransform().createInverse());
        return new Frame(placement, transform, source.background());
    }

    private static int[] tile(DrawingSource source, Frame frame, int x, int y, int w, int h) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(frame.background());
        params.setTransform(frame.transform());
        params.setViewport(new Rectangle2D(x, y, w, h));
        try {
            // a view that draws only what is in sight draws this tile's part first
            Transform toPicture = frame.transform().createConcatenation(source.drawing().getLocalToParentTransform());
            source.prepare(toPicture.inverseTransform(new javafx.geometry.BoundingBox(x, y, w, h)));
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException("the picture's transform cannot be undone", e);
        }
        // the snapshot draws every node however little of it the tile holds: hide, for this one call, what lies
        // outside the tile (back before the FX thread draws the window again, so nothing flickers)
        List<Node> hidden = hideOutside(source, frame, new Rectangle2D(x, y, w, h));
        try {
            WritableImage shot = source.drawing().snapshot(params, new WritableImage(w, h));
            int[] pixels = new int[w * h];
            shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
            return pixels;
        } finally {
            hidden.forEach(n -> n.setVisible(true));
        }
    }

    /** The drawing's pieces (the children of its layers) that are visible and fall outside {@code tile}, hidden. */
    private static List<Node> hideOutside(DrawingSource source, Frame frame, Rectangle2D tile) {
        if (!(source.drawing() instanceof Parent drawing)) {
            return List.of();
        }
        Transform toPicture = frame.transform().createConcatenation(source.drawing().getLocalToParentTransform());
        List<Node> hidden = new ArrayList<>();
        for (Node layer : drawing.getChildrenUnmodifiable()) {
            if (!(layer instanceof Group group)) {
                continue;
            }
            for (Node piece : group.getChildren()) {
                if (!piece.isVisible()) {
                    continue;
                }
                Bounds inPicture = toPicture.transform(layer.localToParent(piece.getBoundsInParent()));
                if (!tile.intersects(inPicture.getMinX(), inPicture.getMinY(), inPicture.getWidth(),
                        inPicture.getHeight())) {
                    piece.setVisible(false);
                    hidden.add(piece);
                }
            }
        }
        return hidden;
    }
}
