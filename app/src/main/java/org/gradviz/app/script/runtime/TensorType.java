package org.gradviz.app.script.runtime;

import java.util.List;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;

/**
 * {@code torch.Tensor}: the legacy constructor ({@code torch.Tensor([1, 2])} is float32) and the class whose
 * attributes are the unbound methods ({@code torch.Tensor.tanh(x)}); {@code isinstance(x, torch.Tensor)}. Also
 * {@code torch.autograd.Variable}, the old wrapper, now a subclass of Tensor whose constructor detaches.
 */
final class TensorType implements PyCallable, HasAttributes {

    /** {@code torch.Tensor}, the one class {@code type(t)} of every tensor is. */
    static final TensorType TENSOR = new TensorType(TensorShapeFunctions::legacyTensor);

    private final PyCallable constructor;
    /** The dotted name of the class, {@code torch.Tensor} or {@code torch.autograd.variable.Variable}. */
    private final String qualifiedName;

    TensorType(PyCallable constructor) {
        this(constructor, "torch.Tensor");
    }

    TensorType(PyCallable constructor, String qualifiedName) {
        this.constructor = constructor;
        this.qualifiedName = qualifiedName;
    }

    @Override
    public Object call(Args args) {
        return constructor.call(args);
    }

    /** {@code torch.Tensor.name}: the method {@code name} as a function of the tensor and its arguments. */
    @Override
    public Object attribute(String name) {
        if (name.equals("__name__")) {
            return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        }
        // probe: raises the error a missing method gives, before the program calls it
        if (!(TensorMembers.get(Torch.scalar(0.0, DType.FLOAT32), name) instanceof PyCallable)) {
            throw new Unsupported("'torch.Tensor." + name + "' read from the class");
        }
        return new Builtin(name, a -> {
            if (a.size() == 0 || !(a.positional().get(0) instanceof Tensor self)) {
                throw PyError.type("descriptor '" + name + "' of 'torch._C._TensorBase' object needs an argument");
            }
            Object method = TensorMembers.get(self, name);
            List<Object> rest = a.positional().subList(1, a.size());
            return ((PyCallable) method).call(new Args(name, rest, a.keywords()));
        });
    }

    @Override
    public String typeName() {
        return "type";
    }

    @Override
    public String toString() {
        return "<class '" + qualifiedName + "'>";
    }
}
