package org.gradviz.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.LayoutDirection;
import org.gradviz.app.document.Theme;
import org.gradviz.app.render.AutogradDot;
import org.gradviz.app.render.ExportFormat;
import org.gradviz.app.render.GraphExporter;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.GraphvizEngineKind;
import org.gradviz.app.render.GraphvizService;
import org.gradviz.app.render.NetworkDot;
import org.gradviz.app.render.RenderException;
import org.gradviz.engine.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gradviz export INPUT -o OUT}: draws a document's autograd graph (torchviz style) or network
 * diagram to a DOT, SVG or PNG file, picked by OUT's extension. Bad input gives one line on stderr, exit
 * code 2, and no output file.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Draw a document's autograd graph or network to OUT (.png, .svg or .dot).")
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "A .json document.")
    private Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "The file to write; its extension picks the format: png, svg or dot.")
    private Path output;

    @Option(names = "--view", paramLabel = "autograd|network", defaultValue = "autograd",
            description = "autograd: the backward graph as torchviz draws it (default); network: the network diagram.")
    private String view;

    @Option(names = "--root", paramLabel = "NAME",
            description = "The tensor whose graph to draw (default: the document's output, else loss).")
    private String root;

    @Option(names = "--show-saved", description = "Show the tensors saved for backward (orange).")
    private boolean showSaved;

    @Option(names = "--show-attrs", description = "Show each backward node's saved attributes.")
    private boolean showAttrs;

    @Option(names = "--values", description = "Show values and gradients in the labels (data | grad).")
    private boolean values;

    @Option(names = "--rankdir", paramLabel = "TB|LR", description = "Direction: top to bottom or left to right.")
    private String rankdir;

    @Option(names = "--dpi", paramLabel = "N", description = "Resolution of PNG pictures (default 96).")
    private Integer dpi;

    @Option(names = "--theme", paramLabel = "light|dark|high-contrast", description = "Colours (default light).")
    private String theme;

    @Option(names = "--engine", hidden = true, paramLabel = "auto|dot|embedded", defaultValue = "auto",
            description = "Which Graphviz lays out the graph.")
    private String engine;

    @Override
    public Integer call() {
        try {
            ExportFormat format = checkArguments();
            String dot = dotText(format);
            new GraphExporter(format == ExportFormat.DOT ? null : GraphvizService.shared(engineKind()))
                    .export(dot, format, dpi, output);
            return ExitCode.OK;
        } catch (BadInput | DocumentException e) {
            return fail(e.getMessage(), ExitCode.USAGE);
        } catch (RenderException e) {
            return fail(e.getMessage(), ExitCode.FAILED);
        } catch (IOException e) {
            return fail("cannot write " + output + ": " + e.getMessage(), ExitCode.FAILED);
        }
    }

    private ExportFormat checkArguments() {
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(input)) {
            throw new BadInput("no such file: " + input);
        }
        if (name.endsWith(".py")) {
            throw new BadInput(input + ": exporting a .py program needs the code runner, which this gradviz does not"
                    + " have yet; export the equivalent .json document");
        }
        if (!name.endsWith(".json")) {
            throw new BadInput(input + ": INPUT must be a .json document");
        }
        String out = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (out.endsWith(".pdf")) {
            throw new BadInput("pdf export needs a PDF writer gradviz does not bundle yet; export .svg or .png");
        }
        Optional<ExportFormat> format = ExportFormat.forFile(output);
        if (format.isEmpty()) {
            throw new BadInput(output + ": OUT must end in .png, .svg or .dot");
        }
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BadInput("no such folder for " + output);
        }
        if (dpi != null && (dpi < 10 || dpi > 2400)) {
            throw new BadInput("--dpi " + dpi + " is out of range (10 to 2400)");
        }
        if (!view.equals("autograd") && !view.equals("network")) {
            throw new BadInput("--view must be autograd or network, not " + view);
        }
        return format.get();
    }

    private String dotText(ExportFormat format) {
        GraphDocument document = new DocumentReader().read(input);
        CompiledDocument compiled = new DocumentCompiler().compile(document);
        GraphOptions options = options(document);
        if (options.values()) {
            compiled.backward();
        }
        if (view.equals("network")) {
            return NetworkDot.render(document, compiled, options);
        }
        String rootName = root == null ? compiled.outputName() : root;
        Tensor tensor = compiled.tensor(rootName);
        if (tensor == null) {
            throw new BadInput("--root \"" + rootName + "\" names no tensor of " + input.getFileName());
        }
        if (tensor.gradFn() == null) {
            throw new BadInput("--root \"" + rootName + "\" has no grad_fn, so there is no graph to draw");
        }
        return AutogradDot.render(tensor, compiled.tensors(), options);
    }

    private GraphOptions options(GraphDocument document) {
        GraphOptions options = GraphOptions.from(document.viewOrDefault());
        if (view.equals("autograd") && document.viewOrDefault().rankdir() != null && rankdir == null) {
            options = options.withRankdir(null); // a document's direction is for its network; autograd stays TB
        }
        if (rankdir != null) {
            options = options.withRankdir(parse(LayoutDirection.class, rankdir.toUpperCase(Locale.ROOT), "--rankdir",
                    "TB or LR"));
        }
        if (theme != null) {
            options = options.withTheme(parse(Theme.class, theme.toUpperCase(Locale.ROOT).replace('-', '_'),
                    "--theme", "light, dark or high-contrast"));
        }
        options = showSaved ? options.withShowSaved(true) : options;
        options = showAttrs ? options.withShowAttrs(true) : options;
        options = values ? options.withValues(true) : options;
        return dpi != null ? options.withDpi(dpi) : options;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String option, String allowed) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new BadInput(option + " must be " + allowed + ", not " + value.toLowerCase(Locale.ROOT));
        }
    }

    private GraphvizEngineKind engineKind() {
        return switch (engine) {
            case "dot" -> GraphvizEngineKind.DOT_BINARY;
            case "embedded" -> GraphvizEngineKind.EMBEDDED;
            default -> null;
        };
    }

    private int fail(String message, int code) {
        spec.commandLine().getErr().println("gradviz export: " + message);
        return code;
    }

    /** A problem with what the user gave: reported in one line, exit code 2. */
    private static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }
}
