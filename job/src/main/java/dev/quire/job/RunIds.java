package dev.quire.job;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids that sort by start time (to the millisecond): {@code 20261122T223000123Z-3fa9c1}. */
final class RunIds {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    static String next(Instant start) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return FORMAT.format(start) + "-" + HexFormat.of().formatHex(suffix);
    }
}
