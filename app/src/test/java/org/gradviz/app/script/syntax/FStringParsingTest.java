package org.gradviz.app.script.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.FStringPart;
import org.gradviz.app.script.ast.Stmt;
import org.junit.jupiter.api.Test;

class FStringParsingTest {

    private static Expr value(String source) {
        return ((Stmt.Assign) ScriptParser.parse("x = " + source + "\n").body().get(0)).value();
    }

    private static String dump(String source) {
        return AstDump.expr(value(source));
    }

    @Test
    void plainField() {
        assertEquals("(f 'Gradient function for z = ' {(. z grad_fn)})",
                dump("f\"Gradient function for z = {z.grad_fn}\""));
    }

    @Test
    void nestedQuotesOfTheOtherKind() {
        assertEquals("(f {(sub d 'k')})", dump("f\"{d['k']}\""));
        assertEquals("(f {(call (. ', ' join) xs)})", dump("f'{\", \".join(xs)}'"));
    }

    @Test
    void conversions() {
        assertEquals("(f {x!r} {y!s} {z!a})", dump("f'{x!r}{y!s}{z!a}'"));
        assertEquals("(f {(cmp a != b)})", dump("f'{a != b}'"));
    }

    @Test
    void formatSpecs() {
        assertEquals("(f {(call (. loss item)) :'.4f'})", dump("f\"{loss.item():.4f}\""));
        assertEquals("(f {a :'.2e'} ', ' {b :'8.3f'} {c :'>8'} {d :','} {e :'d'})",
                dump("f'{a:.2e}, {b:8.3f}{c:>8}{d:,}{e:d}'"));
        assertEquals("(f {x :'>' {w} '.' {p} 'f'})", dump("f'{x:>{w}.{p}f}'"));
        assertEquals("(f {x!r :'>10'})", dump("f'{x!r:>10}'"));
    }

    @Test
    void doubledBracesAreLiteral() {
        assertEquals("(f '{literal} ' {x} '}')", dump("f'{{literal}} {x}}}'"));
    }

    @Test
    void escapesInTextAndNewlines() {
        assertEquals("(f 'First call\n' {(. inp grad)})", dump("f\"First call\\n{inp.grad}\""));
        assertEquals("(f '\\d' {x})", dump("rf'\\d{x}'"));
    }

    @Test
    void selfDocumentingFieldEchoesItsSource() {
        assertEquals("(f 'x=' {x!r})", dump("f'{x=}'"));
        assertEquals("(f 'x = ' {x :'.2f'})", dump("f'{x = :.2f}'"));
    }

    @Test
    void tupleInsideAField() {
        assertEquals("(f {(tuple a b)})", dump("f'{a, b}'"));
    }

    @Test
    void implicitConcatenationMergesTextAroundFields() {
        assertEquals("(f 'a' {b} 'cd')", dump("'a' f'{b}' 'c' 'd'"));
    }

    @Test
    void fieldExpressionsCarryTheirFilePosition() {
        Expr.FString f = (Expr.FString) value("f'ab{y}'");
        FStringPart.Field field = (FStringPart.Field) f.parts().get(1);
        assertEquals(9, field.column());
        assertEquals(10, field.expr().column());
        Expr.FString multi = (Expr.FString) value("f'''one\n  {z}'''");
        FStringPart.Field second = (FStringPart.Field) multi.parts().get(1);
        assertEquals(2, second.expr().line());
        assertEquals(4, second.expr().column());
    }

    @Test
    void malformedFieldsUsePythonsMessages() {
        assertEquals("f-string: empty expression not allowed", error("f'{}'"));
        assertEquals("f-string: expecting '}'", error("f'{a'"));
        assertEquals("f-string: single '}' is not allowed", error("f'}'"));
        assertEquals("f-string: invalid conversion character: expected 's', 'r', or 'a'", error("f'{a!x}'"));
        assertEquals("f-string expression part cannot include a backslash", error("f'{a\\n}'"));
        assertEquals("f-string: expressions nested too deeply", error("f'{a:{b:{c}}}'"));
        assertEquals("f-string: invalid syntax. Perhaps you forgot a comma?", error("f'{a b}'"));
        assertEquals("f-string: invalid syntax", error("f'{a +}'"));
    }

    private static String error(String fstring) {
        return assertThrows(ScriptSyntaxError.class, () -> value(fstring)).detail();
    }
}
