package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The constructs and builtins of the subset, each checked against what python3 + torch 1.13 prints. */
class InterpreterTest {

    private static String out(String source) {
        ScriptRun run = ScriptRun.of(source);
        assertEquals(0, run.exitCode(), () -> "stderr: " + run.err());
        return run.out();
    }

    private static String error(String source) {
        ScriptRun run = ScriptRun.of(source);
        assertEquals(ScriptRunner.FAILED, run.exitCode(), () -> "stdout: " + run.out());
        return run.lastErrLine();
    }

    // ----- numbers

    @Test
    void intArithmeticFollowsPython() {
        assertEquals("3 -4 2 -2 1024 0.5 2.5 7\n", out("print(7 // 2, -7 // 2, -7 % 3, 7 % -3, 2 ** 10, 2 ** -1, 10 / 4, 3 + 4)"));
    }

    @Test
    void floatsPrintWithPythonRepr() {
        assertEquals("0.30000000000000004 1e+16 1e-05 100.0 -0.0 inf\n",
                out("print(0.1 + 0.2, 1e16, 1e-5, 100.0, -0.0, float('inf'))"));
    }

    @Test
    void floatModuloAndFloorDivisionFloorTowardsMinusInfinity() {
        assertEquals("-4.0 2.0 -1.0\n", out("print(-7.0 // 2, -7.0 % 3, 5.0 % -3)"));
    }

    @Test
    void boolsActAsInts() {
        assertEquals("2 -1 True\n", out("print(True + 1, -True, True == 1)"));
    }

    @Test
    void floatDivisionByZeroRaisesZeroDivisionError() {
        assertEquals("ZeroDivisionError: float division by zero", error("x = 1 / 0.0"));
    }

    @Test
    void intDivisionByZeroRaisesZeroDivisionError() {
        assertEquals("ZeroDivisionError: division by zero", error("x = 1 / 0"));
        assertEquals("ZeroDivisionError: integer division or modulo by zero", error("x = 1 // 0"));
        assertEquals("ZeroDivisionError: integer modulo by zero", error("x = 1 % 0"));
    }

    @Test
    void mixingStrAndIntRaisesTypeError() {
        assertEquals("TypeError: unsupported operand type(s) for +: 'int' and 'str'", error("x = 1 + 'a'"));
        assertEquals("TypeError: can only concatenate str (not \"int\") to str", error("x = 'a' + 1"));
    }

    // ----- printing and f-strings

    @Test
    void printJoinsWithSepAndEndsWithEnd() {
        assertEquals("1-2.0-s!", out("print(1, 2.0, 's', sep='-', end='!')"));
    }

    @Test
    void containersPrintTheirItemsRepr() {
        assertEquals("[1, 'a', (2,), (1, 2), None, True] ()\n", out("print([1, 'a', (2,), (1, 2), None, True], ())"));
    }

    @Test
    void fStringAppliesFormatSpecs() {
        assertEquals("3.14 1.23e+03 |      ab| 00007 2.50%\n",
                out("print(f\"{3.14159:.2f} {1234.5:.2e} |{'ab':>8}| {7:05d} {0.025:.2%}\")"));
    }

    @Test
    void fStringReprConversionQuotesStrings() {
        assertEquals("'x' 2.5 \"it's\"\n", out("s = \"it's\"\nprint(f\"{'x'!r} {2.5!r} {s!r}\")"));
    }

    @Test
    void fStringFormatsZeroDimTensorAsItsItem() {
        assertEquals("0.3333\n", out("import torch\nprint(f'{torch.tensor(1/3):.4f}')"));
    }

    @Test
    void fStringSpecOnListRaisesTypeError() {
        assertEquals("TypeError: unsupported format string passed to list.__format__", error("x = f'{[1]:>4}'"));
    }

    @Test
    void strAndReprOfValues() {
        assertEquals("1.0 'a' a None True torch.float32 torch.Size([2, 3])\n",
                out("import torch\nprint(str(1.0), repr('a'), str('a'), None, True, torch.float32, torch.ones(2, 3).shape)"));
    }

    // ----- statements

    @Test
    void forOverRangeWithIfElifElseBreakAndContinue() {
        assertEquals("one\ntwo 2\n", out("""
                for i in range(10):
                    if i == 0:
                        continue
                    elif i == 1:
                        print("one")
                    elif i == 3:
                        break
                    else:
                        print("two", i)
                """));
    }

    @Test
    void rangeWithStartStopAndNegativeStep() {
        assertEquals("[5, 3, 1] [2, 3] 3\n", out("print(list(range(5, 0, -2)), list(range(2, 4)), len(range(3)))"));
    }

    @Test
    void rangeOverTenMillionIsRefused() {
        String line = error("for i in range(20000000):\n    pass");
        assertTrue(line.contains("10000000"), line);
        assertTrue(line.contains("runaway"), line);
    }

    @Test
    void functionsTakeKeywordsDefaultsAndReturnTuples() {
        assertEquals("7 12 (3, 2)\n", out("""
                def f(a, b=2):
                    return a + b, a * b
                p, q = f(3, b=4)
                print(p, q, f(1))
                """));
    }

    @Test
    void functionWithoutReturnGivesNone() {
        assertEquals("None\n", out("def f():\n    pass\nprint(f())"));
    }

    @Test
    void missingArgumentRaisesTypeError() {
        assertEquals("TypeError: f() missing 1 required positional argument: 'b'", error("def f(a, b):\n    return a\nf(1)"));
    }

    @Test
    void unexpectedKeywordRaisesTypeError() {
        assertEquals("TypeError: f() got an unexpected keyword argument 'c'", error("def f(a):\n    return a\nf(1, c=2)"));
    }

    @Test
    void deepRecursionRaisesRecursionError() {
        assertEquals("RecursionError: maximum recursion depth exceeded", error("def f(n):\n    return f(n + 1)\nf(0)"));
    }

    @Test
    void tupleUnpackingChecksTheCount() {
        assertEquals("ValueError: too many values to unpack (expected 2)", error("a, b = 1, 2, 3"));
        assertEquals("ValueError: not enough values to unpack (expected 3, got 2)", error("a, b, c = 1, 2"));
    }

    @Test
    void augmentedAssignmentOnNumbersRebinds() {
        assertEquals("5 2.5\n", out("x = 2\ny = x\nx += 3\nz = 5\nz /= 2\nprint(x, z)"));
    }

    @Test
    void comparisonsChainAndLogicShortCircuits() {
        assertEquals("True False 0 5 True True\n", out("print(1 < 2 < 3, 1 < 2 > 3, 0 and 1/0, 0 or 5, 2 in [1, 2], None is None)"));
    }

    @Test
    void subscriptsAndSlicesOnLists() {
        assertEquals("2 4 [2, 3] [4, 3, 2, 1] b\n", out("l = [1, 2, 3, 4]\nprint(l[1], l[-1], l[1:3], l[::-1], 'abc'[1])"));
    }

    @Test
    void listIndexOutOfRangeRaisesIndexError() {
        assertEquals("IndexError: list index out of range", error("x = [1][3]"));
    }

    // ----- builtins

    @Test
    void numericBuiltins() {
        assertEquals("3 1 2 2.67 2 4 1.5 2 12 True\n",
                out("print(abs(-3), min(3, 1, 2), max([1, 2]), round(2.675, 2), round(2.5), round(3.5), float('1.5'), int(2.9), int('12'), bool(3))"));
    }

    @Test
    void sumAddsAnIterable() {
        assertEquals("6 1.5\n", out("print(sum([1, 2, 3]), sum((0.5, 1.0)))"));
    }

    @Test
    void undefinedNameRaisesNameError() {
        assertEquals("NameError: name 'x' is not defined", error("print(x)"));
    }

    @Test
    void fileProcessAndReflectionBuiltinsAreRefusedBeforeRunning() {
        for (String call : new String[] {"open('/etc/passwd')", "__import__('os')", "eval('1')", "exec('1')"}) {
            ScriptRun run = ScriptRun.of("print('never')\n" + call + "\n");
            String name = call.substring(0, call.indexOf('('));
            assertEquals(ScriptRunner.REFUSED, run.exitCode(), call);
            assertEquals("", run.out(), call + " is refused before the first line runs");
            assertEquals("prog.py:2:1: '" + name + "' is not supported by gradviz", run.lastErrLine());
        }
    }

    @Test
    void aProgramsOwnBindingOfABuiltinNameIsNotRefused() {
        assertEquals("3\n", out("def open(x):\n    return x + 1\nprint(open(2))"));
        assertEquals("NameError: name 'x' is not defined", error("print(x)"));
    }

    @Test
    void dunderAttributesAreNotReachable() {
        assertEquals("AttributeError: 'int' object has no attribute '__class__'", error("x = (1).__class__"));
        assertEquals("AttributeError: module 'torch' has no attribute '__dict__'", error("import torch\nx = torch.__dict__"));
    }

    // ----- tracebacks and warnings

    @Test
    void tracebackListsEveryFrameWithItsSourceLine() {
        ScriptRun run = ScriptRun.of("def f():\n    return 1 / 0.0\n\nf()\n");
        assertEquals("""
                Traceback (most recent call last):
                  File "/work/prog.py", line 4, in <module>
                    f()
                  File "/work/prog.py", line 2, in f
                    return 1 / 0.0
                ZeroDivisionError: float division by zero
                """, run.err());
    }

    @Test
    void outputBeforeAnErrorIsKept() {
        ScriptRun run = ScriptRun.of("print('a')\nx = y\n");
        assertEquals("a\n", run.out());
        assertEquals(ScriptRunner.FAILED, run.exitCode());
    }

    @Test
    void nonLeafGradWarningIsPrintedOncePerLineAsPythonDoes() {
        ScriptRun run = ScriptRun.of("""
                import torch
                x = torch.tensor(2.0, requires_grad=True)
                y = x * 2
                for i in range(3):
                    print(y.grad)
                """);
        assertEquals("None\nNone\nNone\n", run.out());
        assertEquals("/work/prog.py:5: UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being "
                + "accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the "
                + ".grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If "
                + "you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See "
                + "github.com/pytorch/pytorch/pull/30531 for more informations. (Triggered internally at  "
                + "./build/aten/src/ATen/core/TensorBody.h:480.)\n  print(y.grad)\n", run.err());
    }

    @Test
    void warningsFilterIgnoreSilencesWarnings() {
        ScriptRun run = ScriptRun.of("import torch\nimport warnings\nwarnings.filterwarnings('ignore')\n"
                + "x = torch.tensor(2.0, requires_grad=True)\nprint((x * 2).grad)\n");
        assertEquals("", run.err());
    }

    @Test
    void unsupportedConstructIsRefusedBeforeAnythingRuns() {
        ScriptRun run = ScriptRun.of("print('a')\nasync def f():\n    pass\n");
        assertEquals(ScriptRunner.REFUSED, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("prog.py:2:1: 'async' is not supported by gradviz"), run.err());
    }
}
