package org.gradviz.app.cli;

import org.gradviz.engine.VectorApi;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the jar manifest's Implementation-Version ("dev" when run from classes), then whether the
 * float32 kernels have the Vector API in this JVM ({@code vector: on}, as {@code app/target/gradviz} starts it).
 */
final class ManifestVersion implements IVersionProvider {

    static final String FALLBACK = "dev";

    @Override
    public String[] getVersion() {
        return new String[] {"gradviz " + version(), vectorLine(VectorApi.PRESENT)};
    }

    static String version() {
        String fromManifest = Main.class.getPackage().getImplementationVersion();
        return fromManifest == null || fromManifest.isBlank() ? FALLBACK : fromManifest;
    }

    /** {@code vector: on}, or {@code vector: off} with the JVM option that turns it on. */
    static String vectorLine(boolean present) {
        return present ? "vector: on"
            : "vector: off (plain loops; java --add-modules=jdk.incubator.vector, as app/target/gradviz starts it, turns it on)";
    }
}
