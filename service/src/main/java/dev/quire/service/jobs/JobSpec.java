package dev.quire.service.jobs;

import dev.quire.pipeline.ProcessingMode;

import java.util.List;

/**
 * What a runner runs: {@code quire run --input …inputs --output output --mode … [--dpi] [--device]
 * [--incremental]}. Inputs and output are already checked against the allowed roots and resolved
 * (absolute local paths as {@code file:} URIs or plain paths, or URIs such as {@code hdfs://…});
 * null options mean the job's defaults. Stored as JSON with the job so a restart can re-queue it.
 */
public record JobSpec(List<String> inputs, String output, ProcessingMode mode, Integer dpi, String device,
                      boolean incremental) {
    public JobSpec {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one input");
        }
    }
}
