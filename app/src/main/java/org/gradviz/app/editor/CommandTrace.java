package org.gradviz.app.editor;

import java.util.List;
import org.gradviz.app.animation.ElementMap;
import org.gradviz.app.animation.TraceEvent;

/** One command of a {@link RunSession} as the engine reported it, and which element each event is about. */
public record CommandTrace(String command, List<TraceEvent> events, ElementMap elements) {

    public CommandTrace {
        events = List.copyOf(events);
    }
}
