package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.engine.Tensor;

/**
 * {@code torch.autograd}: {@code Function} for custom functions, {@code grad}, {@code backward} and the legacy
 * {@code Variable}.
 */
final class AutogradModule {

    private AutogradModule() {
    }

    /** A fresh module for one run. */
    static PyModule create() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Function", CustomFunction.baseClass());
        m.put("grad", new Builtin("grad", AutogradGrad::grad));
        m.put("backward", new Builtin("backward", AutogradGrad::backward));
        m.put("gradcheck", new Builtin("gradcheck", GradCheck::gradcheck));
        m.put("detect_anomaly", new Builtin("detect_anomaly", AnomalyContext::detectAnomaly));
        m.put("set_detect_anomaly", new Builtin("set_detect_anomaly", AnomalyContext::setDetectAnomaly));
        m.put("gradgradcheck", new Builtin("gradgradcheck", GradCheck::gradgradcheck));
        m.put("functional", new PyModule("torch.autograd.functional", AutogradFunctional.members()));
        m.put("Variable", new TensorType(AutogradModule::variable, "torch.autograd.variable.Variable"));
        return new PyModule("torch.autograd", m);
    }

    /**
     * {@code Variable(data, requires_grad=False)}: since PyTorch 0.4 a new tensor on data's values, cut from its graph
     * (as {@code data.detach()}), a leaf that requires grad when asked.
     */
    private static Tensor variable(Args a) {
        a.accept(2, "data", "requires_grad", "volatile");
        if (a.keywords().containsKey("volatile") || a.size() == 0 && !a.keywords().containsKey("data")) {
            throw new Unsupported(a.size() == 0 ? "'Variable()' without data" : "'Variable(volatile=...)'");
        }
        if (!(a.get(0, "data") instanceof Tensor data)) {
            throw PyError.type("Variable data has to be a tensor, but got " + Values.typeName(a.get(0, "data")));
        }
        boolean requiresGrad = a.bool(1, "requires_grad", false);
        if (requiresGrad && !data.dtype().isFloatingPoint()) {
            throw new PyError("RuntimeError", "Only Tensors of floating point and complex dtype can require gradients");
        }
        return data.detach().requiresGrad_(requiresGrad);
    }
}
