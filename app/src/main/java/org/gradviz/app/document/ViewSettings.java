package org.gradviz.app.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the document's graphs are drawn; every field may be absent, meaning the default.
 *
 * @param values show values and gradients in the labels ({@code data | grad})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ViewSettings(
        LayoutDirection rankdir,
        Theme theme,
        Boolean values,
        @JsonProperty("show_saved") Boolean showSaved,
        @JsonProperty("show_attrs") Boolean showAttrs,
        Integer dpi) {

    public static final ViewSettings DEFAULT = new ViewSettings(null, null, null, null, null, null);
}
