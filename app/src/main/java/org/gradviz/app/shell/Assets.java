package org.gradviz.app.shell;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

/** Locations of the files from the top-level {@code assets/} folder, packed under org/gradviz/assets. */
final class Assets {

    private static final String ROOT = "/org/gradviz/assets/";

    /** The one entry stylesheet, {@code assets/css/gradviz.css}. */
    static final String ENTRY_STYLESHEET = require("css/gradviz.css").toExternalForm();

    private Assets() {
    }

    /** Opens an asset, such as {@code fonts/ui/DejaVuSans.ttf}; the caller closes it. */
    static InputStream open(String relative) throws IOException {
        return require(relative).openStream();
    }

    private static URL require(String relative) {
        URL url = Assets.class.getResource(ROOT + relative);
        if (url == null) {
            throw new IllegalStateException("missing asset " + ROOT + relative
                + ": the build copies assets/ into the jar; rebuild with 'mvn package'");
        }
        return url;
    }
}
