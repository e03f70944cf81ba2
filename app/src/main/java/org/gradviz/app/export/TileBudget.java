package org.gradviz.app.export;

/**
 * How large the next tile of a picture may be, so that taking it keeps the FX thread busy for about
 * {@link #TARGET_NANOS}, and how long to leave the window between two tiles: learnt from the tiles taken so far,
 * so a slow machine (software rendering, a loaded CPU) gets smaller tiles and a fast one fewer.
 */
final class TileBudget {
    /** What one tile may cost the FX thread: well under the 50 ms after which a window feels stuck. */
    static final long TARGET_NANOS = 20_000_000L;
    /**
     * The first tile's side, before anything is known, and the smallest: every tile also costs a redrawing of the
     * whole window, so smaller tiles would cost more than they save.
     */
    static final int FIRST_SIDE = 512;
    static final int MIN_SIDE = 512;
    static final int MAX_SIDE = 2048;
    /** The least time the window gets between two tiles: one frame at 60 Hz. */
    static final long MIN_PAUSE_NANOS = 16_000_000L;
    /** And the most, however slow the last tile was. */
    static final long MAX_PAUSE_NANOS = 100_000_000L;

    /** Nanoseconds per pixel, as the tiles so far cost; 0 until one was taken. */
    private double nanosPerPixel;
    private long lastNanos;

    /** A tile of {@code pixels} pixels took {@code nanos} on the FX thread. */
    void took(long pixels, long nanos) {
        double rate = (double) Math.max(0, nanos) / Math.max(1, pixels);
        // follow a slower tile at once (the FX thread must not stay stuck), a faster one halfway
        nanosPerPixel = nanosPerPixel == 0 || rate > nanosPerPixel ? rate : (nanosPerPixel + rate) / 2;
        lastNanos = Math.max(0, nanos);
    }

    /** The pixels a tile may have now. */
    long pixels() {
        if (nanosPerPixel == 0) {
            return (long) FIRST_SIDE * FIRST_SIDE;
        }
        double allowed = TARGET_NANOS / nanosPerPixel;
        return (long) Math.max((double) MIN_SIDE * MIN_SIDE, Math.min((double) MAX_SIDE * MAX_SIDE, allowed));
    }

    /** The height of the next row of tiles: a square of {@link #pixels()}. */
    int rowHeight() {
        return clamp((int) Math.sqrt(pixels()));
    }

    /** The width of the next tile in a row {@code height} pixels high. */
    int width(int height) {
        return clamp((int) (pixels() / Math.max(1, height)));
    }

    /**
     * How long to leave the window before the next tile: a picture of a node makes the whole window draw again on
     * the render thread, and the next picture would wait for that drawing on the FX thread. About as long as the
     * last tile took.
     */
    long pauseNanos() {
        return Math.max(MIN_PAUSE_NANOS, Math.min(MAX_PAUSE_NANOS, lastNanos));
    }

    private static int clamp(int side) {
        return Math.max(MIN_SIDE, Math.min(MAX_SIDE, side));
    }
}
