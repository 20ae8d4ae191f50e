package org.itapipe.streams.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.itapipe.schemas.avro.AreaLevel;
import org.itapipe.schemas.avro.OrganizationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProvinceSumsProcessorTest {

    private static final Area DISTRICT = new Area(AreaLevel.DISTRICT, 2568, "1908", null);
    private static final Area SUBDISTRICT_ORGS = new Area(AreaLevel.PROVINCE, 2568, "19",
            OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION);
    private static final Area TOWNS = new Area(AreaLevel.PROVINCE, 2568, "19", OrganizationType.TOWN_MUNICIPALITY);
    private static final Area PROVINCE = SUBDISTRICT_ORGS.withoutType();

    private MockProcessorContext<String, SumsChange> context;
    private KeyValueStore<String, AreaStats> store;
    private KeyValueStore<String, AreaStats> parts;

    @BeforeEach
    void openTheStore() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "province-sums-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        context = new MockProcessorContext<>(config);
        store = openStore(ProvinceSumsProcessor.STORE);
        parts = openStore(ProvinceSumsProcessor.PARTS_STORE);
    }

    private KeyValueStore<String, AreaStats> openStore(String name) {
        KeyValueStore<String, AreaStats> opened = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), new AreaStatsSerde()).withLoggingDisabled().build();
        opened.init(context.getStateStoreContext(), opened);
        context.addStateStore(opened);
        return opened;
    }

    @Test
    void anAreaChangedManyTimesInAnIntervalIsEmittedOnceWithItsLastSums() {
        ProvinceSumsProcessor processor = started();
        for (int i = 1; i <= 3; i++) {
            processor.process(new Record<>("19", List.of(join(DISTRICT, "org" + i, 9_000 + i),
                    join(SUBDISTRICT_ORGS, "org" + i, 9_000 + i)), i));
        }
        assertThat(context.forwarded()).as("nothing before the interval ends").isEmpty();

        punctuate();

        assertThat(emittedCounts()).isEqualTo(Map.of(DISTRICT.key(), 3, SUBDISTRICT_ORGS.key(), 3,
                PROVINCE.key(), 3));
        context.resetForwards();
        punctuate();
        assertThat(context.forwarded()).as("an area that did not change again is not emitted again").isEmpty();
    }

    @Test
    void theProvinceOverAllTypesIsTheSumOfItsTypes() {
        ProvinceSumsProcessor processor = started();
        processor.process(new Record<>("19", List.of(join(SUBDISTRICT_ORGS, "6190803", 9_430)), 1));
        processor.process(new Record<>("19", List.of(join(TOWNS, "4190801", 8_000)), 2));
        processor.process(new Record<>("19", List.of(new AreaUpdate(TOWNS, "4190801", member(8_000), null)), 3));
        punctuate();

        assertThat(emittedCounts()).isEqualTo(Map.of(SUBDISTRICT_ORGS.key(), 1, TOWNS.key(), 0, PROVINCE.key(), 1));
        assertThat(store.get(PROVINCE.key()).sumTotalCents()).isEqualTo(9_430);
    }

    @Test
    void aProvinceTypeAreaIsEmittedWithTheSumsItEmittedBeforeWhichTheNationalSumsHold() {
        ProvinceSumsProcessor processor = started();
        processor.process(new Record<>("19", List.of(join(DISTRICT, "6190803", 9_430),
                join(SUBDISTRICT_ORGS, "6190803", 9_430)), 1));
        punctuate();
        processor.process(new Record<>("19", List.of(join(SUBDISTRICT_ORGS, "6190804", 8_000)), 2));
        punctuate();

        Map<String, List<SumsChange>> emitted = context.forwarded().stream()
                .map(MockProcessorContext.CapturedForward::record)
                .collect(Collectors.groupingBy(Record::key, Collectors.mapping(Record::value, Collectors.toList())));
        List<SumsChange> subdistrictOrgs = emitted.get(SUBDISTRICT_ORGS.key());
        assertThat(subdistrictOrgs.get(0).before().count()).isZero();
        assertThat(subdistrictOrgs.get(1).before()).usingRecursiveComparison().isEqualTo(subdistrictOrgs.get(0).after());
        assertThat(subdistrictOrgs.get(1).after().count()).isEqualTo(2);
        assertThat(parts.get(SUBDISTRICT_ORGS.key()).count()).isEqualTo(2);
        assertThat(emitted.get(DISTRICT.key()).get(0).before()).as("tracked for province-type areas only").isNull();
    }

    @Test
    void aRestartedTaskEmitsEveryAreaItHoldsSoThatAnEmissionLostAfterACommitIsSent() {
        started().process(new Record<>("19", List.of(join(DISTRICT, "6190803", 9_430)), 1));
        // The sums are in the store (a commit would hold them); the process stops before its punctuation.

        started();
        punctuate();

        assertThat(emittedCounts()).isEqualTo(Map.of(DISTRICT.key(), 1));
    }

    private ProvinceSumsProcessor started() {
        context.resetForwards();
        ProvinceSumsProcessor processor = new ProvinceSumsProcessor();
        processor.init(context);
        return processor;
    }

    private void punctuate() {
        List<MockProcessorContext.CapturedPunctuator> punctuators = context.scheduledPunctuators();
        punctuators.get(punctuators.size() - 1).getPunctuator().punctuate(1_000);
    }

    private Map<String, Integer> emittedCounts() {
        return context.forwarded().stream().map(MockProcessorContext.CapturedForward::record)
                .collect(Collectors.toMap(Record::key, record -> record.value().after().count()));
    }

    private static AreaUpdate join(Area area, String orgCode, long totalCents) {
        return new AreaUpdate(area, orgCode, null, member(totalCents));
    }

    private static MemberSummary member(long totalCents) {
        return new MemberSummary(totalCents, "PASSED_GOOD", true, Map.of(1, totalCents), false, null);
    }
}
