package org.gradviz.app.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.concurrent.Task;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TracePlayer;
import org.gradviz.app.document.AtomicFiles;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.render.AnimatedGif;
import org.gradviz.app.render.AutogradDot;
import org.gradviz.app.render.AutogradMarks;
import org.gradviz.app.render.AutogradPicture;
import org.gradviz.app.render.ExportFormat;
import org.gradviz.app.render.GraphExporter;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.GraphvizService;
import org.gradviz.app.slides.SlideFiles;
import org.gradviz.app.slides.StepDot;

/**
 * File ▸ Export from the window, off the FX thread: PNG pictures are the view's own pixels (what it shows, in the
 * theme, at the step shown, after training: {@link TiledSnapshot}); SVG, PDF and DOT are the Graphviz drawing of
 * the same graph with the same values at the same step ({@link StepDot}); slides and GIFs step the player through the
 * pass and put it back where it was. Files appear only when complete (AtomicFiles; slides through a folder beside).
 */
public final class WindowExport {
    /** Each step of an animated GIF, as the player's default speed shows it. */
    public static final int GIF_DELAY_MILLIS = 800;

    private final EditorModel model;
    private final DrawingSource network;
    private final DrawingSource autograd;

    public WindowExport(EditorModel model, DrawingSource network, DrawingSource autograd) {
        this.model = model;
        this.network = network;
        this.autograd = autograd;
    }

    /** Whether slides and GIFs can be made: the player holds a recorded command. */
    public boolean hasSteps() {
        Recording recording = model.player().recordingProperty().get();
        return recording != null && recording.size() > 0;
    }

    /** The work of {@code request}, to run on a worker thread; its value is a one-line report of what was written. */
    public Task<String> task(ExportRequest request) {
        return new Task<>() {
            @Override
            protected String call() throws Exception {
                return WindowExport.this.run(request, this::isCancelled, (done, total) -> updateProgress(done, total));
            }
        };
    }

    /** Progress of a running export: {@code done} of {@code total} pictures. */
    interface Progress {
        void report(long done, long total);
    }

    String run(ExportRequest request, BooleanSupplier cancelled, Progress progress) throws Exception {
        boolean shown = FxCall.onFx(() -> model.display().showsValues());
        if (shown != request.values()) {
            FxCall.onFx(() -> {
                model.display().valuesShownProperty().set(request.values());
                return null;
            });
        }
        try {
            return switch (request.scope()) {
                case STEP -> step(request, cancelled);
                case SLIDES -> slides(request, cancelled, progress);
                case GIF -> gif(request, cancelled, progress);
            };
        } finally {
            if (shown != request.values()) {
                FxCall.onFx(() -> {
                    model.display().valuesShownProperty().set(shown);
                    return null;
                });
            }
        }
    }

    private String step(ExportRequest request, BooleanSupplier cancelled) throws Exception {
        Path target = request.target();
        if (request.format() == ExportFormat.PNG) {
            BufferedImage image = TiledSnapshot.take(source(request), request.size(), cancelled);
            if (image == null) {
                return cancelledMessage();
            }
            AtomicFiles.write(target, GraphExporter.png(image, request.size().dpi()));
            return "Exported " + target.getFileName() + " (" + image.getWidth() + " × " + image.getHeight() + ")";
        }
        String dot = FxCall.onFx(() -> dotNow(request));
        new GraphExporter(request.format() == ExportFormat.DOT ? null : GraphvizService.shared(null))
                .export(dot, request.format(), null, target);
        return "Exported " + target.getFileName();
    }

    private String slides(ExportRequest request, BooleanSupplier cancelled, Progress progress) throws Exception {
        int count = stepCount();
        int shownStep = FxCall.onFx(() -> model.player().positionProperty().get());
        try {
            Bounds area = everyStep(request, count);
            SlideFiles.writeFrames(count, step -> {
                BufferedImage frame = frameAt(step, request, area, cancelled);
                if (frame == null) {
                    throw new InterruptedException("cancelled");
                }
                progress.report(step + 1, count);
                return GraphExporter.png(frame, request.size().dpi());
            }, request.target());
        } catch (InterruptedException e) {
            return cancelledMessage();
        } finally {
            seek(shownStep);
        }
        return "Exported " + count + " slides into " + request.target().getFileName() + "/ ("
                + SlideFiles.frameName(0, count) + " to " + SlideFiles.frameName(count - 1, count) + ")";
    }

    private String gif(ExportRequest request, BooleanSupplier cancelled, Progress progress) throws Exception {
        int count = stepCount();
        int shownStep = FxCall.onFx(() -> model.player().positionProperty().get());
        List<BufferedImage> frames = new ArrayList<>(count);
        Paint background;
        try {
            Bounds area = everyStep(request, count);
            for (int step = 0; step < count; step++) {
                BufferedImage frame = frameAt(step, request, area, cancelled);
                if (frame == null) {
                    return cancelledMessage();
                }
                frames.add(frame);
                progress.report(step + 1, count + 1);
            }
            background = FxCall.onFx(() -> source(request).background());
        } finally {
            seek(shownStep);
        }
        AnimatedGif.write(frames, GIF_DELAY_MILLIS, awt(background), request.target());
        return "Exported " + request.target().getFileName() + " (" + count + " frames)";
    }

    /** The view at step {@code step} of the pass, framing {@code area}; null when cancelled. */
    private BufferedImage frameAt(int step, ExportRequest request, Bounds area, BooleanSupplier cancelled) throws
            InterruptedException {
        seek(step);
        return TiledSnapshot.take(source(request), request.size(), area, cancelled);
    }

    /**
     * What the drawing covers at one step or another (edge labels come and go): one frame for every picture of a
     * pass, so slides and GIF frames have one size and the graph does not jump.
     */
    private Bounds everyStep(ExportRequest request, int count) throws InterruptedException {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int step = 0; step < count; step++) {
            seek(step);
            Bounds b = FxCall.onFx(() -> source(request).bounds());
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private int stepCount() throws InterruptedException {
        Recording recording = FxCall.onFx(() -> model.player().recordingProperty().get());
        if (recording == null || recording.size() == 0) {
            throw new IllegalStateException("Slides need a pass to step through: run Forward or Backward first");
        }
        return recording.size() + 1;
    }

    private void seek(int step) throws InterruptedException {
        FxCall.onFx(() -> {
            TracePlayer player = model.player();
            player.pause();
            player.seek(step);
            return null;
        });
    }

    private DrawingSource source(ExportRequest request) {
        return request.view() == ExportRequest.View.NETWORK ? network : autograd;
    }

    /** The Graphviz drawing of the view as shown: the window's theme, the values at the player's step. */
    private String dotNow(ExportRequest request) throws DocumentException {
        GraphDocument document = model.document();
        GraphOptions options = GraphOptions.from(document.viewOrDefault()).withTheme(model.display().theme())
                .withValues(request.values());
        Recording recording = model.player().recordingProperty().get();
        int position = model.player().positionProperty().get();
        if (request.view() == ExportRequest.View.NETWORK) {
            return recording != null
                    ? StepDot.network(document, recording, position, options)
                    : StepDot.network(document, new DocumentCompiler().compile(document), model.shownBoard(), options);
        }
        AutogradPicture picture = model.autograd().graphProperty().get().pictureIfAny().orElseThrow(
                () -> new IllegalStateException("No autograd graph to draw: run Forward first"));
        GraphOptions autogradOptions = options.withRankdir(null);
        return recording != null
                ? StepDot.autograd(picture, recording, position, autogradOptions)
                : AutogradDot.render(picture, autogradOptions, AutogradMarks.NONE);
    }

    private static java.awt.Color awt(Paint paint) {
        Color c = paint instanceof Color color ? color : Color.WHITE;
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
    }

    private static String cancelledMessage() {
        return "Export cancelled: nothing was written";
    }

    /** The picture of {@code view} at {@code size} (Copy Image); null when cancelled. Call from a worker thread. */
    public BufferedImage picture(ExportRequest.View view, PictureSize size, BooleanSupplier cancelled)
            throws InterruptedException {
        return TiledSnapshot.take(view == ExportRequest.View.NETWORK ? network : autograd, size, cancelled);
    }

}
