package dev.quire.job;

import java.util.Iterator;

/**
 * Runs an action once, when the source is exhausted: Spark consumes a partition's rows lazily,
 * so the partition's work is only over when its iterator says it has no more.
 */
final class EndOfIterator<T> implements Iterator<T> {
    private final Iterator<T> source;
    private Runnable atEnd;

    EndOfIterator(Iterator<T> source, Runnable atEnd) {
        this.source = source;
        this.atEnd = atEnd;
    }

    @Override
    public boolean hasNext() {
        boolean more = source.hasNext();
        if (!more && atEnd != null) {
            Runnable run = atEnd;
            atEnd = null;
            run.run();
        }
        return more;
    }

    @Override
    public T next() {
        return source.next();
    }
}
