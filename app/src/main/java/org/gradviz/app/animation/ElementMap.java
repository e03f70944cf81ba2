package org.gradviz.app.animation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which element of the network view each recorded tensor and backward node belongs to: an op's output
 * tensor and the nodes its forward built (a 1-D matmul builds {@code UnsqueezeBackward0}, {@code MmBackward0}
 * and {@code SqueezeBackward3}) belong to the op's box, a leaf and its {@code AccumulateGrad} to the leaf's.
 *
 * @param leaves the elements that are sources (their values are not recomputed by Forward)
 */
public record ElementMap(Map<Integer, String> tensors, Map<Integer, String> nodes, Set<String> leaves) {

    public static final ElementMap EMPTY = new ElementMap(Map.of(), Map.of(), Set.of());

    public ElementMap {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        leaves = Collections.unmodifiableSet(new LinkedHashSet<>(leaves));
    }

    public Optional<String> elementOfTensor(int id) {
        return Optional.ofNullable(tensors.get(id));
    }

    public Optional<String> elementOfNode(int id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public boolean isLeaf(String element) {
        return leaves.contains(element);
    }
}
