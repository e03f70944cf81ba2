package org.gradviz.app.editor;

import java.util.List;
import java.util.Locale;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;

/** One thing the palette offers: a tensor source of a role, or an op, under a group heading. */
public record PaletteEntry(String label, String group, TensorRole role, OpKind op) {

    public static PaletteEntry source(TensorRole role) {
        String label = role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT);
        return new PaletteEntry(label, "Tensors", role, null);
    }

    public static PaletteEntry op(String group, OpKind op) {
        return new PaletteEntry(op.id(), group, null, op);
    }

    /** Adds the entry's element to the model at {@code at}; returns its name. */
    public String addTo(EditorModel model, Position at) {
        return role != null ? model.addSource(role, at) : model.addOp(op, at);
    }

    /** Every entry, grouped as the palette shows them: the tensor sources, then the ops in table order. */
    public static List<PaletteEntry> all() {
        List<PaletteEntry> entries = new java.util.ArrayList<>(List.of(
                source(TensorRole.INPUT), source(TensorRole.PARAMETER), source(TensorRole.CONSTANT)));
        for (OpKind op : OpKind.values()) {
            entries.add(op(op.spec().group().label(), op));
        }
        return List.copyOf(entries);
    }

    /** Entries whose label contains {@code query} (any case), the ones starting with it first. */
    public static List<PaletteEntry> matching(String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        return all().stream()
                .filter(e -> e.label().toLowerCase(Locale.ROOT).contains(q))
                .sorted(java.util.Comparator.comparing(e -> !e.label().toLowerCase(Locale.ROOT).startsWith(q)))
                .toList();
    }
}
