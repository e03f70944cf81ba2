package org.gradviz.app.script.runtime;

/** The made-up address Python shows in a default repr, {@code 0x7f...}: unique per object, never compared. */
final class Addresses {

    private Addresses() {
    }

    static String of(Object o) {
        return "0x7f" + String.format("%010x", System.identityHashCode(o));
    }
}
