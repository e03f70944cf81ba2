package org.gradviz.app.export;

import java.nio.file.Path;
import org.gradviz.app.render.ExportFormat;

/**
 * What File ▸ Export writes: which view, in which format and size, with or without values and gradients, and
 * whether the step shown, one PNG per step of the pass (slides, into a folder) or an animated GIF of the pass.
 */
public record ExportRequest(View view, ExportFormat format, PictureSize size, boolean values, Scope scope,
        Path target) {

    /** The view pictured. */
    public enum View {
        NETWORK("Network view"), AUTOGRAD("Autograd view");

        private final String label;

        View(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One picture of the step shown, one PNG per step (slides), or an animated GIF of every step. */
    public enum Scope {
        STEP("The step shown"), SLIDES("Slides: one PNG per step, into a folder"), GIF("Animated GIF of every step");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public ExportRequest {
        if (scope != Scope.STEP) {
            format = scope == Scope.GIF ? null : ExportFormat.PNG;
        }
    }

    public ExportRequest withTarget(Path next) {
        return new ExportRequest(view, format, size, values, scope, next);
    }
}
