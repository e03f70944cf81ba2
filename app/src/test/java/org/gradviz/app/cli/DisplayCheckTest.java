package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayCheckTest {

    @Test
    void linuxWithoutDisplayIsAProblemThatNamesXvfbRun() {
        Optional<String> problem = new DisplayCheck("Linux", Map.of(), null).problem();

        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("DISPLAY"), problem.get());
        assertTrue(problem.get().contains("xvfb-run"), problem.get());
    }

    @Test
    void linuxWithX11DisplayIsFine() {
        assertEquals(Optional.empty(), new DisplayCheck("Linux", Map.of("DISPLAY", ":0"), null).problem());
    }

    @Test
    void linuxWithWaylandIsFine() {
        assertEquals(Optional.empty(), new DisplayCheck("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null).problem());
    }

    @Test
    void headlessMonocleNeedsNoDisplay() {
        assertEquals(Optional.empty(), new DisplayCheck("Linux", Map.of(), "Monocle").problem());
    }

    @Test
    void windowsAndMacNeedNoDisplayVariable() {
        assertEquals(Optional.empty(), new DisplayCheck("Windows 11", Map.of(), null).problem());
        assertEquals(Optional.empty(), new DisplayCheck("Mac OS X", Map.of(), null).problem());
    }
}
