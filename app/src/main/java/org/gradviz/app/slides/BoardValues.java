package org.gradviz.app.slides;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.animation.Board;
import org.gradviz.app.animation.BoxValues;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.render.NetworkValues;
import org.gradviz.app.render.PictureValues;

/**
 * The values the network view's boxes show at one step: each box's value and grad on the recording's board, one a
 * later command made out of date marked {@value #STALE} after its numbers, as the window captions it.
 */
final class BoardValues implements NetworkValues {
    static final String STALE = "(stale)";

    private final Board board;

    BoardValues(Board board) {
        this.board = board;
    }

    @Override
    public PictureValues of(String element) {
        return board.box(element).map(BoardValues::values).orElse(null);
    }

    private static PictureValues values(BoxValues box) {
        return new PictureValues(lines(box.value(), box.valueStale()), lines(box.grad(), box.gradStale()));
    }

    private static List<String> lines(TensorValue value, boolean stale) {
        List<String> lines = new ArrayList<>(value == null ? PictureValues.lines(null, null)
                : PictureValues.lines(value.shape(), value.data()));
        if (stale) {
            int last = lines.size() - 1;
            lines.set(last, lines.get(last) + " " + STALE);
        }
        return lines;
    }
}
