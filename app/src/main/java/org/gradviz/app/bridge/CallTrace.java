package org.gradviz.app.bridge;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.script.runtime.CustomFunction;
import org.gradviz.app.script.runtime.ObservedCall;
import org.gradviz.app.script.runtime.TensorObserver;
import org.gradviz.app.script.runtime.Values;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Tensor;

/**
 * What a cell did with tensors while it ran: the origin of every tensor it made (in the order made), the first
 * variable each was assigned to, the name of each module parameter, the random generator's seeds and draws, and
 * the last tensor with a grad_fn that was assigned. Keeps the tensors alive for the length of one import.
 */
final class CallTrace implements TensorObserver {

    /** One step of the random generator: a {@code torch.manual_seed(seed)} or a draw by {@code drawn}. */
    record RandomEvent(Long seed, Tensor drawn) {
    }

    private final Map<Tensor, TracedTensor> origins = new IdentityHashMap<>();
    private final Map<Tensor, Integer> sequence = new IdentityHashMap<>();
    private final Map<Tensor, String> names = new IdentityHashMap<>();
    private final Map<Tensor, String> attributeNames = new IdentityHashMap<>();
    /** The nn.Parameters the cell assigned to a module's attribute, by that attribute. */
    private final Map<Tensor, String> parameterNames = new IdentityHashMap<>();
    private final java.util.Set<Tensor> parameters = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The parameters a module drew itself (nn.Linear's weight and bias). */
    private final java.util.Set<Tensor> drawnByModule = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<RandomEvent> random = new ArrayList<>();
    private Tensor lastWithGradFn;

    @Override
    public void called(ObservedCall call) {
        if (call.function().equals("manual_seed")) {
            random.add(new RandomEvent(Values.toLong(call.args().get(0)), null));
        }
        if (!(call.result() instanceof Tensor t) || origins.containsKey(t)) {
            return; // NOTE: methods such as requires_grad_() and zero_() return the tensor they were called on
        }
        if (call.function().equals(CallTranslator.DRAWN_PARAMETER)) {
            drawnByModule.add(t);
        } else if (call.function().equals("Parameter")) {
            parameters.add(t);
        }
        TracedTensor traced = CallTranslator.translate(call, t);
        // NOTE: a custom Function's forward runs under no_grad; its ops are inlined as the ops of the cell
        if (traced instanceof TracedTensor.Op op && !GradMode.isEnabled() && !CustomFunction.runningForward()
                && op.inputs().values().stream().anyMatch(Tensor::requiresGrad)) {
            traced = new TracedTensor.Unsupported(t, call.line(), call.function(), "it ran under torch.no_grad(), "
                    + "so autograd did not record it, and a graph document records every op; compute it outside "
                    + "the no_grad block", List.copyOf(op.inputs().values()));
        }
        origins.put(t, traced);
        sequence.put(t, sequence.size());
        if (call.function().equals("randn") || call.function().equals("rand")
                || call.function().equals(CallTranslator.DRAWN_PARAMETER)) {
            random.add(new RandomEvent(null, t));
        }
    }

    @Override
    public void assigned(String name, Object value, int line) {
        if (value instanceof Tensor t) {
            names.putIfAbsent(t, name);
            if (t.gradFn() != null) {
                lastWithGradFn = t;
            }
        }
    }

    @Override
    public void attributeAssigned(String name, Object value) {
        if (value instanceof Tensor t) {
            attributeNames.putIfAbsent(t, name);
            if (parameters.contains(t)) {
                parameterNames.putIfAbsent(t, name);
            }
        }
    }

    /** Where {@code t} came from, or null when the cell made it in a way nobody reported (e.g. {@code w.grad}). */
    TracedTensor origin(Tensor t) {
        return origins.get(t);
    }

    /** The order in which the cell made {@code t} (0 first). */
    int sequence(Tensor t) {
        return sequence.get(t);
    }

    /**
     * The name the cell gave {@code t}: for a module's parameter the attribute it is in (torch's last part of its
     * name in {@code named_parameters()}), whatever variable a loop over {@code model.parameters()} held it in, and
     * none for one the module drew itself (it is named after what made it, as {@code weight1}); for any other
     * tensor the first variable it was assigned to, else the first attribute of an instance; or null.
     */
    String name(Tensor t) {
        String parameter = parameterNames.get(t);
        if (parameter != null || drawnByModule.contains(t)) {
            return parameter;
        }
        String variable = names.get(t);
        return variable != null ? variable : attributeNames.get(t);
    }

    List<RandomEvent> randomEvents() {
        return random;
    }

    /** The tensor with a grad_fn assigned last, or null. */
    Tensor lastAssignedWithGradFn() {
        return lastWithGradFn;
    }
}
