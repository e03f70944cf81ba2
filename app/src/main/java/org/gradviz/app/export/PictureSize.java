package org.gradviz.app.export;

/**
 * How big an exported picture of a view is: at the drawing's own size (1×, as the view at 100 % zoom), twice that
 * for sharp slides (2×), or a 3840×2160 (4K UHD) frame with the drawing as large as fits, centred.
 */
public enum PictureSize {
    ONE_X("1× (as at 100 % zoom)"),
    TWO_X("2× (sharp on slides)"),
    UHD("3840 × 2160 (4K)");

    static final int UHD_WIDTH = 3840;
    static final int UHD_HEIGHT = 2160;
    /** Room around the drawing, in pixels at 1×. */
    static final double MARGIN = 24;

    private final String label;

    PictureSize(String label) {
        this.label = label;
    }

    /** Where a drawing {@code width} × {@code height} (drawing units) goes in the picture, and its pixel size. */
    public Placement place(double width, double height) {
        return switch (this) {
            case ONE_X -> natural(width, height, 1);
            case TWO_X -> natural(width, height, 2);
            case UHD -> {
                double scale = Math.min((UHD_WIDTH - 2 * MARGIN) / Math.max(width, 1),
                        (UHD_HEIGHT - 2 * MARGIN) / Math.max(height, 1));
                yield new Placement(scale, UHD_WIDTH, UHD_HEIGHT, (UHD_WIDTH - width * scale) / 2,
                        (UHD_HEIGHT - height * scale) / 2);
            }
        };
    }

    /**
     * The resolution written into the PNG, so slides place it at its intended size: a 2× picture is as big on a slide
     * as a 1× one, only sharper; a 4K frame is a screen's.
     */
    public int dpi() {
        return this == TWO_X ? 192 : 96;
    }

    private static Placement natural(double width, double height, double scale) {
        int w = (int) Math.ceil((width + 2 * MARGIN) * scale);
        int h = (int) Math.ceil((height + 2 * MARGIN) * scale);
        return new Placement(scale, w, h, MARGIN * scale, MARGIN * scale);
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * A drawing placed in a picture: drawing units times {@code scale} are pixels; the drawing's top left corner is at
     * ({@code x}, {@code y}) in a {@code width} × {@code height} picture.
     */
    public record Placement(double scale, int width, int height, double x, double y) {
    }
}
