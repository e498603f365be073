package dev.mig.bench;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Repeated measurements of one figure, summed up the same way wherever the bench repeats one. */
final class Runs {

    private Runs() {
    }

    /** The middle run by {@code figure} (the lower middle one for an even count); {@code runs} is not empty. */
    static <T> T median(List<T> runs, ToDoubleFunction<T> figure) {
        return sorted(runs, figure).get((runs.size() - 1) / 2);
    }

    static <T> List<T> sorted(List<T> runs, ToDoubleFunction<T> figure) {
        return runs.stream().sorted(Comparator.comparingDouble(figure)).toList();
    }
}
