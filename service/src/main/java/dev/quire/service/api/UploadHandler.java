package dev.quire.service.api;

import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import dev.quire.service.jobs.Folders;
import dev.quire.service.jobs.JobSpec;
import dev.quire.service.jobs.Jobs;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /jobs/uploads}: PDFs as {@code multipart/form-data} (any number of file parts up to
 * the configured count, each within the file size limit, all within the request limit), plus the
 * job options {@code output}, {@code mode}, {@code dpi}, {@code device}, {@code incremental} as
 * plain form fields. Each file must start with the PDF magic bytes. The files land in
 * {@code DATA/uploads/<upload id>/} and that directory becomes the job's only input; nothing is
 * left there when the request fails.
 */
final class UploadHandler {
    static final String MAGIC = "%PDF-";
    /** Jetty's attribute for the multipart limits of a request (the servlet itself declares none). */
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final Set<String> FIELDS = Set.of("output", "mode", "dpi", "device", "incremental");

    private final Jobs jobs;
    private final PathPolicy paths;
    private final Path uploadsDir;
    private final Path tmpDir;
    private final Path defaultOutput;
    private final Limits limits;

    /** Per file, files per request, whole request (bytes). */
    record Limits(long maxFileBytes, int maxFiles, long maxRequestBytes) {
    }

    UploadHandler(Jobs jobs, PathPolicy paths, Path uploadsDir, Path tmpDir, Path defaultOutput, Limits limits) {
        this.jobs = jobs;
        this.paths = paths;
        this.uploadsDir = uploadsDir;
        this.tmpDir = tmpDir;
        this.defaultOutput = defaultOutput;
        this.limits = limits;
    }

    void handle(Context ctx) throws IOException {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ServiceException(Problem.UNSUPPORTED_MEDIA_TYPE, "uploads must be multipart/form-data");
        }
        if (ctx.req().getContentLengthLong() > limits.maxRequestBytes()) {
            throw tooLarge("the request exceeds " + limits.maxRequestBytes() + " bytes");
        }
        Collection<Part> parts = parts(ctx);
        String id = UUID.randomUUID().toString();
        Path dir = uploadsDir.resolve(id);
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            List<String> names = store(parts, dir, fields);
            JobRequest request = new JobRequest(List.of(dir.toString()), fields.get("output"), fields.get("mode"),
                    integer(fields.get("dpi")), fields.get("device"), bool(fields.get("incremental")));
            JobSpec spec = request.options(List.of(dir.toString()),
                    paths.output(request.output(), defaultOutput));
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("uploadId", id);
            shown.put("files", names);
            fields.forEach(shown::put);
            JobRoutes.accepted(ctx, jobs.submit(spec, "upload", Json.write(shown)));
        } catch (RuntimeException | IOException e) {
            deleteQuietly(dir);
            throw e;
        } finally {
            for (Part p : parts) {
                deletePart(p);
            }
        }
    }

    private Collection<Part> parts(Context ctx) throws IOException {
        Files.createDirectories(tmpDir);
        // parts above 1 MiB are spooled to the tmp directory instead of memory
        ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(tmpDir.toString(),
                limits.maxFileBytes(), limits.maxRequestBytes(), 1 << 20));
        try {
            return ctx.req().getParts();
        } catch (IllegalStateException e) {
            // Jetty's way to say a part or the request is over the limits
            throw tooLarge("a file exceeds " + limits.maxFileBytes() + " bytes or the request exceeds "
                    + limits.maxRequestBytes() + " bytes");
        } catch (ServletException | IOException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "the multipart body could not be read");
        }
    }

    /** Writes the file parts to {@code dir}, collects the form fields; returns the stored file names. */
    private List<String> store(Collection<Part> parts, Path dir, Map<String, String> fields) throws IOException {
        List<Part> files = new ArrayList<>();
        for (Part p : parts) {
            if (p.getSubmittedFileName() != null) {
                files.add(p);
            } else if (FIELDS.contains(p.getName())) {
                fields.put(p.getName(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            } else {
                throw new ServiceException(Problem.BAD_REQUEST, "unknown form field '" + p.getName() + "'");
            }
        }
        if (files.isEmpty()) {
            throw new ServiceException(Problem.BAD_REQUEST, "no files: send PDFs as file parts");
        }
        if (files.size() > limits.maxFiles()) {
            throw tooLarge("at most " + limits.maxFiles() + " files per upload");
        }
        Files.createDirectories(dir);
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Part p : files) {
            if (p.getSize() > limits.maxFileBytes()) {
                throw tooLarge("a file exceeds " + limits.maxFileBytes() + " bytes");
            }
            String name = unique(safeName(p.getSubmittedFileName()), taken);
            try (InputStream in = p.getInputStream()) {
                byte[] head = in.readNBytes(MAGIC.length());
                if (!Arrays.equals(head, MAGIC.getBytes(StandardCharsets.US_ASCII))) {
                    throw new ServiceException(Problem.UNSUPPORTED_MEDIA_TYPE, "'" + name + "' is not a PDF");
                }
                try (var out = Files.newOutputStream(dir.resolve(name))) {
                    out.write(head);
                    in.transferTo(out);
                }
            }
            names.add(name);
        }
        return names;
    }

    /**
     * The client's file name reduced to a safe base name: no directories, no leading dot (the job
     * skips hidden files), only common characters, and ending in {@code .pdf} (the job lists only those).
     */
    static String safeName(String submitted) {
        String base = submitted.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        base = base.replaceAll("^[.]+", "");
        if (base.length() > 200) {
            base = base.substring(base.length() - 200);
        }
        if (base.isEmpty() || base.equalsIgnoreCase(".pdf")) {
            base = "document.pdf";
        }
        return base.toLowerCase(Locale.ROOT).endsWith(".pdf") ? base : base + ".pdf";
    }

    private static String unique(String name, Set<String> taken) {
        String stem = name.substring(0, name.length() - 4);
        String candidate = name;
        for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = stem + "-" + i + ".pdf";
        }
        return candidate;
    }

    private static Integer integer(String v) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "dpi must be an integer");
        }
    }

    private static Boolean bool(String v) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new ServiceException(Problem.BAD_REQUEST, "incremental must be true or false");
        };
    }

    private static ServiceException tooLarge(String message) {
        return new ServiceException(Problem.PAYLOAD_TOO_LARGE, message);
    }

    private static void deletePart(Part p) {
        try {
            p.delete();
        } catch (IOException e) {
            // Jetty removes its spool files at the end of the request anyway
        }
    }

    private static void deleteQuietly(Path dir) {
        // what cannot be deleted is left behind; harmless, and no job refers to it
        Folders.deleteTree(dir);
    }
}
