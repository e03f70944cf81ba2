package org.gradviz.app.document;

import java.util.Map;
import org.gradviz.engine.Tensor;

/** How one op runs on the engine, from the node's attributes and its input tensors by port; the engine records it. */
@FunctionalInterface
public interface OpRun {
    Tensor apply(OpNode node, Map<String, Tensor> in);
}
