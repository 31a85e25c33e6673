package dev.quire.service.results;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Parquet timestamps as ISO-8601 instants. Spark writes {@code INT96} by default (nanoseconds of
 * the day, then the Julian day, little-endian), and {@code INT64} with a timestamp annotation when
 * {@code spark.sql.parquet.outputTimestampType} says so; both hold UTC instants.
 */
final class ParquetTimestamps {
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private ParquetTimestamps() {
    }

    static String int96(Binary value) {
        ByteBuffer b = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = b.getLong();
        long julianDay = Integer.toUnsignedLong(b.getInt());
        return Instant.ofEpochSecond((julianDay - JULIAN_DAY_OF_EPOCH) * SECONDS_PER_DAY, nanosOfDay).toString();
    }

    static String int64(long value, LogicalTypeAnnotation.TimeUnit unit) {
        Instant instant = switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        };
        return instant.toString();
    }
}
