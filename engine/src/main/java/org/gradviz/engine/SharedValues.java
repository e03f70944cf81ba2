package org.gradviz.engine;

/**
 * The values a tensor shares with its views, {@code detach()} and {@code .data} (torch's storage): row-major in the
 * shape of the tensor that allocated them, as {@code float[]} for float32 and {@code double[]} otherwise, and a count
 * of the writes made to them, by which a strided view knows that its copy of its elements is stale.
 */
final class SharedValues {
    final double[] data;
    final float[] floats;
    /** Incremented by every write through any tensor over these values. */
    int writes;

    SharedValues(double[] data, float[] floats) {
        this.data = data;
        this.floats = floats;
    }

    int length() {
        return floats != null ? floats.length : data.length;
    }
}
