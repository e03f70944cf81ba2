package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's list of what is supported is the one the runner's tables give ({@link SupportedSubset}). */
class ReadmeListsTheSupportedSubsetTest {

    private static final String BEGIN = "<!-- supported:begin (written by SupportedSubset.main) -->\n";
    private static final String END = "<!-- supported:end -->";

    @Test
    void readmeListsWhatTheRunnerSupports() throws IOException {
        String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        String listed = begin < 0 || end < begin ? "" : readme.substring(begin + BEGIN.length(), end);

        assertEquals(SupportedSubset.markdown(), listed, "the README's supported list is stale: paste the output "
                + "of SupportedSubset.main between its markers");
    }
}
