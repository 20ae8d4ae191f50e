package org.itapipe.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** What the build recorded about the pieces the stack runs (see devstack.properties, filtered by Maven). */
record BuildInfo(String apicurioVersion, Path apicurioArchive, String chdbNpmPackage) {

    static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("devstack.properties")) {
            if (in == null) {
                throw new IllegalStateException("devstack.properties is missing from the classpath: rebuild with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties.getProperty("apicurio.version"),
                Path.of(properties.getProperty("apicurio.archive")),
                properties.getProperty("chdb.npm.package"));
    }

    /** The version part of the npm package spec, {@code @chdb/lib-linux-x64-gnu@26.7.3-stable.1} gives 26.7.3-stable.1. */
    String chdbVersion() {
        return chdbNpmPackage.substring(chdbNpmPackage.lastIndexOf('@') + 1);
    }
}
