package org.itapipe.streams.derive;

import java.util.List;
import org.itapipe.schemas.avro.IndicatorGaps;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.YearOverYearChange;
import org.itapipe.schemas.serde.Decoded;
import org.itapipe.streams.rollup.AreaUpdate;

/** Everything one accepted submission changes; the topology routes each kind to its topic. */
public sealed interface Derived {

    /** The submission that became the latest of its organization and year, with the bytes it arrived as. */
    record Latest(String key, Decoded<ScoreSubmission> submission) implements Derived {
    }

    record Gaps(String key, IndicatorGaps gaps) implements Derived {
    }

    record YearOverYear(String key, YearOverYearChange change) implements Derived {
    }

    record Alert(String key, OitAlert alert) implements Derived {
    }

    /** The updates to the areas one province owns ({@link org.itapipe.streams.rollup.Area#owner()}), in order. */
    record AreaChanges(String owner, List<AreaUpdate> updates) implements Derived {
    }

    /**
     * A submission that is refused (a stale or conflicting revision) or cannot be processed (a fiscal year without
     * methodology): goes to the dead letters with where it was read, {@code partition} and {@code offset}, and the
     * bytes it arrived as.
     */
    record Failed(Decoded<ScoreSubmission> submission, int partition, long offset, Exception error)
            implements Derived {
    }
}
