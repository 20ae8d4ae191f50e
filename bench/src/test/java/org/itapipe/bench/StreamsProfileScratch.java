package org.itapipe.bench;

import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.itapipe.bench.data.NationalDataset;
import org.itapipe.devstack.EmbeddedStack;
import org.itapipe.devstack.StackOptions;
import org.itapipe.devstack.StackPorts;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("benchmark")
class StreamsProfileScratch {
    @Test
    void profile() throws Exception {
        IngestApplication.ReferenceData reference = IngestApplication.ReferenceData.standard();
        try (EmbeddedStack stack = EmbeddedStack.start(new StackOptions(Path.of("/tmp/sprof"), StackPorts.free(), System.getenv()))) {
            TopicSetup.createMissing(stack.connections().kafka(), (short) 1);
            TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(stack.connections().registry()), true);
            NationalDataset.Waves waves = new NationalDataset(reference.organizations().all(), reference.methodologies())
                    .generate(List.of(2567, 2568), 20000 - 14514);
            IngestBench.Loaded loaded = new IngestBench(stack, reference, serdes, stack.serviceStateDir("bench")).measure(waves);
            System.out.println("INGEST " + loaded.line());
            Recording recording = new Recording(Configuration.getConfiguration("default"));
            recording.start();
            BenchReport.Line line = new StreamsBench(stack.connections(), serdes, reference.methodologies(),
                    stack.serviceStateDir("bench-streams")).measure(loaded.submissions());
            recording.stop();
            recording.dump(Path.of("/tmp/streams.jfr"));
            System.out.println("STREAMS " + line);
        }
    }
}
