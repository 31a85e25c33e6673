package dev.quire.pipeline;

import dev.quire.InvalidSettingsException;
import dev.quire.ocr.EngineSettings;
import dev.quire.render.RenderSettings;

import java.io.Serializable;

/**
 * Everything an executor needs to turn pages into text; serialisable so it can be shipped with
 * tasks. The engine itself is created where the work runs.
 *
 * @param maxPages documents with more pages are refused (status failed) before any work is done
 */
public record PipelineSettings(ProcessingMode mode, RenderSettings render, EngineSettings engine, int maxPages)
        implements Serializable {
    public static final int DEFAULT_MAX_PAGES = 20_000;

    public PipelineSettings {
        if (mode == null || render == null || engine == null) {
            throw new InvalidSettingsException("pipeline settings are incomplete");
        }
        if (maxPages < 1) {
            throw InvalidSettingsException.of("maxPages", maxPages, "a positive integer");
        }
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(ProcessingMode.AUTO, RenderSettings.DEFAULTS, EngineSettings.defaults(),
                DEFAULT_MAX_PAGES);
    }

    public PipelineSettings withMode(ProcessingMode value) {
        return new PipelineSettings(value, render, engine, maxPages);
    }

    public PipelineSettings withRender(RenderSettings value) {
        return new PipelineSettings(mode, value, engine, maxPages);
    }

    public PipelineSettings withEngine(EngineSettings value) {
        return new PipelineSettings(mode, render, value, maxPages);
    }

    public PipelineSettings withMaxPages(int value) {
        return new PipelineSettings(mode, render, engine, value);
    }
}
