package org.itapipe.streams.rollup;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.topics.Topics;

/**
 * Owns its areas (after repartitioning by area). For each update it subtracts the organization's previous
 * contribution (kept in the members store), adds the new one, and emits the area's rollup once: never a half-applied
 * state. An area left without members emits a tombstone.
 */
public final class AreaRollupProcessor implements Processor<String, AreaUpdate, String, AreaRollup> {

    private final String storePrefix;
    private final MethodologyCatalog methodologies;
    private ProcessorContext<String, AreaRollup> context;
    private KeyValueStore<String, MemberSummary> members;
    private KeyValueStore<String, AreaStats> stats;

    public AreaRollupProcessor(String storePrefix, MethodologyCatalog methodologies) {
        this.storePrefix = storePrefix;
        this.methodologies = methodologies;
    }

    public static String membersStore(String prefix) {
        return prefix + "-members";
    }

    public static String statsStore(String prefix) {
        return prefix + "-stats";
    }

    @Override
    public void init(ProcessorContext<String, AreaRollup> context) {
        this.context = context;
        this.members = context.getStateStore(membersStore(storePrefix));
        this.stats = context.getStateStore(statsStore(storePrefix));
    }

    @Override
    public void process(Record<String, AreaUpdate> record) {
        AreaUpdate update = record.value();
        String memberKey = update.areaKey() + "|" + update.orgCode();
        MemberSummary previous = members.get(memberKey);
        AreaStats current = stats.get(update.areaKey());
        AreaStats next = current == null ? AreaStats.empty() : current;
        if (previous != null) {
            next = next.remove(previous.normalized());
        }
        if (update.member() != null) {
            next = next.add(update.member().normalized());
            members.put(memberKey, update.member());
        } else {
            members.delete(memberKey);
        }
        String key = Topics.areaKey(update.fiscalYear(), update.areaCode());
        if (next.count() == 0) {
            stats.delete(update.areaKey());
            context.forward(record.withKey(key).withValue(null));
            return;
        }
        stats.put(update.areaKey(), next);
        context.forward(record.withKey(key).withValue(RollupCalculator.rollup(update.level(), update.fiscalYear(),
                update.areaCode(), next, methodologies.require(update.fiscalYear()))));
    }
}
