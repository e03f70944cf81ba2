package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.Shape;

/** {@code torch.Size}: a tuple of ints printed as {@code torch.Size([5, 3])}. */
public record PySize(List<Long> dims) {
    public PySize {
        dims = List.copyOf(dims);
    }

    public static PySize of(Shape shape) {
        List<Long> dims = new ArrayList<>(shape.rank());
        for (int d : shape.dims()) {
            dims.add((long) d);
        }
        return new PySize(dims);
    }

    public PyTuple asTuple() {
        return new PyTuple(new ArrayList<>(dims));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("torch.Size([");
        for (int i = 0; i < dims.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(dims.get(i));
        }
        return sb.append("])").toString();
    }
}
