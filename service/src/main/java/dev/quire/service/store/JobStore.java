package dev.quire.service.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Jobs on JDBC: an embedded H2 file database by default, any JDBC URL (PostgreSQL) by
 * configuration. The schema is created or migrated when the store opens ({@link Migrations}).
 * One connection, used under a lock: the service writes a few rows a second at most (progress is
 * throttled by its caller), and one connection keeps an embedded H2 database open and cheap.
 * A broken connection is dropped and reopened on the next call.
 */
public final class JobStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
    };
    private static final int MAX_ERROR = 4000;
    private static final String COLUMNS = "id, status, source, request, spec, output, runner, process_ref, run_id, "
            + "pages_done, pages_total, documents_total, documents, pages, error, created_at, started_at, "
            + "finished_at, attempts";

    /** One page of a listing and the number of matching jobs. */
    public record Page(List<JobRecord> items, long total) {
    }

    private final String url;
    private final String user;
    private final String password;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private final int schemaVersion;

    private JobStore(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schemaVersion = call(Migrations::apply);
    }

    /** Opens the store and brings its schema up to date. */
    public static JobStore open(String url, String user, String password) {
        return new JobStore(url, user, password);
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** The JDBC product behind the URL, for /health (e.g. {@code h2}, {@code postgresql}). */
    public String kind() {
        String[] parts = url.split(":");
        return parts.length > 1 ? parts[1] : url;
    }

    public void insert(JobRecord j) {
        update("INSERT INTO jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                j.id(), j.status().label(), j.source(), j.request(), j.spec(), j.output(), j.runner(), j.processRef(),
                j.runId(), j.pagesDone(), j.pagesTotal(), j.documentsTotal(), json(j.documents()), json(j.pages()),
                truncate(j.error()), millis(j.createdAt()), millis(j.startedAt()), millis(j.finishedAt()),
                j.attempts());
    }

    public Optional<JobRecord> find(String id) {
        List<JobRecord> rows = query("SELECT " + COLUMNS + " FROM jobs WHERE id = ?", id);
        return rows.stream().findFirst();
    }

    /** Newest first; {@code status} null for all. */
    public Page list(JobStatus status, int offset, int limit) {
        String where = status == null ? "" : " WHERE status = ?";
        Object[] filter = status == null ? new Object[0] : new Object[] {status.label()};
        long total = call(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT COUNT(*) FROM jobs" + where, filter);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<Object> args = new ArrayList<>(List.of(filter));
        args.add(limit);
        args.add(offset);
        List<JobRecord> items = query("SELECT " + COLUMNS + " FROM jobs" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", args.toArray());
        return new Page(items, total);
    }

    /** A queued job started; false if it was no longer queued (cancelled meanwhile). */
    public boolean started(String id, Instant at, String processRef) {
        return update("UPDATE jobs SET status = ?, started_at = ?, process_ref = ? WHERE id = ? AND status = ?",
                JobStatus.RUNNING.label(), millis(at), processRef, id, JobStatus.QUEUED.label()) == 1;
    }

    /** The process id or application id became known (a Spark application id arrives after the start). */
    public void processRef(String id, String processRef) {
        update("UPDATE jobs SET process_ref = ? WHERE id = ?", processRef, id);
    }

    public void planned(String id, String runId, int documentsTotal, long pagesTotal) {
        update("UPDATE jobs SET run_id = ?, documents_total = ?, pages_total = ? WHERE id = ?",
                runId, documentsTotal, pagesTotal, id);
    }

    public void progress(String id, long pagesDone, long pagesTotal, Map<String, Long> documents) {
        update("UPDATE jobs SET pages_done = ?, pages_total = ?, documents = ? WHERE id = ? AND status = ?",
                pagesDone, pagesTotal, json(documents), id, JobStatus.RUNNING.label());
    }

    /**
     * The job ended; a job that already ended keeps its first ending. Null arguments keep the stored
     * value. Returns whether this call ended it.
     */
    public boolean finished(String id, JobStatus status, Instant at, String error, String runId,
                            Map<String, Long> documents, Map<String, Long> pages, Long pagesDone) {
        return update("UPDATE jobs SET status = ?, finished_at = ?, error = ?, run_id = COALESCE(?, run_id), "
                        + "documents = COALESCE(?, documents), pages = COALESCE(?, pages), "
                        + "pages_done = COALESCE(?, pages_done) WHERE id = ? AND status IN (?, ?)",
                status.label(), millis(at), truncate(error), runId, documents == null ? null : json(documents),
                pages == null ? null : json(pages), bigint(pagesDone), id, JobStatus.QUEUED.label(),
                JobStatus.RUNNING.label()) == 1;
    }

    /** Back to the queue after a restart: progress and process forgotten, one attempt more. */
    public void requeued(String id) {
        update("UPDATE jobs SET status = ?, started_at = NULL, process_ref = NULL, run_id = NULL, pages_done = 0, "
                        + "pages_total = 0, documents_total = 0, documents = ?, attempts = attempts + 1 WHERE id = ?",
                JobStatus.QUEUED.label(), json(Map.of()), id);
    }

    /** Jobs that were queued or running, oldest first. */
    public List<JobRecord> unfinished() {
        return query("SELECT " + COLUMNS + " FROM jobs WHERE status IN (?, ?) ORDER BY created_at, id",
                JobStatus.QUEUED.label(), JobStatus.RUNNING.label());
    }

    public Map<JobStatus, Long> countByStatus() {
        return call(c -> {
            Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
            for (JobStatus s : JobStatus.values()) {
                counts.put(s, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM jobs GROUP BY status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JobStatus s = JobStatus.parse(rs.getString(1));
                    if (s != null) {
                        counts.put(s, rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    /** Output roots that hold results of succeeded jobs, the most recently finished first. */
    public List<String> resultOutputs() {
        return call(c -> {
            List<String> outputs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT output, MAX(finished_at) AS latest FROM jobs "
                    + "WHERE status = ? GROUP BY output ORDER BY latest DESC")) {
                ps.setString(1, JobStatus.SUCCEEDED.label());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        outputs.add(rs.getString(1));
                    }
                }
            }
            return outputs;
        });
    }

    /** Whether the store answers a query now. */
    public boolean healthy() {
        try {
            return call(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            });
        } catch (StoreException e) {
            return false;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // closing anyway
                }
                connection = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T call(SqlWork<T> work) {
        lock.lock();
        try {
            if (connection == null || connection.isClosed()) {
                connection = user == null ? DriverManager.getConnection(url)
                        : DriverManager.getConnection(url, user, password);
            }
            return work.run(connection);
        } catch (SQLException e) {
            close();
            throw new StoreException("job store: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private int update(String sql, Object... args) {
        return call(c -> {
            try (PreparedStatement ps = prepare(c, sql, args)) {
                return ps.executeUpdate();
            }
        });
    }

    private List<JobRecord> query(String sql, Object... args) {
        return call(c -> {
            List<JobRecord> rows = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (a instanceof SqlNull n) {
                ps.setNull(i + 1, n.type());
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
        return ps;
    }

    private static JobRecord row(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString("id"), JobStatus.parse(rs.getString("status")), rs.getString("source"),
                rs.getString("request"), rs.getString("spec"), rs.getString("output"), rs.getString("runner"),
                rs.getString("process_ref"), rs.getString("run_id"), rs.getLong("pages_done"),
                rs.getLong("pages_total"), rs.getInt("documents_total"), counts(rs.getString("documents")),
                counts(rs.getString("pages")), rs.getString("error"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getInt("attempts"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    /** A typed NULL: PostgreSQL will not put a VARCHAR NULL into a BIGINT column. */
    private record SqlNull(int type) {
    }

    private static final SqlNull NULL_BIGINT = new SqlNull(Types.BIGINT);

    private static Object millis(Instant t) {
        return t == null ? NULL_BIGINT : t.toEpochMilli();
    }

    private static Object bigint(Long n) {
        return n == null ? NULL_BIGINT : n;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }

    private static String json(Map<String, Long> counts) {
        try {
            return JSON.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> counts(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
