package org.gradviz.app.slides;

import org.gradviz.app.animation.Board;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.app.animation.EdgeFlow;
import org.gradviz.app.animation.FlowFrame;
import org.gradviz.app.animation.FlowFrames;
import org.gradviz.app.animation.GradEdge;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.render.AutogradDot;
import org.gradviz.app.render.AutogradMarks;
import org.gradviz.app.render.AutogradPicture;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.NetworkDot;
import org.gradviz.app.render.PictureEdge;
import org.gradviz.app.render.PictureNode;
import org.gradviz.app.render.PictureValues;

/**
 * Either view as DOT at one step of a recording, numbered as the window's player numbers them: 0 is before the
 * command, {@code recording.size()} after it, step k after its first k events.
 *
 * <p>Autograd view: the picture's tensor boxes show their {@code .grad} as written by step k (a leaf's is None before
 * its {@code AccumulateGrad} ran), when the picture shows values; nodes that ran are drawn in the "done" style, the
 * running one highlighted; every edge that has carried a gradient by step k is labelled with it
 * ({@code ValueLabel}), the one it travels at step k drawn wide in another colour. At the last step this is the
 * picture as {@link AutogradDot} draws it after the command, plus those marks.
 *
 * <p>Network view: with values shown each box shows its value and grad on the recording's board at step k, those a
 * later command made out of date marked {@code (stale)}; at the last step this equals {@link NetworkDot}'s picture of
 * the engine's state after the command.
 */
public final class StepDot {
    private StepDot() {
    }

    /**
     * The autograd view of {@code picture} at step {@code position} of {@code recording}, drawn with the picture's
     * options. The picture's engine nodes and tensors must be numbered as the recording numbers them (made with the
     * recording's {@code TraceNumbering}).
     */
    public static String autograd(AutogradPicture picture, Recording recording, int position) {
        return AutogradDot.render(picture, marks(picture, recording, position));
    }

    /** {@link #autograd(AutogradPicture, Recording, int)} with {@code options}' theme, direction and dpi. */
    public static String autograd(AutogradPicture picture, Recording recording, int position, GraphOptions options) {
        return AutogradDot.render(picture, options, marks(picture, recording, position));
    }

    /**
     * The network view of {@code document} at step {@code position} of {@code recording}; the document is compiled
     * for the shapes of computed boxes (a {@code DocumentException} when it does not compile).
     */
    public static String network(GraphDocument document, Recording recording, int position, GraphOptions options) {
        return network(document, new DocumentCompiler().compile(document), recording, position, options);
    }

    /**
     * {@link #network(GraphDocument, Recording, int, GraphOptions)} with the shapes of computed boxes from
     * {@code compiled} (may be null: no shapes), for a caller that has compiled the document already.
     */
    public static String network(GraphDocument document, CompiledDocument compiled, Recording recording,
            int position, GraphOptions options) {
        checkPosition(recording, position);
        return NetworkDot.render(document, compiled, new BoardValues(recording.boardAt(position)), options);
    }

    /** The network view of {@code document} showing {@code board}'s values (a window with nothing recorded). */
    public static String network(GraphDocument document, CompiledDocument compiled, Board board,
            GraphOptions options) {
        return NetworkDot.render(document, compiled, new BoardValues(board), options);
    }

    /** What step {@code position} adds to {@code picture}: grads so far, nodes run, edges carried. */
    public static AutogradMarks marks(AutogradPicture picture, Recording recording, int position) {
        checkPosition(recording, position);
        FlowFrame frame = new FlowFrames(recording).at(position);
        return new AutogradMarks(values(picture, new RecordedGrads(recording), position), progress(picture, frame),
                carried(picture, frame));
    }

    private static Map<String, PictureValues> values(AutogradPicture picture, RecordedGrads grads, int position) {
        Map<String, PictureValues> out = new LinkedHashMap<>();
        for (PictureNode n : picture.nodes()) {
            if (n.values() != null && n.tensorNumber() >= 0 && grads.wrote(n.tensorNumber())) {
                TensorValue grad = grads.at(n.tensorNumber(), position);
                boolean leftOut = grad == null && n.kind() == PictureNode.Kind.OUTPUT; // as PictureValues leaves it
                out.put(n.id(), new PictureValues(n.values().data(),
                        leftOut ? null : grad == null ? PictureValues.lines(null, null)
                                : PictureValues.lines(grad.shape(), grad.data())));
            }
        }
        return out;
    }

    private static Map<String, AutogradMarks.NodeProgress> progress(AutogradPicture picture, FlowFrame frame) {
        Map<String, AutogradMarks.NodeProgress> out = new LinkedHashMap<>();
        for (int node : frame.doneNodes()) {
            picture.engineNode(node).ifPresent(n -> out.put(n.id(), AutogradMarks.NodeProgress.DONE));
        }
        if (frame.activeNode() != null) {
            picture.engineNode(frame.activeNode())
                    .ifPresent(n -> out.put(n.id(), AutogradMarks.NodeProgress.RUNNING));
        }
        return out;
    }

    private static Map<PictureEdge, AutogradMarks.Carried> carried(AutogradPicture picture,
            FlowFrame frame) {
        Map<PictureEdge, AutogradMarks.Carried> out = new LinkedHashMap<>();
        for (Map.Entry<GradEdge, EdgeFlow> e : frame.gradEdges().entrySet()) {
            GradEdge edge = e.getKey();
            picture.gradientEdge(edge.fromNode(), edge.inputIndex()).ifPresent(line ->
                    out.put(line, new AutogradMarks.Carried(e.getValue().label(), e.getValue().current())));
        }
        return out;
    }

    private static void checkPosition(Recording recording, int position) {
        if (position < 0 || position > recording.size()) {
            throw new IllegalArgumentException("step " + position + " is out of range: " + recording.command()
                    + " has steps 0 to " + recording.size());
        }
    }
}
