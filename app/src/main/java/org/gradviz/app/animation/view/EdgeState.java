package org.gradviz.app.animation.view;

import java.util.Locale;
import javafx.css.PseudoClass;

/** What an edge of the autograd view is showing, each a pseudo-class of the same name ({@code :active}). */
public enum EdgeState {
    /** A gradient is travelling along it now. */
    ACTIVE,
    /** Its gradient has arrived in this backward pass. */
    DONE;

    private final PseudoClass pseudoClass = PseudoClass.getPseudoClass(name().toLowerCase(Locale.ROOT));

    public PseudoClass pseudoClass() {
        return pseudoClass;
    }
}
