package org.gradviz.app.document;

/** Where the editor placed a box, in editor units. */
public record Position(double x, double y) {
}
