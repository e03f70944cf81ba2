package org.gradviz.app.animation.lens;

import java.util.List;
import org.gradviz.app.animation.TensorValue;

/** Matrix products (the engine's {@code LinearAlgebra}: mm, mv, dot and linear's addmm). */
final class ProductLenses {
    private ProductLenses() {
    }

    static List<NodeLens> lenses() {
        return List.of(
                RuleLens.of("MmBackward0",
                        InputRule.of("self", "grad @ mat2ᵀ", (c, in) -> gradTimesTransposed(c, "mat2", 1)),
                        InputRule.of("mat2", "selfᵀ @ grad", (c, in) -> transposedTimesGrad(c, "self", 1))),
                RuleLens.of("MvBackward0",
                        InputRule.of("self", "grad ⊗ vec", (c, in) -> {
                            TensorValue vec = c.tensor("vec");
                            TensorValue outer = LensMath.matmul(column(c.grad()), LensMath.reshape(vec,
                                    new int[] {1, vec.numel()}));
                            return Derivation.of(outer, LensValue.of("vec", vec));
                        }),
                        InputRule.of("vec", "selfᵀ @ grad", (c, in) -> {
                            TensorValue self = c.tensor("self");
                            TensorValue product = LensMath.matmul(LensMath.transpose(self), column(c.grad()));
                            return Derivation.of(LensMath.reshape(product, new int[] {product.numel()}),
                                    LensValue.of("self", self));
                        })),
                RuleLens.of("DotBackward0",
                        InputRule.of("self", "grad · tensor", (c, in) -> gradTimes(c, "tensor")),
                        InputRule.of("tensor", "grad · self", (c, in) -> gradTimes(c, "self"))),
                // NOTE: a row picked twice gets both rows of grad, added in index order; rows never picked stay 0
                RuleLens.of("EmbeddingBackward0",
                        InputRule.of("weight", "row i of grad added to row indices[i]", ProductLenses::embeddingRule)),
                // addmm(self, mat1, mat2) = beta · self + alpha · mat1 @ mat2, which F.linear records as
                // addmm(bias, input, weightᵀ)
                RuleLens.of("AddmmBackward0",
                        InputRule.of("self", "grad · beta", (c, in) -> {
                            double beta = c.number("beta");
                            return Derivation.summedTo(in, LensMath.map(c.grad(), g -> g * beta),
                                    LensValue.number("beta", beta));
                        }),
                        InputRule.of("mat1", "grad @ mat2ᵀ · alpha",
                                (c, in) -> gradTimesTransposed(c, "mat2", c.number("alpha"))),
                        InputRule.of("mat2", "mat1ᵀ @ grad · alpha",
                                (c, in) -> transposedTimesGrad(c, "mat1", c.number("alpha")))));
    }

    /** torch's embedding_dense_backward: zeros shaped as the table, grad's rows added at their indices in turn. */
    private static Derivation embeddingRule(LensContext c, InputMeta in) {
        TensorValue weight = c.tensor("weight");
        TensorValue indices = c.tensor("indices");
        TensorValue grad = c.grad();
        org.gradviz.engine.DType dtype = org.gradviz.engine.DType.fromShortName(grad.dtype());
        int width = weight.shape()[1];
        double[] out = new double[weight.numel()];
        for (int i = 0; i < indices.numel(); i++) {
            int row = (int) indices.get(i);
            for (int k = 0; k < width; k++) {
                out[row * width + k] = dtype.round(out[row * width + k] + grad.get(i * width + k));
            }
        }
        return Derivation.of(new TensorValue(weight.shape(), grad.dtype(), out), LensValue.of("indices", indices));
    }

    /** grad @ {@code name}ᵀ, times alpha where the op has one. */
    private static Derivation gradTimesTransposed(LensContext c, String name, double alpha) {
        TensorValue m = c.tensor(name);
        return Derivation.of(scaled(LensMath.matmul(c.grad(), LensMath.transpose(m)), alpha), LensValue.of(name, m));
    }

    /** {@code name}ᵀ @ grad, times alpha where the op has one. */
    private static Derivation transposedTimesGrad(LensContext c, String name, double alpha) {
        TensorValue m = c.tensor(name);
        return Derivation.of(scaled(LensMath.matmul(LensMath.transpose(m), c.grad()), alpha), LensValue.of(name, m));
    }

    private static TensorValue scaled(TensorValue v, double alpha) {
        return alpha == 1 ? v : LensMath.map(v, x -> x * alpha);
    }

    private static Derivation gradTimes(LensContext c, String name) {
        TensorValue v = c.tensor(name);
        return Derivation.of(LensMath.map(v, c.grad(), (x, g) -> x * g), LensValue.of(name, v));
    }

    /** A vector as an (n×1) matrix. */
    private static TensorValue column(TensorValue v) {
        return LensMath.reshape(v, new int[] {v.numel(), 1});
    }
}
