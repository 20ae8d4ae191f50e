package org.itapipe.bench;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.itapipe.bench.data.NationalDataset;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.importer.RecordResult;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.registry.InMemorySchemaRegistry;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.streams.ItaTopology;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("benchmark")
class TtdScratch {
    @Test
    void cpu() throws Exception {
        IngestApplication.ReferenceData reference = IngestApplication.ReferenceData.standard();
        NationalDataset.Waves waves = new NationalDataset(reference.organizations().all(), reference.methodologies())
                .generate(List.of(2567, 2568), 40000 - 14514);
        List<ScoreSubmission> all = new ArrayList<>();
        for (String csv : waves.csv()) {
            reference.bulkImport().run(List.of(new ImportSource("x", InputFormat.CSV, () -> new StringReader(csv))),
                    BulkImport.Admission.ALL, Optional.empty(), r -> { }).results()
                    .forEach(r -> all.add(((RecordResult.Accepted) r).submission()));
        }
        TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistry(), true);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ttd");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, "/tmp/ttd-state");
        try (TopologyTestDriver driver = new TopologyTestDriver(new ItaTopology(serdes, reference.methodologies()).build(), config)) {
            TestInputTopic<String, ScoreSubmission> in = driver.createInputTopic(Topics.SUBMISSIONS.name(),
                    new StringSerializer(), serdes.value(Topics.SUBMISSIONS).serializer());
            for (int round = 0; round < 2; round++) {
                int from = round == 0 ? 0 : all.size() / 2;
                int to = round == 0 ? all.size() / 2 : all.size();
                long t = System.nanoTime();
                for (int i = from; i < to; i++) {
                    in.pipeInput(all.get(i).getOrgCode(), all.get(i));
                }
                double s = (System.nanoTime() - t) / 1e9;
                System.out.println("TTD round " + round + ": " + (to - from) / s + " submissions/s");
            }
        }
    }
}
