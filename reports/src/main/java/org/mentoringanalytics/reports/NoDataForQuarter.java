package org.mentoringanalytics.reports;

import java.util.List;

/** A report was asked for a quarter the marts hold no data for. */
public final class NoDataForQuarter extends IllegalArgumentException {

    public NoDataForQuarter(Quarter quarter, List<Quarter> withData) {
        super("no data for " + quarter + "; quarters with data: "
                + (withData.isEmpty() ? "none (run ingest and metrics first)" : withData.size() <= 12
                ? String.join(", ", withData.stream().map(Quarter::toString).toList())
                : withData.get(0) + " to " + withData.get(withData.size() - 1)));
    }
}
