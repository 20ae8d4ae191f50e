package org.itapipe.streams.derive;

import org.itapipe.schemas.avro.IndicatorGaps;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.YearOverYearChange;
import org.itapipe.streams.rollup.AreaUpdate;

/** Everything one accepted submission changes; the topology routes each kind to its topic. */
public sealed interface Derived {

    record Gaps(String key, IndicatorGaps gaps) implements Derived {
    }

    record YearOverYear(String key, YearOverYearChange change) implements Derived {
    }

    record Alert(String key, OitAlert alert) implements Derived {
    }

    record AreaChange(AreaUpdate update) implements Derived {
    }

    /** A submission that cannot be processed (e.g. a fiscal year without methodology): goes to the dead letters. */
    record Failed(String key, ScoreSubmission submission, Exception error) implements Derived {
    }
}
