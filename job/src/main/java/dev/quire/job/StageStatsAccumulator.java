package dev.quire.job;

import dev.quire.ocr.StageStats;
import org.apache.spark.util.AccumulatorV2;

/** Sums the per-stage figures that tasks report, so the driver sees the whole run's. */
public final class StageStatsAccumulator extends AccumulatorV2<StageStats, StageStats> {
    private static final long serialVersionUID = 1L;
    private StageStats sum = StageStats.NONE;

    @Override
    public boolean isZero() {
        return sum.equals(StageStats.NONE);
    }

    @Override
    public AccumulatorV2<StageStats, StageStats> copy() {
        StageStatsAccumulator c = new StageStatsAccumulator();
        c.sum = sum;
        return c;
    }

    @Override
    public void reset() {
        sum = StageStats.NONE;
    }

    @Override
    public void add(StageStats v) {
        sum = sum.plus(v);
    }

    @Override
    public void merge(AccumulatorV2<StageStats, StageStats> other) {
        sum = sum.plus(other.value());
    }

    @Override
    public StageStats value() {
        return sum;
    }
}
