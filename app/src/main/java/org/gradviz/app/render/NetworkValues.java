package org.gradviz.app.render;

/**
 * Where the boxes of the network view get the values they show when values are shown: by element name, its data
 * and grad lines, or null when it has none (its box shows only its name).
 */
@FunctionalInterface
public interface NetworkValues {

    PictureValues of(String element);
}
