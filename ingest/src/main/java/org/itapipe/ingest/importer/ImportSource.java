package org.itapipe.ingest.importer;

import java.io.IOException;
import java.io.Reader;

/** One input of an import: its name (for line references), its format, and how to open it. */
public record ImportSource(String name, InputFormat format, Opener opener) {

    @FunctionalInterface
    public interface Opener {
        Reader open() throws IOException;
    }
}
