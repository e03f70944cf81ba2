package org.gradviz.app.document;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.gradviz.engine.Tensor;

/**
 * Everything the app knows of one op, read by the palette, the validator, the evaluator, the importer and the code
 * writer, so that adding an op is adding one {@link OpKind} constant (and its engine op).
 *
 * @param symbol what the network view draws in the op's circle
 * @param ports every input port, in argument order (PyTorch's argument names)
 * @param optionalPorts the ports that may stay unconnected ({@code bias})
 * @param integerPorts the ports that take int64 indices (a loss's class {@code target}, an embedding's
 *                     {@code input}), which take no gradient
 * @param group the palette heading it is listed under
 * @param attributes the attributes it takes, in the order torch takes the keyword ones
 * @param needsOneOf attributes of which a node must carry at least one (clamp's min and max, softmax's dim)
 * @param implicitDim whether its {@code torch.nn.functional} form (and module) picks a dim when given none, as
 *                    torch's deprecated {@code _get_softmax_dim} does, with its warning (softmax, log_softmax)
 * @param defaults the attributes a node gets when added from the palette
 * @param spellings how a cell writes it; the code writer writes the first, the importer accepts all
 * @param numberFirst what a Python number as the first operand means ({@code 3 * x}), or null when it cannot be
 * @param product whether an unnamed result of two named inputs is named after them ({@code xw} for {@code x @ w})
 * @param run how it runs on the engine, in a document and in the runner
 * @param limits what of torch's op the engine does not do, which the runner refuses before running it
 * @param documentCheck what a document checks before running it, to say what is wrong in its own words, or null
 * @param numberInput how the runner takes a Python number as the first tensor ({@code torch.add(3, x)}), or null
 *                    for torch's TypeError
 * @param severalDims how the runner takes several dims ({@code x.sum(dim=(0, 1))}), which a node's one {@code dim}
 *                    cannot hold, or null when torch takes one only
 * @param alphaRun how the runner takes torch's {@code alpha=} ({@code torch.add(a, b, alpha=2)}), which no node
 *                 holds, or null when torch has none
 * @param overloads torch's signatures of its {@code torch.X} function as torch's argument parser lists them, for
 *                  its "invalid combination of arguments" TypeError; empty when torch has one
 */
public record OpSpec(String symbol, List<String> ports, List<String> optionalPorts, List<String> integerPorts,
                     OpGroup group,
                     List<OpAttribute> attributes, List<OpAttribute> needsOneOf, boolean implicitDim,
                     Map<OpAttribute, Object> defaults, List<OpSpelling> spellings,
                     NumberFirst numberFirst, boolean product, OpRun run, List<Limit> limits,
                     OpCheck documentCheck, NumberInput numberInput, SeveralDims severalDims,
                     AlphaRun alphaRun, List<Overload> overloads) {

    /**
     * Inputs torch takes that the engine does not: {@code construct} is what the refusal quotes
     * ({@code 'softmax' over a dimension other than the last}).
     */
    public record Limit(String construct, BiPredicate<OpNode, Map<String, Tensor>> applies) {
    }

    /** A check of a node's inputs that throws {@link DocumentException} for what cannot run. */
    @FunctionalInterface
    public interface OpCheck {
        void check(OpNode node, Map<String, Tensor> in);
    }

    /** The Python parameters the runner binds a call of {@code spelling} (one of this op's) with. */
    public OpSignature signatureOf(OpSpelling spelling) {
        return spelling.signature() != null ? spelling.signature()
                : OpSignature.derived(this, spelling.argumentNames());
    }

    /** A Python number where the op expects its first tensor: the same node with the operands swapped, or a refusal. */
    public record NumberFirst(boolean swaps, String refusal) {
    }

    /**
     * A Python number where torch's {@code torch.X} takes its first tensor: torch wraps it as a 0-d tensor for add,
     * sub, mul and div (its should_allow_numbers_as_tensors), and pow has an overload for it
     * ({@code pow(Number self, Tensor exponent)}).
     *
     * @param wrapped whether the number is a 0-d tensor in the first port and the row runs as usual
     * @param run else how the call runs with the number (and the other tensors by port)
     */
    public record NumberInput(boolean wrapped, NumberRun run) {
    }

    /** A call with a Python number as its first operand. */
    @FunctionalInterface
    public interface NumberRun {
        Tensor apply(double number, boolean integral, Map<String, Tensor> in);
    }

    /** A reduction over several dimensions, or none given as {@code dim=()}: no node of a document holds it. */
    @FunctionalInterface
    public interface SeveralDims {
        Tensor apply(Tensor input, int[] dims, boolean keepdim);
    }

    /** {@code input + alpha * other} (add) or {@code input - alpha * other} (sub) with alpha other than 1. */
    @FunctionalInterface
    public interface AlphaRun {
        Tensor apply(Tensor input, Tensor other, double alpha, boolean floatAlpha);
    }

    /**
     * One of torch's signatures of the function, as its TypeError lists it.
     *
     * @param minArgs how many arguments it needs
     * @param maxArgs how many it takes, its keyword-only ones too
     * @param printed as torch prints it: {@code (Tensor input, Tensor exponent, *, Tensor out)}
     */
    public record Overload(int minArgs, int maxArgs, String printed) {
    }

    /** The spelling the code writer writes. */
    public OpSpelling written() {
        return spellings.get(0);
    }

    static Builder of(String symbol, OpGroup group, List<String> ports) {
        return new Builder(symbol, group, ports);
    }

    /** Reads as the table row it builds: {@code of("+", ARITHMETIC, BINARY).takes(SCALAR).spelled(...).runs(...)}. */
    static final class Builder {
        private final String symbol;
        private final OpGroup group;
        private final List<String> ports;
        private final List<String> optionalPorts = new ArrayList<>();
        private final List<String> integerPorts = new ArrayList<>();
        private final List<OpAttribute> attributes = new ArrayList<>();
        private final List<OpAttribute> needsOneOf = new ArrayList<>();
        private boolean implicitDim;
        private final Map<OpAttribute, Object> defaults = new EnumMap<>(OpAttribute.class);
        private final List<OpSpelling> spellings = new ArrayList<>();
        private NumberFirst numberFirst;
        private boolean product;
        private OpRun run;
        private final List<Limit> limits = new ArrayList<>();
        private OpCheck documentCheck;
        private NumberInput numberInput;
        private SeveralDims severalDims;
        private AlphaRun alphaRun;
        private final List<Overload> overloads = new ArrayList<>();

        private Builder(String symbol, OpGroup group, List<String> ports) {
            this.symbol = symbol;
            this.group = group;
            this.ports = ports;
        }

        Builder optional(String port) {
            optionalPorts.add(port);
            return this;
        }

        /** {@code port} takes int64 indices. */
        Builder indices(String port) {
            integerPorts.add(port);
            return this;
        }

        Builder takes(OpAttribute... attribute) {
            attributes.addAll(List.of(attribute));
            return this;
        }

        /** A node must carry at least one of {@code attribute}. */
        Builder needsOneOf(OpAttribute... attribute) {
            needsOneOf.addAll(List.of(attribute));
            return this;
        }

        /** Its functional form picks a dim when given none, warning as torch's {@code _get_softmax_dim}. */
        Builder implicitDim() {
            implicitDim = true;
            return this;
        }

        /** A node added from the palette starts with {@code attribute = value}. */
        Builder starts(OpAttribute attribute, Object value) {
            defaults.put(attribute, value);
            return this;
        }

        /** The first spelling is the one the code writer writes. */
        Builder spelled(OpSpelling... spelling) {
            spellings.addAll(List.of(spelling));
            return this;
        }

        /** {@code 3 * x} is {@code x * 3}. */
        Builder commutative() {
            numberFirst = new NumberFirst(true, null);
            return this;
        }

        /** A number as the first operand has no node: {@code why} says what to write instead. */
        Builder numberFirstRefused(String why) {
            numberFirst = new NumberFirst(false, why);
            return this;
        }

        Builder product() {
            product = true;
            return this;
        }

        Builder runs(OpRun how) {
            run = how;
            return this;
        }

        /** The runner refuses {@code construct} when {@code applies} to a call's node and inputs. */
        Builder unsupportedWhen(String construct, BiPredicate<OpNode, Map<String, Tensor>> applies) {
            limits.add(new Limit(construct, applies));
            return this;
        }

        /** A document checks {@code check} before running the op. */
        Builder checkedInDocuments(OpCheck check) {
            documentCheck = check;
            return this;
        }

        /** torch takes a Python number as the first tensor, as a 0-d tensor ({@code torch.add(3, x)}). */
        Builder numbersAsTensors() {
            numberInput = new NumberInput(true, null);
            return this;
        }

        /** torch takes a Python number as the first tensor and runs {@code how} ({@code torch.pow(2, x)}). */
        Builder alphaRun(AlphaRun how) {
            alphaRun = how;
            return this;
        }

        Builder severalDimsRun(SeveralDims how) {
            severalDims = how;
            return this;
        }

        Builder numberInputRuns(NumberRun how) {
            numberInput = new NumberInput(false, how);
            return this;
        }

        Builder overloads(List<Overload> all) {
            overloads.addAll(all);
            return this;
        }

        /** One of torch's signatures of {@code torch.X}, as its TypeError prints it. */
        Builder overload(int minArgs, int maxArgs, String printed) {
            overloads.add(new Overload(minArgs, maxArgs, printed));
            return this;
        }

        OpSpec build() {
            return new OpSpec(symbol, List.copyOf(ports), List.copyOf(optionalPorts), List.copyOf(integerPorts), group,
                    List.copyOf(attributes),
                    List.copyOf(needsOneOf), implicitDim,
                    java.util.Collections.unmodifiableMap(new EnumMap<>(defaults)),
                    List.copyOf(spellings), numberFirst, product, run, List.copyOf(limits), documentCheck, numberInput,
                    severalDims, alphaRun, List.copyOf(overloads));
        }
    }
}
