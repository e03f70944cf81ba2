package org.gradviz.app.editor;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.bridge.PyTorchCodeWriter;
import org.gradviz.app.script.format.PythonFormat;
import org.gradviz.engine.Tensor;

/**
 * What a Train run looks like in a notebook: the loop it ran, written as PyTorch code, and what that loop
 * prints (the loss about ten times, to 4 decimals as torch prints tensors), then the loss and the parameters as they
 * ended. A stopped run ends as an interrupted cell does, with {@code KeyboardInterrupt}.
 */
final class TrainingTranscript {
    private TrainingTranscript() {
    }

    static List<ConsoleLine> of(Training training, Training.Result result, RunSession trained) {
        List<ConsoleLine> lines = new ArrayList<>();
        String output = training.document().output();
        int every = printInterval(training.steps());
        loop(lines, training, trained.parameterNames(), output, every);
        List<Double> losses = result.losses();
        for (int step = 0; step < losses.size(); step++) {
            if (step % every == 0) {
                lines.add(ConsoleLine.output("step " + step + ": loss " + PythonFormat.format(losses.get(step), ".4f")));
            }
        }
        if (result.stopped()) {
            lines.add(ConsoleLine.error("KeyboardInterrupt"));
            lines.add(ConsoleLine.note("Train stopped after " + result.done() + " of " + result.requested()
                    + " steps: the parameters keep the steps done"));
        } else if (result.error() != null) {
            lines.add(ConsoleLine.error(result.error()));
            lines.add(ConsoleLine.note("Train failed at step " + result.done() + " of " + result.requested()
                    + ": the parameters keep the steps done before it"));
        }
        trained.output().ifPresent(loss -> {
            lines.add(ConsoleLine.command(output));
            lines.add(ConsoleLine.output(loss.toString()));
        });
        for (String name : trained.parameterNames()) {
            lines.add(ConsoleLine.command(name));
            lines.add(ConsoleLine.output(trained.tensor(name).map(Tensor::toString).orElse("None")));
        }
        return lines;
    }

    /** Prints about ten times a run: every step up to 10 steps, every 10th up to 100, and so on. */
    static int printInterval(int steps) {
        return Math.max(1, steps / 10);
    }

    private static void loop(List<ConsoleLine> lines, Training training, List<String> parameters, String output,
            int every) {
        lines.add(ConsoleLine.command("optimizer = torch.optim.SGD([" + String.join(", ", parameters) + "], lr="
                + PythonFormat.floatRepr(training.learningRate()) + ")"));
        lines.add(ConsoleLine.command("for step in range(" + training.steps() + "):"));
        List<String> body = new ArrayList<>();
        body.add("optimizer.zero_grad()");
        body.addAll(new PyTorchCodeWriter().forwardStatements(training.document()));
        boolean scalar = training.session().preview().value(output).map(t -> t.numel() == 1).orElse(true);
        body.add(output + (scalar ? ".backward()" : ".backward(torch.ones_like(" + output + "))"));
        body.add("optimizer.step()");
        String print = "print(f\"step {step}: loss {" + output + (scalar ? "" : ".sum()") + ".item():.4f}\")";
        if (every == 1) {
            body.add(print);
        } else {
            body.add("if step % " + every + " == 0:");
            body.add("    " + print);
        }
        for (String statement : body) {
            lines.add(new ConsoleLine(ConsoleLine.Kind.COMMAND, "...     " + statement));
        }
    }
}
