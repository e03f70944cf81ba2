package org.gradviz.app.script.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.gradviz.app.script.ast.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenProgramsParseTest {

    static Stream<Path> programs() {
        return GoldenPrograms.paths().stream();
    }

    @Test
    void allSixteenSeedProgramsArePresent() {
        assertEquals(16, GoldenPrograms.paths().size(), "programs in " + GoldenPrograms.directory());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void seedProgramParsesWithinTheSubset(Path program) {
        Program parsed = ScriptParser.parse(GoldenPrograms.read(program));
        assertFalse(parsed.body().isEmpty());
    }

    @Test
    void trainingLoopParsesToTheExpectedShape() {
        Program parsed = ScriptParser.parse(GoldenPrograms.read(GoldenPrograms.directory()
                .resolve("v15_sgd_training_loop.py")));
        List<String> top = parsed.body().stream().map(AstDump::stmt).toList();
        assertEquals("(import torch)", top.get(0));
        assertEquals("(import torch.nn.functional as F)", top.get(1));
        assertEquals("(for i (call range 20) [(= z (+ (call (. torch matmul) x w) b)) "
                + "(= loss (call (. F binary_cross_entropy_with_logits) z y)) (call (. loss backward)) "
                + "(with (call (. torch no_grad)) [(-= w (* lr (. w grad))) (-= b (* lr (. b grad)))]) "
                + "(call (. (. w grad) zero_)) (call (. (. b grad) zero_)) "
                + "(call print (f 'step ' {i} ': loss = ' {(call (. loss item)) :'.4f'}))])", top.get(8));
    }
}
