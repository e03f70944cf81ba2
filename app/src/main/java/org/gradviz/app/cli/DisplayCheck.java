package org.gradviz.app.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Tells before JavaFX starts whether there is a display to open a window on. Without one,
 * JavaFX prints a stack trace from its own launcher thread and exits, which is no help.
 */
final class DisplayCheck {

    private final String osName;
    private final Map<String, String> env;
    private final String glassPlatform;

    DisplayCheck(String osName, Map<String, String> env, String glassPlatform) {
        this.osName = osName;
        this.env = env;
        this.glassPlatform = glassPlatform;
    }

    static DisplayCheck ofThisMachine() {
        return new DisplayCheck(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform"));
    }

    /** Empty when a window can be opened, else the reason and the fix in one line. */
    Optional<String> problem() {
        boolean usesX11OrWayland = osName.startsWith("Linux") && !"Monocle".equals(glassPlatform);
        if (usesX11OrWayland && isBlank("DISPLAY") && isBlank("WAYLAND_DISPLAY")) {
            return Optional.of("no display to open a window on (DISPLAY is not set):"
                + " run gradviz on a desktop, or headless with 'xvfb-run -a java -jar app/target/gradviz.jar'");
        }
        return Optional.empty();
    }

    private boolean isBlank(String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank();
    }
}
