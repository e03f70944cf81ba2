package org.gradviz.app.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;

/**
 * Small valid documents a cell can say exactly: sources of one shape with every initialiser, elementwise ops
 * (tensor and scalar operands), every value used, nodes in the order a cell would make them, all values shown,
 * the role following requires_grad, and a reduction or a loss at the end.
 */
final class RandomDocuments {
    private static final OpKind[] UNARY = {OpKind.NEG, OpKind.SIN, OpKind.COS, OpKind.EXP, OpKind.TANH,
        OpKind.SIGMOID, OpKind.RELU, OpKind.CLAMP, OpKind.POW};
    private static final OpKind[] BINARY = {OpKind.ADD, OpKind.SUB, OpKind.MUL, OpKind.DIV};
    private static final double[] NUMBERS = {2.0, -1.0, 0.5, 3.0, -2.5, 0.25};

    private final Random random;
    private final List<Integer> shape;
    private final List<TensorSource> tensors = new ArrayList<>();
    private final List<OpNode> nodes = new ArrayList<>();
    private final List<Connection> edges = new ArrayList<>();
    private final List<String> unused = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    private RandomDocuments(long seed) {
        this.random = new Random(seed);
        this.shape = List.<List<Integer>>of(List.of(), List.of(3), List.of(2, 3)).get(random.nextInt(3));
    }

    static GraphDocument generate(long seed) {
        return new RandomDocuments(seed).document();
    }

    private GraphDocument document() {
        int sources = 1 + random.nextInt(3);
        for (int i = 0; i < sources; i++) {
            addSource("t" + i, i == 0 || random.nextBoolean());
        }
        int ops = 1 + random.nextInt(5);
        for (int i = 0; i < ops; i++) {
            addOp();
        }
        while (unused.size() > 1) {
            addNode(OpNode.of(name(), OpKind.ADD), "input", unused.get(0), "other", unused.get(1));
        }
        String last = unused.get(0);
        switch (random.nextInt(3)) {
            case 0 -> addNode(OpNode.of("total", random.nextBoolean() ? OpKind.SUM : OpKind.MEAN), "input", last);
            case 1 -> {
                addSource("target", false);
                OpKind loss = random.nextBoolean() ? OpKind.MSE_LOSS : OpKind.BINARY_CROSS_ENTROPY_WITH_LOGITS;
                if (loss == OpKind.MSE_LOSS) {
                    sameDtypeAsInput(tensors.size() - 1);
                }
                String reduction = random.nextBoolean() ? null : List.of("mean", "sum").get(random.nextInt(2));
                addNode(new OpNode("total", loss, reduction, null, null, null, null, null, null, null, null, null, null),
                        "input", last, "target", "target");
            }
            default -> {
                // the output stays a tensor of the sources' shape: backward takes a gradient of ones
            }
        }
        boolean drawsRandn = tensors.stream().anyMatch(t -> t.init() instanceof Initializer.Randn);
        return new GraphDocument(GraphDocument.CURRENT_VERSION, null, drawsRandn ? (long) random.nextInt(100) : null,
                tensors, nodes, edges, unused.get(0), null, null);
    }

    /**
     * Gives the source at {@code index} (an mse_loss target) the dtype of the loss input: float64 when any other
     * source is (every one of them flows into it), as torch's mse_loss backward needs input and target of one dtype.
     */
    private void sameDtypeAsInput(int index) {
        TensorSource t = tensors.get(index);
        boolean float64 = tensors.stream().filter(x -> x != t).anyMatch(x -> "float64".equals(x.dtype()));
        tensors.set(index, new TensorSource(t.name(), t.role(), t.shape(), float64 ? "float64" : null,
                t.requiresGrad(), t.init()));
    }

    private void addSource(String name, boolean requiresGrad) {
        int numel = shape.stream().reduce(1, (a, b) -> a * b);
        Initializer init = switch (random.nextInt(6)) {
            case 0 -> new Initializer.Ones();
            case 1 -> new Initializer.Zeros();
            case 2 -> new Initializer.Randn();
            case 3 -> new Initializer.Full(NUMBERS[random.nextInt(NUMBERS.length)]);
            case 4 -> shape.size() == 2 ? new Initializer.Eye() : new Initializer.Ones();
            default -> {
                List<Double> data = new ArrayList<>();
                for (int i = 0; i < numel; i++) {
                    data.add(Math.round(random.nextGaussian() * 100) / 100.0);
                }
                yield new Initializer.Values(data);
            }
        };
        String dtype = random.nextInt(4) == 0 ? "float64" : null;
        tensors.add(new TensorSource(name, requiresGrad ? TensorRole.PARAMETER : TensorRole.INPUT, shape, dtype,
                requiresGrad, init));
        if (!name.equals("target")) {
            unused.add(name);
            values.add(name);
        }
    }

    private void addOp() {
        String input = pick();
        if (random.nextBoolean()) {
            OpKind kind = UNARY[random.nextInt(UNARY.length)];
            OpNode node = switch (kind) {
                case CLAMP -> new OpNode(name(), kind, null, null, null, null, null, null,
                        random.nextBoolean() ? -0.5 : null, 0.75, null, null, null);
                case POW -> new OpNode(name(), kind, null, null, null, null, null, null, null, null,
                        (double) (2 + random.nextInt(2)), null, null);
                default -> OpNode.of(name(), kind);
            };
            addNode(node, "input", input);
        } else if (random.nextBoolean()) {
            OpKind kind = BINARY[random.nextInt(BINARY.length)];
            addNode(new OpNode(name(), kind, null, null, null, null, null, null, null, null, null,
                    NUMBERS[random.nextInt(NUMBERS.length)], null), "input", input);
        } else {
            addNode(OpNode.of(name(), BINARY[random.nextInt(BINARY.length)]), "input", input, "other", pick());
        }
    }

    private String pick() {
        return values.get(random.nextInt(values.size()));
    }

    private String name() {
        return "v" + (nodes.size() + 1);
    }

    /** Adds the node fed by port-value pairs, in port order. */
    private void addNode(OpNode node, String... portFrom) {
        nodes.add(node);
        for (int i = 0; i < portFrom.length; i += 2) {
            edges.add(new Connection(portFrom[i + 1], node.name(), portFrom[i]));
            unused.remove(portFrom[i + 1]);
        }
        unused.add(node.name());
        values.add(node.name());
    }
}
