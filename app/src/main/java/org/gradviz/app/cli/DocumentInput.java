package org.gradviz.app.cli;

import java.nio.file.Path;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.RecordedBackward;
import org.gradviz.app.render.AutogradDot;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.NetworkDot;
import org.gradviz.app.slides.StepDot;
import org.gradviz.engine.Tensor;

/**
 * A document run forward on the engine; backward runs only when values (and so gradients) are shown. Its steps are
 * those of Backward after Forward, recorded as the window records them.
 */
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

    /**
     * Forward then Backward as the window's F5, F6 run them; the autograd view is the output's (the graph that
     * backward went through), so a {@code --root} other than the output is refused.
     */
    @Override
    public BackwardSteps autogradSteps(String root, GraphOptions options) {
        if (root != null && !root.equals(compiled.outputName())) {
            throw new BadInput("--root \"" + root + "\": the steps are those of " + compiled.outputName()
                    + ".backward(), so only its graph can be drawn at a step; leave out --root");
        }
        RecordedBackward pass = recordedBackward(options);
        return new BackwardSteps(pass.recording(), step -> StepDot.autograd(pass.picture(), pass.recording(), step));
    }

    @Override
    public BackwardSteps networkSteps(GraphOptions options) {
        Recording recording = recordedBackward(options).recording();
        return new BackwardSteps(recording, step -> StepDot.network(document, compiled, recording, step, options));
    }

    private RecordedBackward recordedBackward(GraphOptions options) {
        try {
            return RecordedBackward.of(document, options);
        } catch (DocumentException e) {
            throw new BadInput(fileName + " has no backward pass to show: " + e.getMessage());
        }
    }

    private void backwardWhenShowingValues(GraphOptions options) {
        if (options.values()) {
            compiled.backward();
        }
    }
}
