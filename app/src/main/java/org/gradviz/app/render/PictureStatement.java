package org.gradviz.app.render;

/** One statement of an {@link AutogradPicture}, a box or an edge, in the order torchviz writes its DOT. */
public sealed interface PictureStatement permits PictureNode, PictureEdge {
}
