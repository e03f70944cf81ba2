package org.gradviz.app.export;

import java.awt.image.BufferedImage;
import java.util.function.BooleanSupplier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * window keeps drawing and answering between tiles. Tiles are sized as they go ({@link TileBudget}) so that none holds
 * the FX thread much longer than {@value TileBudget#TARGET_NANOS} ns, and the window gets time to draw between two
 * of them. The pixels are exactly what the view draws: the same nodes, styles, theme and step.
 */
final class TiledSnapshot {
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
        Set<Node> uncached = new LinkedHashSet<>();
        TileBudget budget = new TileBudget();
        int[] pixels = new int[(int) Math.min((long) image.getWidth() * image.getHeight(),
                (long) TileBudget.MAX_SIDE * TileBudget.MAX_SIDE)]; // one buffer for every tile: less garbage
        try {
            for (int y = 0; y < image.getHeight();) {
                int h = Math.min(budget.rowHeight(), image.getHeight() - y);
                for (int x = 0; x < image.getWidth();) {
                    if (cancelled.getAsBoolean()) {
                        return null;
                    }
                    int w = Math.min(budget.width(h), image.getWidth() - x);
                    int tx = x;
                    int ty = y;
                    Thread.sleep(budget.pauseNanos() / 1_000_000); // the window draws what changed first
                    long nanos = FxCall.onFx(() -> tile(source, frame, tx, ty, w, h, uncached, pixels));
                    budget.took((long) w * h, nanos);
                    image.setRGB(x, y, w, h, pixels, 0, w);
                    x += w;
                }
                y += h;
            }
            return image;
        } finally {
            FxCall.onFx(() -> {
                uncached.forEach(n -> n.setCache(true));
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

    /** Puts the tile's pixels into {@code pixels} (ARGB, row by row); how long the FX thread took, in nanoseconds. */
    private static long tile(DrawingSource source, Frame frame, int x, int y, int w, int h, Set<Node> uncached,
            int[] pixels) {
        long start = System.nanoTime();
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
        uncache(source, uncached);
        // the snapshot draws every node however little of it the tile holds: hide, for this one call, what lies
        // outside the tile (back before the FX thread draws the window again, so nothing flickers)
        List<Node> hidden = hideOutside(source, frame, new Rectangle2D(x, y, w, h));
        try {
            WritableImage shot = source.drawing().snapshot(params, new WritableImage(w, h));
            shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
            return System.nanoTime() - start;
        } finally {
            hidden.forEach(n -> n.setVisible(true));
        }
    }

    /**
     * The drawing's pieces drawn once into a bitmap (boxes are, so they move smoothly) drawn directly while the
     * picture is taken, added to {@code uncached} to be cached again after it. A cached piece is drawn again whole
     * into a new bitmap whenever the scale changes: once for every tile at the picture's scale, and once more for the
     * window after it.
     */
    private static void uncache(DrawingSource source, Set<Node> uncached) {
        forEachPiece(source, piece -> {
            if (piece.isCache()) {
                piece.setCache(false);
                uncached.add(piece);
            }
        });
    }

    private static void forEachPiece(DrawingSource source, java.util.function.Consumer<Node> action) {
        if (source.drawing() instanceof Parent drawing) {
            for (Node layer : drawing.getChildrenUnmodifiable()) {
                if (layer instanceof Group group) {
                    group.getChildren().forEach(action);
                }
            }
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
