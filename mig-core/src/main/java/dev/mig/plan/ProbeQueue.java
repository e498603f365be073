package dev.mig.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The data probes of one plan, asked first and answered together: each is one independent read of the
 * live database, so on two read-only connections two run at once (two scans, two cores). Their answers
 * are handed back in the order they were asked, on the caller's thread, so the plan's findings are the
 * same whichever query finished first.
 */
final class ProbeQueue {

    private record Ask(String sql, Consumer<long[]> answer, Consumer<String> refused) {
    }

    private final List<Ask> asks = new ArrayList<>();

    /** Queues a one-row query of integers; {@code refused} gets SQLite's message if it refuses the SQL. */
    void ask(String sql, Consumer<long[]> answer, Consumer<String> refused) {
        asks.add(new Ask(sql, answer, refused));
    }

    int size() {
        return asks.size();
    }

    /**
     * Runs every query, on {@code first} and, when not null, at the same time on {@code second}; then
     * hands out the answers in asked order. An environment failure (a lock, I/O) is thrown as it was.
     */
    void answerAll(LiveProbe first, LiveProbe second) {
        Object[] results = new Object[asks.size()];
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<Void> other = second == null || asks.size() < 2 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> work(second, next, results));
        try {
            work(first, next, results);
        } finally {
            try {
                other.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        for (int i = 0; i < results.length; i++) {
            Ask a = asks.get(i);
            if (results[i] instanceof long[] counts) {
                a.answer().accept(counts);
            } else {
                a.refused().accept((String) results[i]);
            }
        }
        asks.clear();
    }

    /** Takes the next unanswered query until none is left: the two connections share the queue. */
    private void work(LiveProbe probe, AtomicInteger next, Object[] results) {
        for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
            try {
                results[i] = probe.longs(asks.get(i).sql());
            } catch (LiveProbe.Failed e) {
                results[i] = e.getMessage();
            }
        }
    }
}
