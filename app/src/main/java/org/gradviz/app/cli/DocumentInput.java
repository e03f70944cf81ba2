package org.gradviz.app.cli;

import java.nio.file.Path;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.render.AutogradDot;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.NetworkDot;
import org.gradviz.engine.Tensor;

/** A document run forward on the engine; backward runs only when values (and so gradients) are shown. */
final class DocumentInput implements ExportInput {
    private final String fileName;
    private final GraphDocument document;
    private final CompiledDocument compiled;

    DocumentInput(String fileName, GraphDocument document) {
        this.fileName = fileName;
        this.document = document;
        this.compiled = new DocumentCompiler().compile(document);
    }

    static DocumentInput read(Path file) {
        return new DocumentInput(file.getFileName().toString(), new DocumentReader().read(file));
    }

    @Override
    public GraphOptions ownOptions() {
        return GraphOptions.from(document.viewOrDefault());
    }

    @Override
    public String autogradDot(String root, GraphOptions options) {
        String rootName = root == null ? compiled.outputName() : root;
        Tensor tensor = compiled.tensor(rootName);
        if (tensor == null) {
            throw new BadInput("--root \"" + rootName + "\" names no tensor of " + fileName);
        }
        if (tensor.gradFn() == null) {
            throw new BadInput("--root \"" + rootName + "\" has no grad_fn, so there is no graph to draw");
        }
        backwardWhenShowingValues(options);
        return AutogradDot.render(tensor, compiled.tensors(), options);
    }

    @Override
    public String networkDot(GraphOptions options) {
        backwardWhenShowingValues(options);
        return NetworkDot.render(document, compiled, options);
    }

    private void backwardWhenShowingValues(GraphOptions options) {
        if (options.values()) {
            compiled.backward();
        }
    }
}
