package dev.quire.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The job store's schema, as an ordered list of migrations applied once each and recorded in
 * {@code quire_schema}. Append new versions; never edit an applied one. Plain SQL that H2 and
 * PostgreSQL both take (timestamps as epoch milliseconds, text as bounded VARCHAR).
 */
final class Migrations {
    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "jobs", List.of("""
                    CREATE TABLE jobs (
                      id              VARCHAR(64)      NOT NULL PRIMARY KEY,
                      status          VARCHAR(16)      NOT NULL,
                      source          VARCHAR(16)      NOT NULL,
                      request         VARCHAR(1000000) NOT NULL,
                      spec            VARCHAR(1000000) NOT NULL,
                      output          VARCHAR(4096)    NOT NULL,
                      runner          VARCHAR(16)      NOT NULL,
                      process_ref     VARCHAR(256),
                      run_id          VARCHAR(64),
                      pages_done      BIGINT           NOT NULL,
                      pages_total     BIGINT           NOT NULL,
                      documents_total INT              NOT NULL,
                      documents       VARCHAR(10000)   NOT NULL,
                      pages           VARCHAR(10000)   NOT NULL,
                      error           VARCHAR(10000),
                      created_at      BIGINT           NOT NULL,
                      started_at      BIGINT,
                      finished_at     BIGINT,
                      attempts        INT              NOT NULL
                    )""",
                    "CREATE INDEX jobs_created ON jobs (created_at)",
                    "CREATE INDEX jobs_status ON jobs (status)")));

    private Migrations() {
    }

    /** Applies what is missing, each migration in one transaction; returns the schema version. */
    static int apply(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (!tableExists(c, "quire_schema")) {
                st.execute("CREATE TABLE quire_schema (version INT NOT NULL PRIMARY KEY, "
                        + "description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
            }
        }
        int current = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(version) FROM quire_schema")) {
            if (rs.next()) {
                current = rs.getInt(1);
            }
        }
        int latest = ALL.get(ALL.size() - 1).version();
        if (current > latest) {
            throw new SQLException("the job store has schema version " + current + ", newer than this service's "
                    + latest + ": use a newer quire or another store");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Migration m : ALL) {
                if (m.version() <= current) {
                    continue;
                }
                try (Statement st = c.createStatement()) {
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO quire_schema (version, description, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                c.commit();
                current = m.version();
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return current;
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        // identifiers are upper case in H2's catalog and lower case in PostgreSQL's
        for (String n : List.of(name, name.toUpperCase(java.util.Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, n, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
