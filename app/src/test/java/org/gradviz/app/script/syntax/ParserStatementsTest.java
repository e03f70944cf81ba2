package org.gradviz.app.script.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.Program;
import org.gradviz.app.script.ast.Stmt;
import org.junit.jupiter.api.Test;

class ParserStatementsTest {

    private static String dump(String source) {
        return AstDump.program(ScriptParser.parse(source));
    }

    @Test
    void importsOfTorchWarningsAndMath() {
        assertEquals("(import torch) (import torch.nn.functional as F) (from torch nn) (import warnings) "
                + "(import math)",
                dump("import torch\nimport torch.nn.functional as F\nfrom torch import nn\nimport warnings\n"
                        + "import math\n"));
    }

    @Test
    void tupleUnpackingAssignment() {
        assertEquals("(= (tuple a b) (call f x))", dump("a, b = f(x)\n"));
        assertEquals("(= (tuple a b) (tuple b a))", dump("(a, b) = b, a\n"));
    }

    @Test
    void attributeAndSubscriptAssignment() {
        assertEquals("(= (. w grad) None)", dump("w.grad = None\n"));
        assertEquals("(= (sub x 0) 1)", dump("x[0] = 1\n"));
    }

    @Test
    void chainedAssignmentKeepsAllTargets() {
        assertEquals("(= a b 0)", dump("a = b = 0\n"));
    }

    @Test
    void augmentedAssignments() {
        assertEquals("(+= x 1) (-= y 2) (*= z 3) (/= q 4) (**= p 2)",
                dump("x += 1\ny -= 2\nz *= 3\nq /= 4\np **= 2\n"));
        assertEquals("(-= w (* lr (. w grad)))", dump("w -= lr * w.grad\n"));
    }

    @Test
    void forOverRange() {
        assertEquals("(for i (call range 5) [(call print i)])", dump("for i in range(5):\n    print(i)\n"));
    }

    @Test
    void forAndWhileTakeAnElseBlockWhoseBreakBelongsToTheOuterLoop() {
        assertEquals("(for i (call range 3) [pass] else [(call print i)])",
                dump("for i in range(3):\n    pass\nelse:\n    print(i)\n"));
        assertEquals("(while x [(-= x 1)] else [(call print x)])",
                dump("while x:\n    x -= 1\nelse:\n    print(x)\n"));
        assertEquals("(for a b [(while c [break] else [break])])",
                dump("for a in b:\n    while c:\n        break\n    else:\n        break\n"));
    }

    @Test
    void delTakesNamesSubscriptsAttributesAndTuplesOfThem() {
        assertEquals("(del x)", dump("del x\n"));
        assertEquals("(del (tuple x (. y z)) (sub d k))", dump("del (x, y.z), d[k]\n"));
        assertEquals("(del x)", dump("del x,\n"));
    }

    @Test
    void bitwiseOperatorsNestAsPythonsPrecedence() {
        // | below ^ below & below shifts below + -; ~ binds as unary minus, below **; comparisons below |
        assertEquals("(= x (| 1 (^ 2 (& 3 (<< 4 (+ 1 1))))))", dump("x = 1 | 2 ^ 3 & 4 << 1 + 1\n"));
        assertEquals("(= x (>> (<< a b) c))", dump("x = a << b >> c\n"));
        assertEquals("(= x (~ (** 2 2)))", dump("x = ~2 ** 2\n"));
        assertEquals("(= x (cmp (& a b) == c))", dump("x = a & b == c\n"));
        assertEquals("(&= m (cmp t > 0))", dump("m &= t > 0\n"));
    }

    @Test
    void breakAndContinueInsideLoop() {
        assertEquals("(for i (call range 3) [(if (cmp i == 1) [continue] []) break])",
                dump("for i in range(3):\n    if i == 1:\n        continue\n    break\n"));
    }

    @Test
    void ifElifElseNestsElifInOrElse() {
        assertEquals("(if a [(= x 1)] [(if b [(= x 2)] [(= x 3)])])",
                dump("if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\n"));
    }

    @Test
    void withNoGradAndWithAs() {
        assertEquals("(with (call (. torch no_grad)) [(= y (* x 2))])",
                dump("with torch.no_grad():\n    y = x * 2\n"));
        assertEquals("(with (call (. warnings catch_warnings) record=True) as caught [pass])",
                dump("with warnings.catch_warnings(record=True) as caught:\n    pass\n"));
    }

    @Test
    void functionWithDefaultsAndTupleReturn() {
        assertEquals("(def f (a b=1) [(return (tuple a b))])", dump("def f(a, b=1):\n    return a, b\n"));
        assertEquals("(def g () [(return)])", dump("def g():\n    return\n"));
    }

    @Test
    void commentsBlankLinesAndContinuations() {
        assertEquals("(= x (+ 1 2)) (= y (+ 3 4))",
                dump("# header\n\nx = (1 +\n     2)  # trailing\n\n   # indented comment\ny = 3 + \\\n    4\n"));
    }

    @Test
    void simpleStatementsOnOneLine() {
        assertEquals("(= a 1) (= b 2)", dump("a = 1; b = 2;\n"));
        assertEquals("(if x [pass] [])", dump("if x: pass\n"));
    }

    @Test
    void sourceWithoutFinalNewlineOrWithCarriageReturns() {
        assertEquals("(call print 1)", dump("print(1)"));
        assertEquals("(= x 1) (call print x)", dump("x = 1\r\nprint(x)\r\n"));
    }

    @Test
    void emptySourceIsAnEmptyProgram() {
        assertEquals(0, ScriptParser.parse("").body().size());
        assertEquals(0, ScriptParser.parse("# only a comment\n\n").body().size());
    }

    @Test
    void tabsIndentLikeEightSpaces() {
        assertEquals("(if x [(= a 1) (= b 2)] [])", dump("if x:\n\ta = 1\n        b = 2\n"));
    }

    @Test
    void nodesCarryOneBasedLinesAndColumns() {
        Program program = ScriptParser.parse("x = 1\nfor i in y:\n    z = x.w[0]\n");
        Stmt.For loop = (Stmt.For) program.body().get(1);
        assertEquals(2, loop.line());
        assertEquals(1, loop.column());
        assertEquals(5, loop.target().column());
        Stmt.Assign assign = (Stmt.Assign) loop.body().get(0);
        assertEquals(3, assign.line());
        assertEquals(5, assign.column());
        Expr.Subscript sub = (Expr.Subscript) assign.value();
        assertEquals(9, sub.column());
        assertEquals(13, sub.index().column());
    }
}
