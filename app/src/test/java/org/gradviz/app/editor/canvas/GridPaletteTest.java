package org.gradviz.app.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.gradviz.app.document.Theme;
import org.junit.jupiter.api.Test;

/**
 * The heat maps' colours read for everyone: negative and positive stay apart under the three dichromacies, simulated
 * with Machado, Oliveira and Fernandes (2009) at severity 1.0 (their published matrices, applied in linear RGB); and
 * every cell's number stays legible on its colour.
 */
class GridPaletteTest {
    private static final double[][] PROTANOPIA = {
            {0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}};
    private static final double[][] DEUTERANOPIA = {
            {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}};
    private static final double[][] TRITANOPIA = {
            {1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}};

    @Test
    void negativeAndPositiveStayApartForEveryColourVisionInEveryTheme() {
        for (Theme theme : Theme.values()) {
            GridPalette p = GridPalette.of(theme);
            Color negative = p.fill(-1, 1);
            Color positive = p.fill(1, 1);
            for (double[][] m : new double[][][] {PROTANOPIA, DEUTERANOPIA, TRITANOPIA, null}) {
                double apart = distance(simulate(negative, m), simulate(positive, m));
                assertTrue(apart > 0.3, theme + ": the ends are only " + apart + " apart");
            }
        }
    }

    @Test
    void zeroIsTheBackgroundAndTheLargestMagnitudeGoesTheConfiguredWay() {
        assertEquals(Color.WHITE, GridPalette.LIGHT.fill(0, 5));
        assertEquals(GridPalette.DARK.zero(), GridPalette.DARK.fill(0, 5));
        assertEquals(GridPalette.HIGH_CONTRAST.negative(), GridPalette.HIGH_CONTRAST.fill(-5, 5), "strength 1");
        assertEquals(GridPalette.LIGHT.nonFinite(), GridPalette.LIGHT.fill(Double.NaN, 5));
    }

    @Test
    void numbersAreLegibleOnEveryCellColour() {
        for (Theme theme : Theme.values()) {
            GridPalette p = GridPalette.of(theme);
            for (double v = -1; v <= 1.0001; v += 0.05) {
                Color fill = p.fill(v, 1);
                double contrast = contrast(fill, GridPalette.textOn(fill));
                assertTrue(contrast >= 4.5, theme + " at " + v + ": contrast " + contrast + " (WCAG AA is 4.5)");
            }
        }
    }

    private static double[] simulate(Color c, double[][] m) {
        double[] rgb = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
        if (m == null) {
            return rgb;
        }
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Math.max(0, Math.min(1, m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]));
        }
        return out;
    }

    /** Distance in gamma-encoded RGB (as a screen shows it), 0 to √3. */
    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double d = encoded(a[i]) - encoded(b[i]);
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double encoded(double v) {
        return v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    }
}
