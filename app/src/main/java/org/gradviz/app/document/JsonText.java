package org.gradviz.app.document;

/**
 * A string from a document written back in a message: in double quotes, with every control or invisible-direction
 * character spelled as a JSON escape ({@code "x\u001b[31m"}, {@code "a\nb"}), so a message stays one line and no
 * byte of the document reaches the terminal as a command.
 */
public final class JsonText {
    private JsonText() {
    }

    /** {@code "name"} with escapes, or {@code (missing)} for null. */
    public static String quoted(String s) {
        if (s == null) {
            return "(missing)";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** C0 and C1 controls, DEL, line and paragraph separators, and the marks that turn text direction around. */
    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
