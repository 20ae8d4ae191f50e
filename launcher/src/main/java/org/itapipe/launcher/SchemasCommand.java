package org.itapipe.launcher;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code itapipe schemas register}: the deployment step that registers every topic's value schema. */
@Command(name = "schemas", mixinStandardHelpOptions = true, description = "Schema registry tasks.",
        subcommands = SchemasCommand.Register.class)
final class SchemasCommand {

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register the value schema of every topic (<topic>-value) in the registry; the registry "
                    + "refuses an incompatible change. Run it before services that have schemas.auto-register=false.")
    static final class Register implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private ConfigOptions config;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            new TopicSerdes(new SchemaRegistryClient(config.registry()), true).registerAll()
                    .forEach(subject -> out.println("registered " + subject));
            out.flush();
            return 0;
        }
    }
}
