package dev.quire.job;

import java.io.Serializable;

/** An input file found by the scan: its Hadoop path, size, and modification time (epoch ms). */
public record SourceFile(String path, long sizeBytes, long modifiedAt) implements Serializable {
}
