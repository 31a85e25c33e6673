package dev.quire.service.api;

import dev.quire.InvalidSettingsException;
import dev.quire.ocr.Device;
import dev.quire.pipeline.ProcessingMode;
import dev.quire.render.RenderSettings;
import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import dev.quire.service.jobs.JobSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /jobs} (unknown fields are refused, so a typo is not silently ignored).
 * Null options mean the job's defaults.
 */
record JobRequest(List<String> inputs, String output, String mode, Integer dpi, String device, Boolean incremental) {
    /** More would make one request walk an unbounded amount of the file system. */
    static final int MAX_INPUTS = 1000;

    /** Checks the fields and resolves the paths through the policy. */
    JobSpec toSpec(PathPolicy paths, java.nio.file.Path defaultOutput) {
        if (inputs == null || inputs.isEmpty()) {
            throw bad("inputs must list at least one path");
        }
        if (inputs.size() > MAX_INPUTS) {
            throw bad("inputs may list at most " + MAX_INPUTS + " paths");
        }
        List<String> resolved = new ArrayList<>();
        for (String in : inputs) {
            if (in == null || in.isBlank()) {
                throw bad("inputs must not contain empty paths");
            }
            resolved.add(paths.input(in.strip()));
        }
        return options(resolved, paths.output(output == null ? null : output.strip(), defaultOutput));
    }

    /** The spec for already-trusted inputs (an upload directory the service made itself). */
    JobSpec options(List<String> resolvedInputs, String resolvedOutput) {
        ProcessingMode m = null;
        if (mode != null) {
            try {
                m = ProcessingMode.parse(mode);
            } catch (InvalidSettingsException e) {
                throw bad("mode must be auto, ocr or text");
            }
        }
        if (dpi != null && (dpi < RenderSettings.MIN_DPI || dpi > RenderSettings.MAX_DPI)) {
            throw bad("dpi must be " + RenderSettings.MIN_DPI + ".." + RenderSettings.MAX_DPI);
        }
        if (device != null) {
            try {
                Device.parse(device);
            } catch (InvalidSettingsException e) {
                throw bad("device must be auto, cpu, cuda or cuda:N");
            }
        }
        return new JobSpec(resolvedInputs, resolvedOutput, m, dpi, device == null ? null : device.strip(),
                Boolean.TRUE.equals(incremental));
    }

    private static ServiceException bad(String message) {
        return new ServiceException(Problem.BAD_REQUEST, message);
    }
}
