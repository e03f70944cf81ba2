package org.gradviz.app.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jar manifest's Implementation-Version, or "dev" when run from classes. */
final class ManifestVersion implements IVersionProvider {

    static final String FALLBACK = "dev";

    @Override
    public String[] getVersion() {
        return new String[] {"gradviz " + version()};
    }

    static String version() {
        String fromManifest = Main.class.getPackage().getImplementationVersion();
        return fromManifest == null || fromManifest.isBlank() ? FALLBACK : fromManifest;
    }
}
