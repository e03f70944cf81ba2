package org.gradviz.app.script.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.Stmt;
import org.junit.jupiter.api.Test;

class ParserExpressionsTest {

    /** The dump of the right side of {@code x = <source>}. */
    private static String value(String source) {
        Stmt.Assign assign = (Stmt.Assign) ScriptParser.parse("x = " + source + "\n").body().get(0);
        return AstDump.expr(assign.value());
    }

    private static Expr valueNode(String source) {
        return ((Stmt.Assign) ScriptParser.parse("x = " + source + "\n").body().get(0)).value();
    }

    @Test
    void numberLiterals() {
        assertEquals("1", value("1"));
        assertEquals("1000", value("1_000"));
        assertEquals("31", value("0x1F"));
        assertEquals("f1e-08", value("1e-8"));
        assertEquals("f1.0", value("1."));
        assertEquals("f0.5", value(".5"));
        assertEquals("f250.0", value("2.5E2"));
    }

    @Test
    void stringLiteralsWithEscapesAndConcatenation() {
        assertEquals("'a\nb'", value("'a\\nb'"));
        assertEquals("'it's'", value("\"it's\""));
        assertEquals("'ab'", value("'a' \"b\""));
        assertEquals("'tab\there'", value("'tab\\x09here'"));
        assertEquals("'raw\\n'", value("r'raw\\n'"));
        assertEquals("'one\ntwo'", value("'''one\ntwo'''"));
    }

    @Test
    void constants() {
        assertEquals("(tuple True False None)", value("True, False, None"));
    }

    @Test
    void listsAndTuples() {
        assertEquals("[1 2]", value("[1, 2,]"));
        assertEquals("[]", value("[]"));
        assertEquals("(tuple )", value("()"));
        assertEquals("(tuple 1)", value("(1,)"));
        assertEquals("(tuple a b)", value("a, b"));
        assertEquals("a", value("(a)"));
        assertEquals("[[f0.1 (- f0.2)] [f0.4 f0.5]]", value("[[0.1, -0.2],\n [0.4, 0.5]]"));
    }

    @Test
    void arithmeticPrecedence() {
        assertEquals("(- (+ a (* b c)) (@ (% (// (/ d e) f) g) h))", value("a + b * c - d / e // f % g @ h"));
        assertEquals("(- (** a 2))", value("-a ** 2"));
        assertEquals("(** a (- b))", value("a ** -b"));
        assertEquals("(** a (** b c))", value("a ** b ** c"));
        assertEquals("(* (+ 1 t) (- 1 t))", value("(1 + t) * (1 - t)"));
        assertEquals("(+ x)", value("+x"));
    }

    @Test
    void booleanOperatorsAndNot() {
        assertEquals("(or (and (not a) b) c)", value("not a and b or c"));
    }

    @Test
    void comparisonsChainAndIncludeIsAndIn() {
        assertEquals("(cmp a < b <= c)", value("a < b <= c"));
        assertEquals("(cmp a > b >= c == d != e)", value("a > b >= c == d != e"));
        assertEquals("(cmp g is None)", value("g is None"));
        assertEquals("(cmp g is not None)", value("g is not None"));
        assertEquals("(cmp a not in b)", value("a not in b"));
    }

    @Test
    void conditionalExpression() {
        assertEquals("(ifexp c a (ifexp d b e))", value("a if c else b if d else e"));
    }

    @Test
    void callsWithPositionalAndKeywordArguments() {
        assertEquals("(call (. torch randn) 5 3 requires_grad=True)", value("torch.randn(5, 3, requires_grad=True)"));
        assertEquals("(call f)", value("f()"));
        assertEquals("(call (. (. (. torch nn) functional) relu) x)", value("torch.nn.functional.relu(x)"));
        assertEquals("(call (. torch clamp) y min=eps max=(- 1 eps))", value("torch.clamp(y, min=eps, max=1 - eps)"));
    }

    @Test
    void subscriptsAndSlices() {
        assertEquals("(sub (sub a 0) 1)", value("a[0][1]"));
        assertEquals("(sub (. t shape) 0)", value("t.shape[0]"));
        assertEquals("(sub x (tuple (slice _ _ _) 0))", value("x[:, 0]"));
        assertEquals("(sub x (slice 1 2 _))", value("x[1:2]"));
        assertEquals("(sub x (slice _ _ (- 1)))", value("x[::-1]"));
    }

    @Test
    void binaryNodeStartsAtItsLeftOperand() {
        Expr.Binary sum = (Expr.Binary) valueNode("a + b");
        assertEquals(5, sum.column());
        assertEquals(9, sum.right().column());
    }
}
