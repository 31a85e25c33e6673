package dev.quire.job;

import java.util.Iterator;
import java.util.function.Function;

/** Applies a function lazily to each element, so partitions stream instead of being materialised. */
final class MappingIterator<T, R> implements Iterator<R> {
    private final Iterator<T> source;
    private final Function<T, R> function;

    MappingIterator(Iterator<T> source, Function<T, R> function) {
        this.source = source;
        this.function = function;
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public R next() {
        return function.apply(source.next());
    }
}
