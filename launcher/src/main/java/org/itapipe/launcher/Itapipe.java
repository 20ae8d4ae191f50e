package org.itapipe.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code itapipe} command line: one program for every service, the embedded stack and the demo. */
@Command(name = "itapipe",
        description = "Analytics pipeline for Thailand's Integrity and Transparency Assessment (ITA).",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        subcommands = {StackCommand.class, DemoCommand.class, IngestCommand.class, ImportCommand.class, KeysCommand.class, StreamsCommand.class,
                SinkCommand.class, NotifierCommand.class, WebCommand.class, ReportCommand.class, SchemasCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Itapipe {

    public static void main(String[] args) {
        StackLocation.defaultLogFile();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Itapipe())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new FriendlyErrors());
    }
}
