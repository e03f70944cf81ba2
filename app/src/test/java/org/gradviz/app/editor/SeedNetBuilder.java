package org.gradviz.app.editor;

import java.util.List;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;

/**
 * Builds the seed network through the editor's commands, the same steps a user's drags and inspector
 * edits make: x = ones(5), y = zeros(3), w = randn(5, 3), b = randn(3), z = x·w + b, loss = BCE(z, y).
 */
final class SeedNetBuilder {
    private SeedNetBuilder() {
    }

    static void build(EditorModel model) {
        model.addSource(TensorRole.INPUT, new Position(0, 0));
        model.updateTensor("x", new TensorSource("x", TensorRole.INPUT, List.of(5), null, false, new Initializer.Ones()));
        model.addSource(TensorRole.INPUT, new Position(240, 160));
        model.updateTensor("x1", new TensorSource("y", TensorRole.INPUT, List.of(3), null, false, new Initializer.Zeros()));
        model.addSource(TensorRole.PARAMETER, new Position(0, 160));
        model.updateTensor("w", new TensorSource("w", TensorRole.PARAMETER, List.of(5, 3), null, true,
                new Initializer.Randn()));
        model.addSource(TensorRole.PARAMETER, new Position(120, 160));
        model.updateTensor("w1", new TensorSource("b", TensorRole.PARAMETER, List.of(3), null, true,
                new Initializer.Randn()));
        model.addOp(OpKind.MATMUL, new Position(120, 0));
        model.addOp(OpKind.ADD, new Position(240, 0));
        model.addOp(OpKind.BINARY_CROSS_ENTROPY_WITH_LOGITS, new Position(360, 0));
        connect(model, "x", "matmul", "input");
        connect(model, "w", "matmul", "other");
        connect(model, "matmul", "add", "input");
        connect(model, "b", "add", "other");
        connect(model, "add", "loss", "input");
        connect(model, "y", "loss", "target");
    }

    private static void connect(EditorModel model, String from, String to, String port) {
        ConnectionVerdict verdict = model.connect(from, to, port);
        if (!verdict.allowed()) {
            throw new AssertionError(from + " -> " + to + "." + port + " refused: " + verdict.reason());
        }
    }
}
