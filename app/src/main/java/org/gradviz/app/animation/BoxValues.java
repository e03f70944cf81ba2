package org.gradviz.app.animation;

/**
 * What one box of the network view shows at one moment: its value and gradient (null where there is none)
 * and whether a later command made them stale (the value after Step changed the parameters it came from,
 * a non-leaf gradient after Zero grads), so views grey them rather than show them as current.
 */
public record BoxValues(TensorValue value, TensorValue grad, boolean valueStale, boolean gradStale) {

    public static BoxValues of(TensorValue value, TensorValue grad) {
        return new BoxValues(value, grad, false, false);
    }

    BoxValues withValue(TensorValue next) {
        return new BoxValues(next, grad, false, gradStale);
    }

    BoxValues withGrad(TensorValue next) {
        return new BoxValues(value, next, valueStale, false);
    }

    BoxValues staleValue() {
        return new BoxValues(value, grad, value != null, gradStale);
    }

    BoxValues staleGrad() {
        return new BoxValues(value, grad, valueStale, grad != null);
    }
}
