package org.gradviz.app.animation.lens;

/** A lens needed a saved value the recording does not have; the message says which and why. */
final class MissingSavedValue extends RuntimeException {
    MissingSavedValue(String message) {
        super(message);
    }
}
