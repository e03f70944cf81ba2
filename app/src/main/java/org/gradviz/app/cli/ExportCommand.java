package org.gradviz.app.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.IoReason;
import org.gradviz.app.document.LayoutDirection;
import org.gradviz.app.document.Theme;
import org.gradviz.app.render.AnimatedGif;
import org.gradviz.app.render.ExportFormat;
import org.gradviz.app.render.GraphExporter;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.GraphvizEngineKind;
import org.gradviz.app.render.GraphvizService;
import org.gradviz.app.render.RenderException;
import org.gradviz.app.render.ThemeBackground;
import org.gradviz.app.slides.SlideFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gradviz export INPUT -o OUT}: draws the autograd graph (torchviz style) or network diagram of a
 * document or program to a DOT, SVG, PNG or PDF file, picked by OUT's extension. With {@code --step N},
 * {@code --frames DIR} or {@code --gif OUT.gif} it draws the input's last backward pass at one step or at every
 * step ({@link org.gradviz.app.slides.StepDot}). Bad input gives one line on stderr, exit code 2, and no output file.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {"Draw the autograd graph or network of a document or program to OUT (.png, .svg, .pdf or .dot).",
        "With --step, --frames or --gif: its last backward pass (for a program its last backward() call, for a document Forward"
            + " then Backward, as F5, F6 in the window) at one step or every step, values shown. Step 0 is before the"
            + " pass, step k after its first k events, the last step after the pass."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "A .json document or a .py program (run first, its output discarded).")
    private Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "The file to write; its extension picks the format: png, svg, pdf or dot. Needed unless"
                    + " --frames or --gif is given.")
    private Path output;

    @Option(names = "--step", paramLabel = "N",
            description = "Draw OUT as it is at step N of the input's last backward pass: 0 is before it, the last"
                    + " step after it, step k after its first k events (as the window's player numbers them).")
    private Integer step;

    @Option(names = "--frames", paramLabel = "DIR",
            description = "Write one PNG per step of the last backward pass into DIR (made when missing):"
                    + " step-00.png, step-01.png, … zero-padded to the number of pictures.")
    private Path frames;

    @Option(names = "--gif", paramLabel = "OUT.gif",
            description = "Write an animated GIF of every step of the last backward pass, looping forever.")
    private Path gif;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "800",
            description = "How long the GIF shows each step, in milliseconds (default ${DEFAULT-VALUE}).")
    private int delay;

    @Option(names = "--view", paramLabel = "autograd|network", defaultValue = "autograd",
            description = "autograd: the backward graph as torchviz draws it (default); network: the network diagram.")
    private String view;

    @Option(names = "--root", paramLabel = "NAME",
            description = "The tensor whose graph to draw (default: the document's output; for a program loss, else the last tensor variable with a grad_fn).")
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

    @Option(names = "--engine", paramLabel = "auto|dot|embedded", defaultValue = "auto",
            description = "Which Graphviz lays out the graph: the dot program, the embedded one (viz.js), or auto"
                    + " (default: dot when it is on the PATH, else embedded).")
    private String engine;

    /** Where the network view of a .py program comes from. */
    private final ProgramImporter importer = ProgramImporter.SCRIPT;

    @Override
    public Integer call() {
        try {
            ExportFormat format = checkArguments();
            ExportInput source = ExportInput.open(input, importer);
            GraphOptions options = options(source.ownOptions());
            GraphExporter exporter = new GraphExporter(format == ExportFormat.DOT && !slides() ? null
                    : GraphvizService.shared(engineKind()));
            // the steps are drawn with values: a slide of a backward pass shows the gradients
            BackwardSteps steps = stepped() ? stepsOf(source, options.withValues(true)) : null;
            if (output != null) {
                String dot = step != null ? steps.dot(step)
                        : view.equals("network") ? source.networkDot(options) : source.autogradDot(root, options);
                exporter.export(dot, format, dpi, output);
            }
            if (slides()) {
                writeSlides(steps, exporter, options);
            }
            return ExitCode.OK;
        } catch (BadInput | DocumentException e) {
            return fail(e.getMessage(), ExitCode.USAGE);
        } catch (RenderException e) {
            return fail(e.getMessage(), ExitCode.FAILED);
        } catch (IOException e) {
            return fail("cannot write " + (output != null ? output : frames != null ? frames : gif) + ": "
                    + IoReason.of(e), ExitCode.FAILED);
        }
    }

    /** Whether a backward pass is drawn step by step: {@code --step}, {@code --frames} or {@code --gif}. */
    private boolean stepped() {
        return step != null || slides();
    }

    /** Whether every step is drawn: {@code --frames} or {@code --gif}. */
    private boolean slides() {
        return frames != null || gif != null;
    }

    private BackwardSteps stepsOf(ExportInput source, GraphOptions options) {
        return view.equals("network") ? source.networkSteps(options) : source.autogradSteps(root, options);
    }

    /** A picture of every step: as numbered PNG files, as an animated GIF, or both. */
    private void writeSlides(BackwardSteps steps, GraphExporter exporter, GraphOptions options) throws IOException {
        List<BufferedImage> pictures = SlideFiles.pictures(steps::dot, steps.lastStep(), exporter, dpi);
        if (frames != null) {
            SlideFiles.writeFrames(pictures, dpi, frames);
        }
        if (gif != null) {
            AnimatedGif.write(pictures, delay, ThemeBackground.of(options.theme()), gif);
        }
    }

    /** The format of OUT (DOT when there is no OUT), after checking every option that needs no input. */
    private ExportFormat checkArguments() {
        if (!Files.isRegularFile(input)) {
            throw new BadInput("no such file: " + input);
        }
        ExportFormat format = output == null ? ExportFormat.DOT : checkOutput();
        checkSteps();
        if (dpi != null && (dpi < 10 || dpi > 2400)) {
            throw new BadInput("--dpi " + dpi + " is out of range (10 to 2400)");
        }
        if (!view.equals("autograd") && !view.equals("network")) {
            throw new BadInput("--view must be autograd or network, not " + view);
        }
        checkEngine();
        return format;
    }

    private ExportFormat checkOutput() {
        Optional<ExportFormat> format = ExportFormat.forFile(output);
        if (format.isEmpty()) {
            throw new BadInput(output + ": OUT must end in .png, .svg, .pdf or .dot");
        }
        OutputPaths.requireFolder(output);
        OutputPaths.requireNotInput("-o", output, input);
        return format.get();
    }

    private void checkSteps() {
        if (step != null && output == null) {
            throw new BadInput("--step " + step + " draws OUT: give -o OUT too");
        }
        if (output == null && !slides()) {
            throw new BadInput("nothing to write: give -o OUT, --frames DIR or --gif OUT.gif");
        }
        if (frames != null && Files.exists(frames) && !Files.isDirectory(frames)) {
            throw new BadInput("--frames " + frames + " is a file; DIR must be a folder (made when missing)");
        }
        if (gif != null) {
            if (!gif.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif")) {
                throw new BadInput("--gif " + gif + ": the file must end in .gif");
            }
            OutputPaths.requireFolder(gif);
            OutputPaths.requireNotInput("--gif", gif, input);
        }
        if (delay < 10 || delay > 60_000) {
            throw new BadInput("--delay " + delay + " is out of range (10 to 60000 milliseconds)");
        }
    }

    private GraphOptions options(GraphOptions own) {
        GraphOptions options = own;
        if (view.equals("autograd") && rankdir == null) {
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

    private void checkEngine() {
        if (!engine.equals("auto") && !engine.equals("dot") && !engine.equals("embedded")) {
            throw new BadInput("--engine must be auto, dot or embedded, not " + engine);
        }
        if (engine.equals("dot") && GraphvizEngineKind.detect() != GraphvizEngineKind.DOT_BINARY) {
            throw new BadInput("--engine dot: Graphviz's dot program is not on the PATH; install graphviz or use"
                    + " --engine embedded");
        }
    }

    private int fail(String message, int code) {
        spec.commandLine().getErr().println("gradviz export: " + message);
        return code;
    }
}
