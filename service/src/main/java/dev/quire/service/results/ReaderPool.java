package dev.quire.service.results;

import org.apache.parquet.hadoop.ParquetFileReader;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Open readers of one Parquet file, lent to one lookup at a time. A reader keeps the page indexes
 * (offset and column indexes) it has read, so a lookup on a lent reader costs the data pages it
 * reads and nothing else; opening a reader per lookup re-read and re-decoded those indexes every
 * time. Readers are not thread-safe, hence the lending. Idle readers beyond {@code maxIdle} are
 * closed; a reader given back after {@link #close()} is closed too, so closing never breaks a
 * lookup in flight.
 */
final class ReaderPool implements AutoCloseable {
    /** Opens one more reader of the file. */
    interface Opener {
        ParquetFileReader open() throws IOException;
    }

    private final Opener opener;
    private final int maxIdle;
    private final Deque<ParquetFileReader> idle = new ArrayDeque<>();
    private boolean closed;

    ReaderPool(Opener opener, int maxIdle) {
        this.opener = opener;
        this.maxIdle = maxIdle;
    }

    ParquetFileReader borrow() throws IOException {
        synchronized (idle) {
            ParquetFileReader reader = idle.pollFirst();
            if (reader != null) {
                return reader;
            }
        }
        return opener.open();
    }

    /** Takes a reader back; {@code reusable} false (its lookup failed half-way) closes it. */
    void giveBack(ParquetFileReader reader, boolean reusable) {
        synchronized (idle) {
            if (reusable && !closed && idle.size() < maxIdle) {
                idle.addFirst(reader);
                return;
            }
        }
        closeQuietly(reader);
    }

    int idle() {
        synchronized (idle) {
            return idle.size();
        }
    }

    @Override
    public void close() {
        synchronized (idle) {
            closed = true;
            idle.forEach(ReaderPool::closeQuietly);
            idle.clear();
        }
    }

    private static void closeQuietly(ParquetFileReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // a read-only file handle: nothing was written that a failed close could lose
        }
    }
}
