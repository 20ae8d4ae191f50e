package org.itapipe.launcher;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the launcher jar's manifest. */
final class ManifestVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Itapipe.class.getPackage().getImplementationVersion();
        return new String[] {"itapipe " + (version == null ? "(development build)" : version)};
    }
}
