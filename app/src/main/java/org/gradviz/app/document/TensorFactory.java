package org.gradviz.app.document;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.random.TorchGenerator;

/**
 * Makes the leaf tensors of a document. All {@code randn} initialisers draw, in document order, from one
 * generator seeded with the document's {@code seed}: the same numbers as {@code torch.manual_seed(seed)}
 * followed by the same {@code torch.randn} calls in a notebook.
 */
public final class TensorFactory {
    private final TorchGenerator generator;

    public TensorFactory(Long seed) {
        this.generator = seed == null ? null : new TorchGenerator(seed);
    }

    public Tensor create(TensorSource source) {
        Shape shape = Shape.of(source.shape());
        DType dtype = DType.fromShortName(source.dtypeOrDefault());
        return values(source.init(), shape, dtype).requiresGrad_(source.requiresGrad());
    }

    private Tensor values(Initializer init, Shape shape, DType dtype) {
        if (init instanceof Initializer.Values v) {
            return Torch.tensor(shape, dtype, v.data().stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (init instanceof Initializer.Full f) {
            return Torch.full(shape, f.value(), dtype);
        }
        if (init instanceof Initializer.Eye) {
            return Torch.eye(shape.dim(0), shape.dim(1), dtype);
        }
        if (init instanceof Initializer.Randn) {
            return Tensor.fromData(shape, dtype, generator.randn(shape.numel(), dtype));
        }
        return Torch.full(shape, init instanceof Initializer.Ones ? 1 : 0, dtype);
    }
}
