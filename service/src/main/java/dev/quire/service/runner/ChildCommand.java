package dev.quire.service.runner;

import dev.quire.service.config.ServiceConfig;
import dev.quire.service.jobs.JobSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of one embedded job, the same JVM that {@code scripts/quire run} starts:
 * {@code java <conf/java-opts> [-Xmx] -cp JOB_JAR:JOB_LIB/* dev.quire.cli.Quire run --events -q …}.
 */
final class ChildCommand {
    static final String MAIN_CLASS = "dev.quire.cli.Quire";
    private static final String DRIVER_MEMORY = "spark.driver.memory=";

    private ChildCommand() {
    }

    static List<String> of(ServiceConfig config, JobSpec spec) {
        List<String> cmd = new ArrayList<>();
        cmd.add(config.java().toString());
        cmd.addAll(javaOpts(config.javaOpts()));
        cmd.add("-XX:+UseG1GC");
        String heap = heap(config);
        if (heap != null) {
            cmd.add("-Xmx" + heap);
        }
        cmd.add("-cp");
        cmd.add(config.jobJar() + java.io.File.pathSeparator + config.jobLib().resolve("*"));
        cmd.add(MAIN_CLASS);
        cmd.addAll(List.of("run", "--events", "-q", "--master", config.master()));
        for (String kv : config.sparkConf()) {
            cmd.add("--conf");
            cmd.add(kv);
        }
        cmd.addAll(jobArgs(spec));
        return cmd;
    }

    /**
     * The arguments of {@code quire run} that come from the job itself. The attached form
     * ({@code --input=PATH}) keeps a value that starts with '-' from reading as an option.
     */
    static List<String> jobArgs(JobSpec spec) {
        List<String> args = new ArrayList<>();
        for (String input : spec.inputs()) {
            args.add("--input=" + input);
        }
        args.add("--output=" + spec.output());
        if (spec.mode() != null) {
            args.add("--mode=" + spec.mode().label());
        }
        if (spec.dpi() != null) {
            args.add("--dpi=" + spec.dpi());
        }
        if (spec.device() != null) {
            args.add("--device=" + spec.device());
        }
        if (spec.incremental()) {
            args.add("--incremental");
        }
        return args;
    }

    /** runner.heap, else spark.driver.memory as scripts/quire and spark-submit do: in local mode the driver is this JVM. */
    private static String heap(ServiceConfig config) {
        if (config.heap() != null) {
            return config.heap();
        }
        for (String kv : config.sparkConf()) {
            if (kv.startsWith(DRIVER_MEMORY)) {
                return kv.substring(DRIVER_MEMORY.length());
            }
        }
        return null;
    }

    /** One option per line, blank lines and # comments skipped; no file, no options. */
    static List<String> javaOpts(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
