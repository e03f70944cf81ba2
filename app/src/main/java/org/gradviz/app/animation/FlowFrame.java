package org.gradviz.app.animation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the views show of a recording at one position, apart from the values on the boxes: the node the engine
 * is at, the nodes done, what each edge carried so far, short notes under nodes ({@code grad: 0.0000 → 0.2661})
 * and a sentence saying what this step did. Node numbers are the recording's; {@link NetworkFlow} maps them to
 * the network view's boxes.
 *
 * @param forwardValues for a forward recording: the tensors computed so far (by tensor number) with their value
 */
public record FlowFrame(int position, Integer activeNode, Set<Integer> doneNodes, Map<GradEdge, EdgeFlow> gradEdges,
        Map<Integer, String> nodeNotes, Integer activeTensor, Map<Integer, String> forwardValues, String caption,
        String error) {

    public static final FlowFrame NONE = new FlowFrame(0, null, Set.of(), Map.of(), Map.of(), null, Map.of(), "", null);

    public FlowFrame {
        doneNodes = Collections.unmodifiableSet(new LinkedHashSet<>(doneNodes));
        gradEdges = Collections.unmodifiableMap(new LinkedHashMap<>(gradEdges));
        nodeNotes = Collections.unmodifiableMap(new LinkedHashMap<>(nodeNotes));
        forwardValues = Collections.unmodifiableMap(new LinkedHashMap<>(forwardValues));
    }
}
