package org.gradviz.app.document;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a tensor source stands for in a network; drawn differently, computed the same. */
public enum TensorRole {
    @JsonProperty("input") INPUT,
    @JsonProperty("parameter") PARAMETER,
    @JsonProperty("constant") CONSTANT
}
