package org.gradviz.app.script.runtime;

/** A runtime object with named members: modules, the optimiser, context managers. */
public interface HasAttributes {

    /** The member, or null when there is none. */
    Object attribute(String name);

    /** The type name Python shows in messages, e.g. {@code module}. */
    String typeName();
}
