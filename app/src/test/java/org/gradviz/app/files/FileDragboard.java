package org.gradviz.app.files;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import java.io.File;
import java.security.AccessControlContext;
import java.util.List;
import java.util.Set;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * A {@link Dragboard} holding files, as the system gives one to a window when files are dragged in from a
 * file manager. A headless test has no system drag, and {@code Dragboard} has no public constructor, so
 * this is the one place that uses JavaFX's internal API ({@code com.sun.javafx}): {@code DragboardHelper}
 * makes the dragboard around a clipboard peer. The toolkit's local clipboard keeps the content, but it
 * cannot say which transfer modes the source offers (it throws), and {@code DragEvent.acceptTransferModes}
 * asks; so the peer here answers that from the modes given. Call on the FX thread.
 */
final class FileDragboard {
    /** What a file manager offers for files dragged out of it. */
    static final Set<TransferMode> FILE_MANAGER_MODES = Set.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK);

    private FileDragboard() {
    }

    static Dragboard holding(File... files) {
        Dragboard board = DragboardHelper.createDragboard(
                new OfferedModes(Toolkit.getToolkit().createLocalClipboard(), FILE_MANAGER_MODES));
        ClipboardContent content = new ClipboardContent();
        content.putFiles(List.of(files));
        board.setContent(content);
        return board;
    }

    /** The local clipboard, with the transfer modes the drag source offers. */
    private record OfferedModes(TKClipboard local, Set<TransferMode> modes) implements TKClipboard {
        @Override
        public Set<TransferMode> getTransferModes() {
            return modes;
        }

        @Override
        @SuppressWarnings("removal")
        public void setSecurityContext(AccessControlContext context) {
            local.setSecurityContext(context);
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return local.getContentTypes();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            return local.putContent(content);
        }

        @Override
        public Object getContent(DataFormat format) {
            return local.getContent(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return local.hasContent(format);
        }

        @Override
        public void setDragView(Image image) {
            local.setDragView(image);
        }

        @Override
        public void setDragViewOffsetX(double offset) {
            local.setDragViewOffsetX(offset);
        }

        @Override
        public void setDragViewOffsetY(double offset) {
            local.setDragViewOffsetY(offset);
        }

        @Override
        public Image getDragView() {
            return local.getDragView();
        }

        @Override
        public double getDragViewOffsetX() {
            return local.getDragViewOffsetX();
        }

        @Override
        public double getDragViewOffsetY() {
            return local.getDragViewOffsetY();
        }
    }
}
