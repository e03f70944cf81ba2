package org.gradviz.app.animation.view;

import java.util.function.Function;
import javafx.concurrent.Task;
import org.gradviz.app.render.AutogradLayout;
import org.gradviz.app.render.AutogradDot;
import org.gradviz.app.render.AutogradPicture;

/**
 * Lays pictures out off the FX thread and shows them in an {@link AutogradView}, its spinner turning meanwhile.
 * A newer request cancels an older one: only the picture asked for last is ever shown. When Graphviz fails the
 * view says so in its placeholder.
 */
public final class AutogradLayoutRunner {
    private final AutogradView view;
    private final Function<AutogradPicture, AutogradLayout> layout;
    private Task<AutogradLayout> running;

    /** Lays out with the Graphviz this machine has ({@link AutogradLayout#of(AutogradPicture)}). */
    public AutogradLayoutRunner(AutogradView view) {
        this(view, AutogradLayout::of);
    }

    /** Lays out with {@code layout}, called on a thread of its own. */
    public AutogradLayoutRunner(AutogradView view, Function<AutogradPicture, AutogradLayout> layout) {
        this.view = view;
        this.layout = layout;
    }

    /** Lays {@code picture} out, then shows it, unless another picture is asked for first. Call on the FX thread. */
    public void show(AutogradPicture picture) {
        show(picture, () -> { });
    }

    /** As {@link #show(AutogradPicture)}, running {@code shown} on the FX thread once the picture is on screen. */
    public void show(AutogradPicture picture, Runnable shown) {
        cancel();
        if (view.updateMarks(picture)) { // the same drawing, only freed marks changed: nothing to lay out or draw
            shown.run();
            return;
        }
        AutogradPicture current = view.picture();
        if (current != null && AutogradDot.render(current).equals(AutogradDot.render(picture))) {
            view.setPicture(picture, view.pictureLayout()); // the same drawing, new numbers: no new layout
            shown.run();
            return;
        }
        Task<AutogradLayout> task = new Task<>() {
            @Override
            protected AutogradLayout call() {
                return layout.apply(picture);
            }
        };
        task.setOnSucceeded(e -> {
            if (running == task) {
                running = null;
                view.busyProperty().set(false);
                view.setPicture(picture, task.getValue());
                shown.run();
            }
        });
        task.setOnFailed(e -> {
            if (running == task) {
                running = null;
                view.busyProperty().set(false);
                Throwable problem = task.getException();
                view.showPlaceholder("Graphviz could not lay out the autograd graph: " + problem.getMessage());
            }
        });
        running = task;
        view.busyProperty().set(true);
        Thread thread = new Thread(task, "gradviz-autograd-layout");
        thread.setDaemon(true);
        thread.start();
    }

    /** Forgets the request under way, if any (its layout, when it comes, is dropped). */
    public void cancel() {
        if (running != null) {
            running.cancel();
            running = null;
            view.busyProperty().set(false);
        }
    }

    /** True while a layout is being made. */
    public boolean isRunning() {
        return running != null;
    }
}
