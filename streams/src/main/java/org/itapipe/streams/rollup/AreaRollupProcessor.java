package org.itapipe.streams.rollup;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.topics.Topics;

/**
 * Owns the member lists of its areas (after repartitioning by area): applies one update, then emits the area's
 * rollup recomputed from all current members, once per update, never a half-applied state. An area left without
 * members emits a tombstone.
 */
public final class AreaRollupProcessor implements Processor<String, AreaUpdate, String, AreaRollup> {

    private final String storeName;
    private final MethodologyCatalog methodologies;
    private ProcessorContext<String, AreaRollup> context;
    private KeyValueStore<String, AreaMembers> areas;

    public AreaRollupProcessor(String storeName, MethodologyCatalog methodologies) {
        this.storeName = storeName;
        this.methodologies = methodologies;
    }

    @Override
    public void init(ProcessorContext<String, AreaRollup> context) {
        this.context = context;
        this.areas = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, AreaUpdate> record) {
        AreaUpdate update = record.value();
        AreaMembers members = areas.get(update.areaKey());
        AreaMembers next = (members == null ? AreaMembers.empty() : members).apply(update);
        String key = Topics.areaKey(update.fiscalYear(), update.areaCode());
        if (next.members().isEmpty()) {
            areas.delete(update.areaKey());
            context.forward(record.withKey(key).withValue(null));
            return;
        }
        areas.put(update.areaKey(), next);
        context.forward(record.withKey(key).withValue(RollupCalculator.rollup(update.level(), update.fiscalYear(),
                update.areaCode(), next.members().values().stream().map(MemberSummary::normalized).toList(),
                methodologies.require(update.fiscalYear()))));
    }
}
