package org.gradviz.app.script.runtime;

import org.gradviz.engine.AnomalyMode;
import org.gradviz.engine.Warnings;

/**
 * {@code torch.autograd.detect_anomaly()} (on inside its {@code with} block, with torch's warning when made) and
 * {@code torch.autograd.set_detect_anomaly(mode)} (set when called; the end of its {@code with} block puts back the
 * mode before the call).
 *
 * @param set for set_detect_anomaly, the guard of the mode it set, else null
 */
record AnomalyContext(boolean enabled, AnomalyMode.Guard set) implements HasAttributes {

    static AnomalyContext detectAnomaly(Args a) {
        Object[] v = Signature.of("detect_anomaly", "check_nan", true).bind(a);
        if (!Values.truthy(v[0])) {
            throw new Unsupported("'detect_anomaly(check_nan=False)'");
        }
        Warnings.warn("Anomaly Detection has been enabled. This mode will increase the runtime and should only be "
                + "enabled for debugging.");
        return new AnomalyContext(true, null);
    }

    static AnomalyContext setDetectAnomaly(Args a) {
        Object[] v = Signature.of("set_detect_anomaly", "mode", Signature.REQUIRED, "check_nan", true).bind(a);
        if (!Values.truthy(v[1])) {
            throw new Unsupported("'set_detect_anomaly(check_nan=False)'");
        }
        boolean mode = Values.truthy(v[0]);
        return new AnomalyContext(mode, AnomalyMode.set(mode));
    }

    /** Enters the context; closing the guard restores the previous mode. */
    AnomalyMode.Guard enter() {
        return set != null ? set : AnomalyMode.set(enabled);
    }

    @Override
    public Object attribute(String name) {
        return null;
    }

    @Override
    public String typeName() {
        return set != null ? "set_detect_anomaly" : "detect_anomaly";
    }

    @Override
    public String toString() {
        return "<torch.autograd.anomaly_mode." + typeName() + " object at 0x7f"
                + String.format("%010x", System.identityHashCode(this)) + ">";
    }
}
