package org.gradviz.app.cli;

import java.util.function.IntFunction;
import org.gradviz.app.animation.Recording;

/**
 * The input's last backward pass, drawable at every step: {@code dotAt.apply(k)} is the view at step k, 0 (before
 * it) to {@code recording.size()} (after it).
 */
record BackwardSteps(Recording recording, IntFunction<String> dotAt) {

    int lastStep() {
        return recording.size();
    }

    /** The DOT of step {@code step}; a step out of range is the user's mistake, said in one line. */
    String dot(int step) {
        if (step < 0 || step > lastStep()) {
            throw new BadInput("--step " + step + " is out of range: " + recording.command() + " has steps 0 to "
                    + lastStep() + " (0 is before it, " + lastStep() + " after it)");
        }
        return dotAt.apply(step);
    }
}
