package org.itapipe.streams.rollup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.itapipe.schemas.avro.AreaLevel;

/**
 * The running sums of the areas one province owns ({@link Area#owner()}): its districts, and the province over each
 * organization type and over all types, in every fiscal year. Input: the area updates one submission sends to the
 * province, in one record. Output: {@code (area key, sums)} once per commit interval for each area that changed, with
 * a province-type area's sums as emitted before ({@link SumsChange}), which the national sums replace.
 * <p>
 * Why the processor coalesces: a bulk import changes one province-type area hundreds of times a second, and every
 * emission costs a rollup, an output record and a part change for the national sums. The DSL coalesces such bursts in
 * a cached table, but only in a table keyed by one area, and one record here carries updates to several. So the
 * areas changed since the last emission wait in memory with their sums, and a wall-clock punctuator emits them every
 * commit interval.
 * <p>
 * Why nothing is lost (docs/streams.md, invariant 3): every update writes the sums to the store at once, so each
 * commit holds them; only an emission can be pending at a commit. A process that stops after such a commit loses
 * that emission, so at init, once the store is restored, every area in it counts as changed and the first
 * punctuation emits it again: a lost emission is sent, and one already sent is sent again with the same value, which
 * changes no rollup (the rollup topics are tables) and, its sums before being those it emitted (written with the
 * emission, in the same transaction), no national sum.
 */
public final class ProvinceSumsProcessor implements Processor<String, List<AreaUpdate>, String, SumsChange> {

    public static final String STORE = "area-stats";
    /** The province-type areas' sums as last emitted: what the national sums hold of them. */
    public static final String PARTS_STORE = "province-type-parts";

    private final Map<String, AreaStats> changed = new LinkedHashMap<>();
    private ProcessorContext<String, SumsChange> context;
    private KeyValueStore<String, AreaStats> sums;
    private KeyValueStore<String, AreaStats> parts;

    @Override
    public void init(ProcessorContext<String, SumsChange> context) {
        this.context = context;
        this.sums = context.getStateStore(STORE);
        this.parts = context.getStateStore(PARTS_STORE);
        // A task revived after an error is initialized again: what it held in memory may never have been committed.
        changed.clear();
        try (KeyValueIterator<String, AreaStats> all = sums.all()) {
            all.forEachRemaining(entry -> changed.put(entry.key, entry.value));
        }
        // Once per commit interval, as the DSL's caches emit once per commit.
        Duration interval = Duration.ofMillis(Long.parseLong(String.valueOf(
                context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))));
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::emitChanged);
    }

    @Override
    public void process(Record<String, List<AreaUpdate>> record) {
        if (record.value() == null) {
            return;
        }
        for (AreaUpdate update : record.value()) {
            apply(update.area(), update);
            if (update.area().level() == AreaLevel.PROVINCE) {
                // The province over all types is the sum of its province-type areas, all owned here.
                apply(update.area().withoutType(), update);
            }
        }
    }

    private void apply(Area area, AreaUpdate update) {
        String key = area.key();
        AreaStats before = changed.get(key);
        if (before == null) {
            before = sums.get(key);
        }
        AreaStats after = (before == null ? AreaStats.empty() : before).apply(update);
        sums.put(key, after);
        changed.put(key, after);
    }

    private void emitChanged(long now) {
        changed.forEach((key, stats) -> context.forward(new Record<>(key, new SumsChange(before(key, stats), stats),
                now)));
        changed.clear();
    }

    /** What the national sums hold of a province-type area, which from now on is {@code now}; else null. */
    private AreaStats before(String key, AreaStats now) {
        if (!Area.parse(key).isProvinceType()) {
            return null;
        }
        AreaStats emitted = parts.get(key);
        parts.put(key, now);
        return emitted == null ? AreaStats.empty() : emitted;
    }
}
