package uk.gov.essex.mace.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paged listing, fetched a page at a time as iteration reaches it. Nothing is
 * fetched until iteration starts, and each {@link #iterator()} starts again from the first page,
 * so a {@code for} loop, a {@link #stream()} or {@link #byPage()} each walk the listing afresh.
 * Not thread-safe per iterator; a failure to fetch a page surfaces as the {@link HubException}
 * from {@code hasNext()}.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

    /**
     * One fetched page and the cursor of the next.
     *
     * @param items the page's items, in listing order
     * @param next the cursor for the next page, or null on the last page
     */
    public record Page<T, C>(List<T> items, C next) {
        public Page {
            items = List.copyOf(items);
        }
    }

    private final Function<Object, Page<T, ?>> fetch;
    private final Object first;

    private PagedIterable(Object first, Function<Object, Page<T, ?>> fetch) {
        this.first = first;
        this.fetch = fetch;
    }

    /**
     * A listing that starts at cursor {@code first} and asks {@code fetch} for each page.
     *
     * @param <C> the cursor type (a page number, a sequence number, ...)
     */
    @SuppressWarnings("unchecked")
    public static <T, C> PagedIterable<T> of(C first, Function<C, Page<T, C>> fetch) {
        return new PagedIterable<>(first, cursor -> fetch.apply((C) cursor));
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<List<T>> pages = byPage().iterator();
        return new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pages.hasNext()) {
                    current = pages.next().iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The pages themselves, for callers that checkpoint per page. */
    public Iterable<List<T>> byPage() {
        return () -> new Iterator<>() {
            private Object cursor = first;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public List<T> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                Page<T, ?> page = fetch.apply(cursor);
                cursor = page.next();
                done = cursor == null || page.items().isEmpty();
                return page.items();
            }
        };
    }

    /** The items as a sequential, lazily fetched stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
