package org.gradviz.app.editor;

/** Whether an edge may be drawn, and if not, why, in words a learner can act on. */
public record ConnectionVerdict(boolean allowed, String reason) {

    public static final ConnectionVerdict ALLOWED = new ConnectionVerdict(true, "");

    public static ConnectionVerdict forbidden(String reason) {
        return new ConnectionVerdict(false, reason);
    }
}
