package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Python parameters a row's spelling carries, as torch declares them. */
class OpSignatureTest {

    @Test
    void parsesNamesDefaultsAndTheKeywordOnlyOnes() {
        OpSignature s = OpSignature.parse("input, dim=None, keepdim=False, *, dtype=None");

        assertEquals(List.of("input", "dim", "keepdim", "dtype"), s.names());
        assertEquals(3, s.positional());
        assertEquals(new OpSignature.Parameter("keepdim", "False", false), s.parameters().get(2));
        assertEquals(-1, s.position("dtype"));
        assertEquals("input, dim=None, keepdim=False, *, dtype=None", s.toString());
    }

    @Test
    void aRowWithoutOneTakesItsPortsThenItsKeywordAttributes() {
        // F.mse_loss(input, target, *, reduction): torch 1.13 takes reduction by keyword only
        assertEquals("input, target, *, reduction=None",
                OpKind.MSE_LOSS.spec().signatureOf(OpKind.MSE_LOSS.spec().spellings().get(0)).toString());
        // torch.mm(input, mat2): the spelling's argument names, in port order
        OpSpelling mm = OpKind.MATMUL.spec().spellings().get(2);
        assertEquals("input, mat2", OpKind.MATMUL.spec().signatureOf(mm).toString());
        assertEquals("input, weight, bias=None",
                OpKind.LINEAR.spec().signatureOf(OpKind.LINEAR.spec().spellings().get(0)).toString());
    }

    @Test
    void aStarredParameterIsTheIntListAMethodCallMayGiveSpreadOut() {
        // torch's Tensor.view(*size): x.view(1, -1) as x.view((1, -1)); one positional parameter still
        OpSignature s = OpSignature.parse("input, *size");
        assertEquals(List.of("input", "size"), s.names());
        assertEquals(1, s.spread());
        assertEquals(2, s.positional());
        assertEquals(new OpSignature.Parameter("size", null, false), s.parameters().get(1));
        assertEquals("input, *size", s.toString());
        assertEquals(-1, OpSignature.parse("input, dim=None, *, dtype=None").spread());
    }

    @Test
    void anEmptyListHasNoParameters() {
        assertEquals(List.of(), OpSignature.parse("").parameters());
    }

    @Test
    void whatIsNoParameterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OpSignature.parse("input, =None"));
    }
}
