package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.script.syntax.ScriptParser;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

class TensorObserverTest {

    private final List<ObservedCall> calls = new ArrayList<>();
    private final List<String> assignments = new ArrayList<>();

    private Interpreter run(String... lines) {
        Interpreter interpreter = new Interpreter(new PrintStream(OutputStream.nullOutputStream()), () -> { },
                new TensorObserver() {
                    @Override
                    public void called(ObservedCall call) {
                        calls.add(call);
                    }

                    @Override
                    public void assigned(String name, Object value, int line) {
                        assignments.add(name + "@" + line);
                    }
                });
        interpreter.run(ScriptParser.parse(String.join("\n", lines) + "\n"));
        return interpreter;
    }

    private List<String> functions() {
        return calls.stream().map(ObservedCall::function).toList();
    }

    @Test
    void operatorsAreReportedByTheirTorchNameWithTheOperandsInSourceOrder() {
        Interpreter i = run(
                "import torch",
                "x = torch.ones(2)",
                "y = 3 - x",
                "z = -y @ x");
        assertEquals(List.of("ones", "sub", "neg", "matmul"), functions());
        ObservedCall sub = calls.get(1);
        assertEquals(3L, sub.args().get(0));
        assertSame(i.globals().get("x"), sub.args().get(1));
        assertSame(i.globals().get("y"), sub.result());
        assertEquals(3, sub.line());
    }

    @Test
    void aMethodIsReportedWithItsTensorFirstAndItsKeywords() {
        Interpreter i = run(
                "import torch",
                "w = torch.ones(2, 3)",
                "s = w.sum(dim=1, keepdim=True)");
        ObservedCall sum = calls.get(1);
        assertEquals("sum", sum.function());
        assertSame(i.globals().get("w"), sum.args().get(0));
        assertEquals(1, sum.args().size());
        assertEquals(List.of("dim", "keepdim"), List.copyOf(sum.keywords().keySet()));
        assertEquals(1L, sum.arguments().integer(1, "dim"));
    }

    @Test
    void callsWithoutATensorResultAreReportedAndAttributesOnlyWhenTheyGiveATensor() {
        run(
                "import torch",
                "torch.manual_seed(4)",
                "w = torch.eye(2)",
                "n = w.shape",
                "v = w.T",
                "e = w[0]");
        assertEquals(List.of("manual_seed", "eye", "T", "getitem"), functions());
        assertEquals(PyNone.NONE, calls.get(0).result());
    }

    @Test
    void plainNameAssignmentsAreReportedWithTheirLines() {
        run(
                "import torch",
                "x = torch.ones(1)",
                "for i in range(2):",
                "    y = x * i");
        assertEquals(List.of("x@2", "y@4", "y@4"), assignments);
        // every native call is reported, range() too
        assertEquals(List.of("ones", "range", "mul", "mul"), functions());
        assertEquals(Tensor.class, calls.get(3).result().getClass());
    }
}
