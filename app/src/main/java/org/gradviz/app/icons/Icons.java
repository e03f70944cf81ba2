package org.gradviz.app.icons;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * The app's icons, from Material Design Icons (Ikonli's {@code mdi2} pack, Apache 2.0). Each call to
 * {@link #create()} makes a new node (a node can sit in one place only); it takes its colour from the
 * theme through the {@code .icon} style class, so it follows light and dark themes.
 */
public enum Icons {
    // files
    NEW(MaterialDesignF.FILE_OUTLINE),
    OPEN(MaterialDesignF.FOLDER_OPEN_OUTLINE),
    SAVE(MaterialDesignC.CONTENT_SAVE_OUTLINE),
    SAVE_AS(MaterialDesignC.CONTENT_SAVE_EDIT_OUTLINE),
    PASTE_CELL(MaterialDesignL.LANGUAGE_PYTHON),
    QUIT(MaterialDesignE.EXIT_TO_APP),
    // edit
    UNDO(MaterialDesignU.UNDO),
    REDO(MaterialDesignR.REDO),
    DELETE(MaterialDesignD.DELETE_OUTLINE),
    DETACH(MaterialDesignL.LINK_VARIANT_OFF),
    // running
    FORWARD(MaterialDesignP.PLAY),
    BACKWARD(MaterialDesignR.REWIND),
    STEP(MaterialDesignS.STEP_FORWARD),
    ZERO_GRAD(MaterialDesignN.NUMERIC_0_BOX_OUTLINE),
    RESET(MaterialDesignR.RESTART),
    TRAIN(MaterialDesignC.CHART_BELL_CURVE_CUMULATIVE),
    // the player of recorded steps
    PLAYER_RESTART(MaterialDesignS.SKIP_PREVIOUS),
    PLAYER_STEP_BACK(MaterialDesignS.STEP_BACKWARD),
    PLAYER_PLAY(MaterialDesignP.PLAY),
    PLAYER_PAUSE(MaterialDesignP.PAUSE),
    PLAYER_STEP_FORWARD(MaterialDesignS.STEP_FORWARD),
    PLAYER_END(MaterialDesignS.SKIP_NEXT),
    // view
    AUTOGRAD_VIEW(MaterialDesignG.GRAPH_OUTLINE),
    PRESENT(MaterialDesignP.PRESENTATION_PLAY),
    ZOOM_IN(MaterialDesignM.MAGNIFY_PLUS_OUTLINE),
    ZOOM_OUT(MaterialDesignM.MAGNIFY_MINUS_OUTLINE),
    ZOOM_FIT(MaterialDesignF.FIT_TO_PAGE_OUTLINE),
    TIDY_LAYOUT(MaterialDesignS.SITEMAP),
    ALIGN(MaterialDesignA.ALIGN_HORIZONTAL_LEFT);

    /** The style class every icon carries. */
    public static final String STYLE_CLASS = "icon";
    /** The size in pixels when none is given: matches the 16 px body text. */
    public static final int DEFAULT_SIZE = 18;

    private final Ikon ikon;

    Icons(Ikon ikon) {
        this.ikon = ikon;
    }

    public Ikon ikon() {
        return ikon;
    }

    /** A new icon node at {@link #DEFAULT_SIZE}. */
    public FontIcon create() {
        return create(DEFAULT_SIZE);
    }

    /** A new icon node {@code size} pixels high. */
    public FontIcon create(int size) {
        FontIcon icon = FontIcon.of(ikon, size);
        icon.getStyleClass().add(STYLE_CLASS);
        return icon;
    }
}
