package org.gradviz.app.document;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The colour scheme of a drawn graph. */
public enum Theme {
    @JsonProperty("light") LIGHT,
    @JsonProperty("dark") DARK,
    @JsonProperty("high-contrast") HIGH_CONTRAST;

    /** The name used in documents and on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
