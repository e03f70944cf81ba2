package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** A module the program imported: {@code torch}, {@code torch.nn.functional}, {@code math}, ... */
public record PyModule(String name, Map<String, Object> members) implements HasAttributes {
    public PyModule {
        members = new LinkedHashMap<>(members);
    }

    @Override
    public Object attribute(String member) {
        return members.get(member);
    }

    @Override
    public String typeName() {
        return "module";
    }

    @Override
    public String toString() {
        return "<module '" + name + "'>";
    }
}
