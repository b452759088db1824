package io.pledge.sla;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A read-only list computed on first read, once, safely across threads: most evaluations (scheduling,
 * storage) never read a clock's explanation, so it is not built for them.
 */
final class LazyList<T> extends AbstractList<T> {

    private final Supplier<List<T>> supplier;
    private volatile List<T> value;

    LazyList(Supplier<List<T>> supplier) {
        this.supplier = supplier;
    }

    private List<T> value() {
        List<T> computed = value;
        if (computed == null) {
            synchronized (this) {
                computed = value;
                if (computed == null) {
                    computed = supplier.get();
                    value = computed;
                }
            }
        }
        return computed;
    }

    @Override
    public T get(int index) {
        return value().get(index);
    }

    @Override
    public int size() {
        return value().size();
    }
}
