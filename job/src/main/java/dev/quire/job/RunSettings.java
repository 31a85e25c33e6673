package dev.quire.job;

import dev.quire.InvalidSettingsException;
import dev.quire.pipeline.PipelineSettings;

import java.io.Serializable;
import java.util.List;

/**
 * One run of the job: where to read, where to write, how to read pages. Serialisable: executors
 * get a copy with their tasks.
 *
 * @param inputs       Hadoop paths (files or directories, searched recursively for *.pdf)
 * @param output       Hadoop path of the output root (documents/, pages/, runs/ below it)
 * @param pagesPerTask longest page range one task reads; long documents become many tasks
 * @param incremental  skip documents that a committed run already read with the same pipeline
 */
public record RunSettings(List<String> inputs, String output, PipelineSettings pipeline, int pagesPerTask,
                          boolean incremental) implements Serializable {
    public static final int DEFAULT_PAGES_PER_TASK = 8;

    public RunSettings {
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidSettingsException("at least one input path is required");
        }
        if (output == null || output.isBlank()) {
            throw new InvalidSettingsException("an output path is required");
        }
        if (pagesPerTask < 1 || pagesPerTask > 10_000) {
            throw InvalidSettingsException.of("pages-per-task", pagesPerTask, "1..10000");
        }
        inputs = List.copyOf(inputs);
    }
}
