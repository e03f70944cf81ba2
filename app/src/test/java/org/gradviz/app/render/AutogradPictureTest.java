package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.TraceRecorder;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.api.Test;

class AutogradPictureTest {

    private static CompiledDocument oneLayer() {
        return new DocumentCompiler().compile(new DocumentReader().read(Examples.file("one-layer-bce.json")));
    }

    private static AutogradPicture picture(CompiledDocument c, GraphOptions options) {
        return AutogradPicture.of(c.output(), LeafNames.of(c.tensors()), options);
    }

    private static String describe(PictureNode n) {
        return n.id() + " " + n.kind() + " " + n.lines() + (n.variable() == null ? "" : " " + n.variable());
    }

    @Test
    void seedNetworkHasTorchvizBoxesInOrderOfFirstAppearance() {
        AutogradPicture p = picture(oneLayer(), GraphOptions.DEFAULT);

        assertEquals(List.of(
                "n0 OUTPUT [,  ()] loss",
                "n1 OP [BinaryCrossEntropyWithLogitsBackward0]",
                "n2 OP [AddBackward0]",
                "n3 OP [SqueezeBackward3]",
                "n4 OP [MmBackward0]",
                "n5 ACCUMULATE_GRAD [AccumulateGrad] w",
                "n6 LEAF [w,  (5, 3)] w",
                "n7 ACCUMULATE_GRAD [AccumulateGrad] b",
                "n8 LEAF [b,  (3)] b"), p.nodes().stream().map(AutogradPictureTest::describe).toList());
        assertEquals("\n ()", p.root().label(), "torchviz names no output");
    }

    @Test
    void seedNetworkEdgesRunForwardAndNameTheirSenderAndInput() {
        AutogradPicture p = picture(oneLayer(), GraphOptions.DEFAULT);
        int add = p.node("n2").orElseThrow().nodeNumber();
        int mm = p.node("n4").orElseThrow().nodeNumber();

        assertEquals(new PictureEdge("n3", "n2", PictureEdge.Kind.GRADIENT, add, 0), p.gradientEdge(add, 0).orElseThrow(),
                "AddBackward0's input 0 comes from SqueezeBackward3");
        assertEquals("n7", p.gradientEdge(add, 1).orElseThrow().from(), "input 1 from b's AccumulateGrad");
        assertTrue(p.gradientEdge(mm, 0).isEmpty(), "x needs no gradient: next_functions[0] is None");
        assertEquals("n5", p.gradientEdge(mm, 1).orElseThrow().from());
        assertEquals(List.of(
                "n2->n1 GRADIENT", "n3->n2 GRADIENT", "n4->n3 GRADIENT", "n5->n4 GRADIENT", "n6->n5 LEAF",
                "n7->n2 GRADIENT", "n8->n7 LEAF", "n1->n0 OUTPUT"),
                p.edges().stream().map(e -> e.from() + "->" + e.to() + " " + e.kind()).toList());
    }

    @Test
    void everyGradientTheEngineSendsTravelsAlongAnEdgeOfThePicture() {
        CompiledDocument c = oneLayer();
        List<TraceEvent.GradientSent> sent = new ArrayList<>();
        AutogradPicture p;
        try (TraceRecorder recorder = TraceRecorder.start(t -> null, () -> 0)) {
            p = AutogradPicture.of(c.output(), LeafNames.of(c.tensors()), GraphOptions.DEFAULT, recorder::nodeId,
                    recorder::tensorId);
            c.output().backward();
            recorder.events().stream().filter(TraceEvent.GradientSent.class::isInstance)
                    .map(TraceEvent.GradientSent.class::cast).forEach(sent::add);
        }

        assertEquals(5, sent.size(), "one gradient along each of the five gradient edges");
        for (TraceEvent.GradientSent g : sent) {
            PictureEdge edge = p.gradientEdge(g.fromId(), g.inputIndex()).orElseThrow(() -> new AssertionError(g));
            assertEquals(g.toName(), p.node(edge.from()).orElseThrow().title(), g.toString());
            assertEquals(g.toId(), p.node(edge.from()).orElseThrow().nodeNumber(), g.toString());
            assertEquals(g.fromId(), p.node(edge.to()).orElseThrow().nodeNumber(), g.toString());
        }
    }

    @Test
    void savedTensorsAreOrangeBoxesWithTheirShapeNumberedByTheCaller() {
        CompiledDocument c = oneLayer();
        List<Tensor> numbered = new ArrayList<>();
        AutogradPicture p = AutogradPicture.of(c.output(), LeafNames.of(c.tensors()),
                GraphOptions.DEFAULT.withShowSaved(true), n -> 0, t -> {
                    numbered.add(t);
                    return numbered.size() - 1;
                });

        List<PictureNode> saved = p.nodes().stream().filter(n -> n.kind() == PictureNode.Kind.SAVED).toList();
        assertEquals(List.of("self| (3)", "target| (3)", "self| (1, 5)"),
                saved.stream().map(n -> String.join("|", n.lines())).toList());
        PictureNode target = saved.get(1);
        assertTrue(numbered.get(target.tensorNumber()) == c.tensor("y"), "BCE saved the target y itself");
        assertEquals("y", target.variable());
        assertTrue(p.edges().stream().anyMatch(e -> e.kind() == PictureEdge.Kind.SAVED && e.from().equals("n1")
                && e.to().equals(target.id())));
    }

    @Test
    void backwardWithoutRetainGraphFreesTheOpsThatSavedTensors() {
        CompiledDocument c = oneLayer();
        assertTrue(picture(c, GraphOptions.DEFAULT).nodes().stream().noneMatch(PictureNode::freed));

        c.output().backward();
        AutogradPicture after = picture(c, GraphOptions.DEFAULT.withShowSaved(true));

        assertEquals(List.of("BinaryCrossEntropyWithLogitsBackward0", "MmBackward0"),
                after.nodes().stream().filter(PictureNode::freed).map(PictureNode::title).toList(),
                "AddBackward0 and SqueezeBackward3 keep only numbers and sizes");
        assertTrue(after.nodes().stream().noneMatch(n -> n.kind() == PictureNode.Kind.SAVED),
                "freed tensors are not drawn, as in the exported DOT");
    }

    @Test
    void backwardWithRetainGraphFreesNothing() {
        CompiledDocument c = oneLayer();
        c.backward();
        assertTrue(picture(c, GraphOptions.DEFAULT).nodes().stream().noneMatch(PictureNode::freed));
    }

    @Test
    void attributesAndValuesGoIntoTheLabels() {
        CompiledDocument c = oneLayer();
        c.backward();
        AutogradPicture p = picture(c, GraphOptions.DEFAULT.withShowAttrs(true).withValues(true));

        assertEquals(List.of("AddBackward0", "------------", "alpha: 1"), p.node("n2").orElseThrow().lines());
        PictureNode b = p.node("n8").orElseThrow();
        assertEquals(List.of("b (3)"), b.lines());
        assertEquals(new PictureValues(List.of("[0.1227, -0.5663, 0.3731]"), List.of("[0.2661, 0.1179, 0.0027]")),
                b.values());
    }

    @Test
    void theDotOfThePictureIsTorchvizs() throws Exception {
        String golden = Files.readString(Examples.golden().resolve("torchviz").resolve("a_one_layer__full.norm.dot"));
        AutogradPicture p = picture(oneLayer(), GraphOptions.DEFAULT.withShowSaved(true).withShowAttrs(true));
        assertEquals(golden.strip(), AutogradDot.render(p).strip());
    }

    @Test
    void aChainOfAHundredThousandNodesIsWalkedWithoutDeepRecursion() {
        Tensor x = Torch.ones(1).requiresGrad_(true);
        Tensor y = x;
        int length = 100_000;
        for (int i = 0; i < length; i++) {
            y = y.mul(1.0);
        }

        AutogradPicture p = AutogradPicture.of(y, LeafNames.of(java.util.Map.of("x", x)), GraphOptions.DEFAULT);

        assertEquals(length + 3, p.nodes().size(), "output, the muls, AccumulateGrad and x");
        assertEquals("x", p.nodes().get(length + 2).variable());
        assertEquals(PictureNode.Kind.ACCUMULATE_GRAD, p.nodes().get(length + 1).kind());
        String dot = AutogradDot.render(p);
        assertTrue(dot.endsWith("\tn1 -> n0\n}\n"), "the output edge comes last, after the whole walk");
        assertFalse(p.nodes().stream().anyMatch(PictureNode::freed));
    }
}
