package org.gradviz.app.animation;

import java.util.HashSet;
import java.util.Set;

/**
 * Reveal (View ▸ Reveal Step by Step): the values and gradients a command is going to change stay hidden until the
 * player has stepped to the event that changes them, so a class can predict each number before it appears. A box
 * field is hidden at a position when the whole command changes it and no event up to that position has yet.
 */
public record RevealMask(Set<String> hiddenValues, Set<String> hiddenGrads) {
    public static final RevealMask NONE = new RevealMask(Set.of(), Set.of());

    public RevealMask {
        hiddenValues = Set.copyOf(hiddenValues);
        hiddenGrads = Set.copyOf(hiddenGrads);
    }

    /** What is still hidden once the first {@code position} events of {@code recording} have happened. */
    public static RevealMask at(Recording recording, int position) {
        return of(recording, recording.boardAt(position));
    }

    /** What is still hidden while {@code now}, one of {@code recording}'s boards, is shown. */
    public static RevealMask of(Recording recording, Board now) {
        Board before = recording.before();
        Board after = recording.after();
        Set<String> values = new HashSet<>();
        Set<String> grads = new HashSet<>();
        for (String element : after.boxes().keySet()) {
            BoxValues first = before.box(element).orElse(BoxValues.of(null, null));
            BoxValues shown = now.box(element).orElse(BoxValues.of(null, null));
            BoxValues last = after.box(element).orElse(BoxValues.of(null, null));
            if (last.value() != first.value() && shown.value() == first.value()) {
                values.add(element);
            }
            if (last.grad() != first.grad() && shown.grad() == first.grad()) {
                grads.add(element);
            }
        }
        return new RevealMask(values, grads);
    }

    public boolean hidesValue(String element) {
        return hiddenValues.contains(element);
    }

    public boolean hidesGrad(String element) {
        return hiddenGrads.contains(element);
    }
}
