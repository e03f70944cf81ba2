package org.gradviz.app.editor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradviz.app.document.GraphDocument;

/** Fresh Python names for new elements: {@code w}, then {@code w1}, {@code w2}… */
public final class Names {
    private static final Pattern TRAILING_DIGITS = Pattern.compile("^(.*?)(\\d+)$");

    private Names() {
    }

    public static boolean taken(GraphDocument doc, String name) {
        return doc.tensor(name).isPresent() || doc.node(name).isPresent();
    }

    /** {@code base} when free, else {@code base} with the first free number (a copy of w2 is w3). */
    public static String fresh(GraphDocument doc, String base) {
        if (!taken(doc, base)) {
            return base;
        }
        Matcher m = TRAILING_DIGITS.matcher(base);
        String stem = m.matches() ? m.group(1) : base;
        int n = m.matches() ? Integer.parseInt(m.group(2)) + 1 : 1;
        while (taken(doc, stem + n)) {
            n++;
        }
        return stem + n;
    }
}
