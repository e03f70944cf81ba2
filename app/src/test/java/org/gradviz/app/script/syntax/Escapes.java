package org.gradviz.app.script.syntax;

/** Undoes the backslash escaping of sources in the TSV fixtures: {@code \n}, {@code \t}, {@code \\}. */
final class Escapes {

    private Escapes() {
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
