package org.gradviz.app.document;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An immutable list that finds its elements by a name ({@code OpNode::name}, {@code Connection::to}) without a
 * scan: the index is built once, on the first lookup, and shared by every document holding the list. Equal to
 * any list of the same elements in the same order. Elements whose name is null are in the list but not indexed.
 */
final class IndexedList<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;
    private final Function<T, String> key;
    /** Name to elements with that name, in list order; built on first use (a race builds the same map twice). */
    private volatile Map<String, List<T>> index;

    private IndexedList(List<T> items, Function<T, String> key) {
        this.items = items;
        this.key = key;
    }

    /**
     * {@code items} (null as empty) as an immutable list indexed by {@code key}; the same list when it already is
     * one indexed by this {@code key} object, so documents that share a list share its index.
     */
    static <T> IndexedList<T> of(List<T> items, Function<T, String> key) {
        if (items instanceof IndexedList<T> indexed && indexed.key == key) {
            return indexed;
        }
        return new IndexedList<>(items == null ? List.of() : List.copyOf(items), key);
    }

    /** The first element named {@code name}. */
    Optional<T> first(String name) {
        List<T> named = named(name);
        return named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
    }

    /** Every element named {@code name}, in list order. */
    List<T> named(String name) {
        return index().getOrDefault(name, List.of());
    }

    private Map<String, List<T>> index() {
        Map<String, List<T>> built = index;
        if (built == null) {
            Map<String, List<T>> byName = new HashMap<>();
            for (T item : items) {
                String name = key.apply(item);
                if (name != null) {
                    byName.computeIfAbsent(name, k -> new ArrayList<>(1)).add(item);
                }
            }
            byName.replaceAll((name, list) -> List.copyOf(list));
            index = byName;
            built = byName;
        }
        return built;
    }

    @Override
    public T get(int i) {
        return items.get(i);
    }

    @Override
    public int size() {
        return items.size();
    }
}
