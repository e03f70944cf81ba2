package org.gradviz.app.document;

import static org.gradviz.app.document.OpAttribute.DIM;
import static org.gradviz.app.document.OpAttribute.END_DIM;
import static org.gradviz.app.document.OpAttribute.EXPONENT;
import static org.gradviz.app.document.OpAttribute.KEEPDIM;
import static org.gradviz.app.document.OpAttribute.MAX;
import static org.gradviz.app.document.OpAttribute.MIN;
import static org.gradviz.app.document.OpAttribute.REDUCTION;
import static org.gradviz.app.document.OpAttribute.SCALAR;
import static org.gradviz.app.document.OpAttribute.START_DIM;
import static org.gradviz.app.document.OpGroup.ACTIVATIONS;
import static org.gradviz.app.document.OpGroup.ARITHMETIC;
import static org.gradviz.app.document.OpGroup.GRAPH;
import static org.gradviz.app.document.OpGroup.LOSSES;
import static org.gradviz.app.document.OpGroup.MATMUL;
import static org.gradviz.app.document.OpGroup.REDUCTIONS;
import static org.gradviz.app.document.OpGroup.SHAPE;
import static org.gradviz.app.document.OpSpelling.attribute;
import static org.gradviz.app.document.OpSpelling.function;
import static org.gradviz.app.document.OpSpelling.infix;
import static org.gradviz.app.document.OpSpelling.method;
import static org.gradviz.app.document.OpSpelling.module;
import static org.gradviz.app.document.OpSpelling.prefix;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Arithmetic;
import org.gradviz.engine.ops.Embedding;
import org.gradviz.engine.ops.LinearAlgebra;
import org.gradviz.engine.ops.LogSoftmax;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.NllLoss;
import org.gradviz.engine.ops.Pointwise;
import org.gradviz.engine.ops.Reductions;
import org.gradviz.engine.ops.Softmax;
import org.gradviz.engine.ops.Views;

/**
 * The ops a document node can be, by the logical names saved in documents: one row per op with everything the app
 * knows of it ({@link OpSpec}), in the order the palette lists them: read by the palette, the validator, the
 * evaluator, the cell importer, the code writer and the Python runner, whose names of an op ({@code torch.X},
 * {@code t.X()}, {@code F.X}, {@code nn.C}) are its spellings. Adding an op is adding a row here (and its op in the
 * engine, where its chain rule lives).
 */
public enum OpKind {
    // ----- binary arithmetic: "other" is a port, or a Python number given as the "scalar" attribute
    @JsonProperty("add") ADD(OpSpec.of("+", ARITHMETIC, Ports.BINARY).takes(SCALAR).commutative().numbersAsTensors()
            .spelled(infix("+", "add").taking("input, other, *, alpha=1"))
            .alphaRun(Arithmetic::add)
            .runs(numberOr(SCALAR, "other", Tensor::add, Tensor::add))),
    @JsonProperty("sub") SUB(OpSpec.of("-", ARITHMETIC, Ports.BINARY).takes(SCALAR).numbersAsTensors()
            .numberFirstRefused("a number on the left of - has no node in a graph document; "
                    + "write -t + n instead of n - t")
            .spelled(infix("-", "sub").taking("input, other, *, alpha=1"))
            .alphaRun(Arithmetic::sub)
            .runs(numberOr(SCALAR, "other", Tensor::sub, Tensor::sub))),
    @JsonProperty("mul") MUL(OpSpec.of("×", ARITHMETIC, Ports.BINARY).takes(SCALAR).commutative().product()
            .numbersAsTensors()
            .spelled(infix("*", "mul"))
            .runs(numberOr(SCALAR, "other", Tensor::mul, Tensor::mul))),
    @JsonProperty("div") DIV(OpSpec.of("/", ARITHMETIC, Ports.BINARY).takes(SCALAR).numbersAsTensors()
            .numberFirstRefused("a number on the left of / has no node in a graph document; "
                    + "write t ** -1 * n instead of n / t")
            .spelled(infix("/", "div"))
            .runs(numberOr(SCALAR, "other", Tensor::div, Tensor::div))),
    @JsonProperty("neg") NEG(OpSpec.of("-x", ARITHMETIC, Ports.UNARY)
            .spelled(prefix("-", "neg"))
            .runs(unary(Tensor::neg))),
    /** {@code input ** exponent}: the exponent is a port or the "exponent" attribute. */
    @JsonProperty("pow") POW(OpSpec.of("**", ARITHMETIC, List.of("input", "exponent")).takes(EXPONENT)
            .starts(EXPONENT, 2.0)
            .numberInputRuns((number, integral, in) -> Arithmetic.pow(number, integral, in.get("exponent")))
            .overload(2, 3, "(Tensor input, Tensor exponent, *, Tensor out)")
            .overload(2, 3, "(Number self, Tensor exponent, *, Tensor out)")
            .overload(2, 3, "(Tensor input, Number exponent, *, Tensor out)")
            .numberFirstRefused("a number raised to a tensor (n ** t) has no node in a graph document; "
                    + "write torch.exp(t * math.log(n))")
            .spelled(infix("**", "pow"))
            .runs(numberOr(EXPONENT, "exponent", Tensor::pow, Tensor::pow))),
    // ----- activations and other pointwise functions
    @JsonProperty("sigmoid") SIGMOID(OpSpec.of("σ", ACTIVATIONS, Ports.UNARY)
            .spelled(function("torch.sigmoid"), module("Sigmoid", "sigmoid"))
            .runs(unary(Tensor::sigmoid))),
    @JsonProperty("tanh") TANH(OpSpec.of("tanh", ACTIVATIONS, Ports.UNARY)
            .spelled(function("torch.tanh"), module("Tanh", "tanh"))
            .runs(unary(Tensor::tanh))),
    @JsonProperty("relu") RELU(OpSpec.of("ReLU", ACTIVATIONS, Ports.UNARY)
            .spelled(function("torch.relu"), module("ReLU", "relu").taking("inplace=False"))
            .runs(unary(Tensor::relu))),
    @JsonProperty("exp") EXP(OpSpec.of("exp", ACTIVATIONS, Ports.UNARY)
            .spelled(function("torch.exp"))
            .runs(unary(Tensor::exp))),
    @JsonProperty("log") LOG(OpSpec.of("log", ACTIVATIONS, Ports.UNARY)
            .spelled(function("torch.log"))
            .runs(unary(Tensor::log))),
    @JsonProperty("sin") SIN(OpSpec.of("sin", ACTIVATIONS, Ports.UNARY)
            .spelled(function("torch.sin"))
            .runs(unary(Tensor::sin))),
    @JsonProperty("cos") COS(OpSpec.of("cos", ACTIVATIONS, Ports.UNARY)
            .spelled(function("torch.cos"))
            .runs(unary(Tensor::cos))),
    @JsonProperty("clamp") CLAMP(OpSpec.of("clamp", ACTIVATIONS, Ports.UNARY).takes(MIN, MAX).needsOneOf(MIN, MAX)
            .overload(1, 4, "(Tensor input, Tensor min, Tensor max, *, Tensor out)")
            .overload(1, 4, "(Tensor input, Number min, Number max, *, Tensor out)")
            .starts(MIN, 0.0)
            .spelled(function("torch.clamp"))
            .runs((n, in) -> input(in).clamp(n.min(), n.max()))),
    @JsonProperty("abs") ABS(OpSpec.of("|x|", ACTIVATIONS, Ports.UNARY)
            .spelled(function("torch.abs"))
            .runs(unary(Pointwise::abs))),
    @JsonProperty("sqrt") SQRT(OpSpec.of("√", ACTIVATIONS, Ports.UNARY)
            .spelled(function("torch.sqrt"))
            .runs(unary(Pointwise::sqrt))),
    @JsonProperty("softmax") SOFTMAX(OpSpec.of("softmax", ACTIVATIONS, Ports.UNARY).takes(DIM).needsOneOf(DIM)
            .implicitDim().starts(DIM, -1)
            .overload(2, 4, "(Tensor input, int dim, torch.dtype dtype, *, Tensor out)")
            .overload(2, 3, "(Tensor input, name dim, *, torch.dtype dtype)")
            .spelled(function("torch.softmax").taking("input, dim, dtype=None"),
                    function("F.softmax").taking("input, dim=None, _stacklevel=3, dtype=None")
                            .reading("softmax"),
                    method("softmax").taking("input, dim, dtype=None"), module("Softmax", "softmax").taking("dim=None"))
            .runs((n, in) -> Softmax.softmax(input(in), n.dim()))),
    @JsonProperty("log_softmax") LOG_SOFTMAX(OpSpec.of("log softmax", ACTIVATIONS, Ports.UNARY).takes(DIM)
            .needsOneOf(DIM).implicitDim().starts(DIM, -1)
            .overload(2, 4, "(Tensor input, int dim, torch.dtype dtype, *, Tensor out)")
            .overload(2, 3, "(Tensor input, name dim, *, torch.dtype dtype)")
            .spelled(function("torch.log_softmax").taking("input, dim, dtype=None"),
                    function("F.log_softmax").taking("input, dim=None, _stacklevel=3, dtype=None")
                            .reading("log_softmax"),
                    method("log_softmax").taking("input, dim, dtype=None"),
                    module("LogSoftmax", "log_softmax").taking("dim=None"))
            .runs((n, in) -> LogSoftmax.logSoftmax(input(in), n.dim()))),
    // ----- reductions (optional "dim" and "keepdim")
    @JsonProperty("sum") SUM(OpSpec.of("Σ", REDUCTIONS, Ports.UNARY).takes(DIM, KEEPDIM)
            .numberFirstRefused(Ports.SUM_OF_A_LIST).overloads(Ports.REDUCTION)
            .spelled(method("sum").taking("input, dim=None, keepdim=False, *, dtype=None"))
            .severalDimsRun(Reductions::sum)
            .runs((n, in) -> n.dim() == null ? input(in).sum() : input(in).sum(n.dim(), n.keepdimOrDefault()))),
    @JsonProperty("mean") MEAN(OpSpec.of("mean", REDUCTIONS, Ports.UNARY).takes(DIM, KEEPDIM)
            .numberFirstRefused(Ports.SUM_OF_A_LIST).overloads(Ports.REDUCTION)
            .spelled(method("mean").taking("input, dim=None, keepdim=False, *, dtype=None"))
            .severalDimsRun(Reductions::mean)
            .runs((n, in) -> n.dim() == null ? input(in).mean() : input(in).mean(n.dim(), n.keepdimOrDefault()))),
    // ----- products and movement
    @JsonProperty("matmul") MATMUL(OpSpec.of("*", OpGroup.MATMUL, Ports.BINARY).product()
            .spelled(function("torch.matmul"), infix("@", "matmul"),
                    function("torch.mm", "input", "mat2")
                            .running((n, in) -> LinearAlgebra.mm(input(in), in.get("other"))))
            .checkedInDocuments((n, in) -> OpEvaluator.matmulShapes(input(in), in.get("other")))
            .runs((n, in) -> LinearAlgebra.matmul(input(in), in.get("other")))),
    @JsonProperty("linear") LINEAR(OpSpec.of("linear", OpGroup.MATMUL, List.of("input", "weight", "bias"))
            .optional("bias")
            .spelled(function("F.linear"),
                    module("Linear", "linear").taking("in_features, out_features, bias=True, device=None, dtype=None"))
            .runs((n, in) -> LinearAlgebra.linear(input(in), in.get("weight"), in.get("bias")))),
    /**
     * {@code F.embedding(input, weight)}: row {@code i} of the table {@code weight} for every int64 index {@code i} of
     * {@code input}, shaped as input then the row (EmbeddingBackward0, one edge: indices take no gradient).
     * {@code nn.Embedding(n, d)} is this node with its weight, drawn by the module, as a parameter.
     */
    @JsonProperty("embedding") EMBEDDING(OpSpec.of("embed", OpGroup.MATMUL, List.of("input", "weight")).indices("input")
            .spelled(function("F.embedding").taking("input, weight, padding_idx=None, max_norm=None, norm_type=2.0, "
                            + "scale_grad_by_freq=False, sparse=False"),
                    module("Embedding", "embedding").taking("num_embeddings, embedding_dim, padding_idx=None, "
                            + "max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False, _weight=None, "
                            + "device=None, dtype=None"))
            .runs((n, in) -> Embedding.embedding(in.get("weight"), input(in), -1))),
    /** {@code t.t()}. */
    @JsonProperty("t") T(OpSpec.of("t()", OpGroup.MATMUL, Ports.UNARY)
            .spelled(method("t"))
            .runs(unary(Tensor::t))),
    /** {@code t.T}: all dimensions reversed. */
    @JsonProperty("transpose") TRANSPOSE(OpSpec.of(".T", OpGroup.MATMUL, Ports.UNARY)
            .spelled(attribute("T"))
            .runs(unary(Tensor::T))),
    /**
     * {@code torch.flatten(input, start_dim, end_dim)}: dimensions start_dim to end_dim merged into one
     * (ReshapeAliasBackward0), the input itself when that is one dimension. An absent start_dim is 0, as
     * torch.flatten's; {@code nn.Flatten()} is start_dim=1, which the importer writes out.
     */
    @JsonProperty("flatten") FLATTEN(OpSpec.of("flatten", SHAPE, Ports.UNARY).takes(START_DIM, END_DIM)
            .starts(START_DIM, 0).starts(END_DIM, -1)
            .spelled(function("torch.flatten").taking("input, start_dim=0, end_dim=-1"),
                    module("Flatten", "flatten").taking("start_dim=1, end_dim=-1").notInFunctional())
            .runs((n, in) -> Views.flatten(input(in), n.startDimOrDefault(), n.endDimOrDefault()))),
    /**
     * {@code t.view(*size)}: the same elements under another shape, one size of which may be -1 (inferred from the
     * number of elements), sharing the input's storage (ViewBackward0); torch refuses strides that cannot be viewed
     * so (a transposed input), where reshape copies. No {@code torch.view}: a method only.
     */
    @JsonProperty("view") VIEW(OpSpec.of("view", SHAPE, Ports.UNARY).takes(OpAttribute.SHAPE)
            .needsOneOf(OpAttribute.SHAPE).starts(OpAttribute.SHAPE, List.of(-1L))
            .overload(2, 2, "(Tensor input, torch.dtype dtype)").overload(2, 2, "(Tensor input, tuple of SymInts size)")
            .spelled(method("view").taking("input, *size").only())
            .runs((n, in) -> Views.view(input(in), sizes(n, input(in))))),
    /**
     * {@code torch.reshape(input, shape)} or {@code t.reshape(*shape)}: as view where the input's strides allow
     * (ReshapeAliasBackward0, as torch 1.13 records it), else a copy (CloneBackward0 under UnsafeViewBackward0).
     */
    @JsonProperty("reshape") RESHAPE(OpSpec.of("reshape", SHAPE, Ports.UNARY).takes(OpAttribute.SHAPE)
            .needsOneOf(OpAttribute.SHAPE).starts(OpAttribute.SHAPE, List.of(-1L))
            .spelled(method("reshape").taking("input, *shape"))
            .runs((n, in) -> Views.reshape(input(in), sizes(n, input(in))))),
    // ----- losses (optional "reduction": mean, sum or none)
    @JsonProperty("binary_cross_entropy_with_logits") BINARY_CROSS_ENTROPY_WITH_LOGITS(
            OpSpec.of("CE", LOSSES, Ports.LOSS).takes(REDUCTION)
            .spelled(function("F.binary_cross_entropy_with_logits").reading("size"),
                    module("BCEWithLogitsLoss", "binary_cross_entropy_with_logits")
                            .taking("weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None"))
            .runs((n, in) -> Losses.binaryCrossEntropyWithLogits(input(in), in.get("target"),
                    OpEvaluator.reduction(n)))),
    @JsonProperty("binary_cross_entropy") BINARY_CROSS_ENTROPY(OpSpec.of("BCE", LOSSES, Ports.LOSS).takes(REDUCTION)
            .spelled(function("F.binary_cross_entropy").reading("size"), module("BCELoss", "binary_cross_entropy")
                    .taking("weight=None, size_average=None, reduce=None, reduction='mean'"))
            .runs((n, in) -> Losses.binaryCrossEntropy(input(in), in.get("target"), OpEvaluator.reduction(n)))),
    @JsonProperty("mse_loss") MSE_LOSS(OpSpec.of("MSE", LOSSES, Ports.LOSS).takes(REDUCTION)
            .spelled(function("F.mse_loss").reading("size"), module("MSELoss", "mse_loss")
                    .taking("size_average=None, reduce=None, reduction='mean'"))
            .unsupportedWhen("'mse_loss' of an input and a target of different sizes",
                    (n, in) -> !input(in).shape().equals(in.get("target").shape()))
            .runs((n, in) -> Losses.mseLoss(input(in), in.get("target"), OpEvaluator.reduction(n)))),
    /**
     * {@code F.nll_loss(input, target)}: minus the input's entry at each int64 class index of target (log
     * probabilities, from log_softmax), reduced (NllLossBackward0). Input (N, C) with target (N), or (C) with ().
     */
    @JsonProperty("nll_loss") NLL_LOSS(OpSpec.of("NLL", LOSSES, Ports.LOSS).indices("target").takes(REDUCTION)
            .spelled(function("F.nll_loss").taking(Ports.NLL_ARGUMENTS),
                    module("NLLLoss", "nll_loss").taking(Ports.NLL_INIT))
            .unsupportedWhen("'nll_loss' of an input with more than 2 dimensions", (n, in) -> input(in).dim() > 2)
            .checkedInDocuments((n, in) -> OpEvaluator.classInput("nll_loss", input(in), in.get("target")))
            .runs((n, in) -> NllLoss.nllLoss(input(in), in.get("target"), OpEvaluator.reduction(n),
                    Ports.NO_IGNORED_CLASS))),
    /**
     * {@code F.cross_entropy(input, target)} with int64 class indices: nll_loss of log_softmax over the classes, the
     * two nodes torch records (LogSoftmaxBackward0 under NllLossBackward0).
     */
    @JsonProperty("cross_entropy") CROSS_ENTROPY(OpSpec.of("XE", LOSSES, Ports.LOSS).indices("target")
            .takes(REDUCTION)
            .spelled(function("F.cross_entropy").taking(Ports.NLL_ARGUMENTS + ", label_smoothing=0.0"),
                    module("CrossEntropyLoss", "cross_entropy").taking(Ports.NLL_INIT + ", label_smoothing=0.0"))
            .unsupportedWhen("'nll_loss' of an input with more than 2 dimensions", (n, in) -> input(in).dim() > 2)
            .checkedInDocuments((n, in) -> OpEvaluator.classInput("cross_entropy", input(in), in.get("target")))
            .runs((n, in) -> NllLoss.crossEntropy(input(in), in.get("target"), OpEvaluator.reduction(n),
                    Ports.NO_IGNORED_CLASS))),
    // ----- graph
    /** {@code t.detach()}: the same values, cut from the graph, so no gradient flows back through it. */
    @JsonProperty("detach") DETACH(OpSpec.of("detach", GRAPH, Ports.UNARY)
            .spelled(method("detach"))
            .runs(unary(Tensor::detach)));

    private final OpSpec spec;

    OpKind(OpSpec.Builder spec) {
        this.spec = spec.build();
    }

    /** Everything the app knows of this op. */
    public OpSpec spec() {
        return spec;
    }

    /** The name in documents, e.g. {@code binary_cross_entropy_with_logits}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the network view draws in the op's circle. */
    public String symbol() {
        return spec.symbol();
    }

    /** Every input port, in argument order. */
    public List<String> ports() {
        return spec.ports();
    }

    /** Whether a node of this kind may carry {@code attribute}. */
    public boolean takes(OpAttribute attribute) {
        return spec.attributes().contains(attribute);
    }

    /** True for add, sub, mul and div, whose "other" may be a number instead of a port. */
    public boolean takesScalar() {
        return takes(SCALAR);
    }

    /** The losses, which take a {@code reduction} and a {@code target}. */
    public boolean isLoss() {
        return spec.group() == LOSSES;
    }

    /** The ops that take {@code dim} and {@code keepdim}. */
    public boolean isReduction() {
        return takes(DIM);
    }

    /** Whether {@code port} takes int64 indices (nll_loss's target, embedding's input). */
    public boolean takesIndices(String port) {
        return spec.integerPorts().contains(port);
    }

    /** Whether {@code port} must be connected on {@code node} of this kind. */
    public boolean requires(String port, OpNode node) {
        if (spec.optionalPorts().contains(port)) {
            return false;
        }
        return spec.attributes().stream().noneMatch(a -> port.equals(a.standsInFor()) && a.of(node) != null);
    }

    /** A node of this kind as the palette adds it, with its starting attributes. */
    public OpNode newNode(String name) {
        return OpAttribute.node(name, this, spec.defaults());
    }

    private static Tensor input(Map<String, Tensor> in) {
        return in.get("input");
    }

    /** A view's or reshape's sizes for {@code input}, its -1 inferred, in torch's words when they do not fit. */
    private static org.gradviz.engine.Shape sizes(OpNode n, Tensor input) {
        return Views.inferSize(n.shape().stream().mapToLong(Long::longValue).toArray(), input.numel());
    }

    private static OpRun unary(java.util.function.UnaryOperator<Tensor> op) {
        return (n, in) -> op.apply(input(in));
    }

    /** {@code input op number} when {@code attribute} is set, else {@code input op port}. */
    private static OpRun numberOr(OpAttribute attribute, String port, BiFunction<Tensor, Double, Tensor> byNumber,
                                  BiFunction<Tensor, Tensor, Tensor> byTensor) {
        return (n, in) -> attribute.of(n) != null ? byNumber.apply(input(in), (Double) attribute.of(n))
                : byTensor.apply(input(in), in.get(port));
    }

    /** The port lists and texts rows share. */
    private static final class Ports {
        static final List<String> UNARY = List.of("input");
        static final List<String> BINARY = List.of("input", "other");
        static final List<String> LOSS = List.of("input", "target");
        /** torch.sum's and torch.mean's signatures. */
        static final List<OpSpec.Overload> REDUCTION = List.of(
                new OpSpec.Overload(1, 2, "(Tensor input, *, torch.dtype dtype)"),
                new OpSpec.Overload(2, 5, "(Tensor input, tuple of ints dim, bool keepdim, *, torch.dtype dtype, "
                        + "Tensor out)"),
                new OpSpec.Overload(2, 5, "(Tensor input, tuple of names dim, bool keepdim, *, torch.dtype dtype, "
                        + "Tensor out)"));
        /** F.nll_loss's parameters, and nn.NLLLoss's; a node holds reduction only, the rest stay at their defaults. */
        static final String NLL_ARGUMENTS = "input, target, weight=None, size_average=None, ignore_index=-100, "
                + "reduce=None, reduction='mean'";
        static final String NLL_INIT = "weight=None, size_average=None, ignore_index=-100, reduce=None, "
                + "reduction='mean'";
        /** torch's default ignore_index, -100: no class is left out. */
        static final long NO_IGNORED_CLASS = -100;
        static final String SUM_OF_A_LIST = "Python's sum() of a list has no node in a graph document; "
                + "add the tensors with +";
    }
}
