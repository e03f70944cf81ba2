package org.gradviz.app.editor;

import java.util.Optional;
import org.gradviz.app.animation.ElementMap;
import org.gradviz.app.render.AutogradPicture;

/**
 * The autograd graph the window shows: a picture, or why there is none ({@code Run Forward (F5) to build …}), and
 * which network box each of its nodes and tensors belongs to (for linked selection).
 */
public record AutogradGraph(AutogradPicture picture, String message, ElementMap elements) {

    public static AutogradGraph of(AutogradPicture picture, ElementMap elements) {
        return new AutogradGraph(picture, "", elements);
    }

    public static AutogradGraph none(String why) {
        return new AutogradGraph(null, why, ElementMap.EMPTY);
    }

    public Optional<AutogradPicture> pictureIfAny() {
        return Optional.ofNullable(picture);
    }
}
