package uk.encounters.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Hamilton's largest-remainder method: whole numbers adding up to a total, each as close as can
 * be to its fractional share. Keeps a hub's sector mix true to the counts instead of rounding
 * every small sector to nothing.
 */
final class LargestRemainder {

    private LargestRemainder() {}

    static int[] allocate(double[] wanted, int total) {
        double sum = Arrays.stream(wanted).sum();
        int[] allocated = new int[wanted.length];
        if (sum <= 0 || total <= 0) {
            return allocated;
        }
        double[] exact = Arrays.stream(wanted).map(w -> w * total / sum).toArray();
        int given = 0;
        for (int i = 0; i < exact.length; i++) {
            allocated[i] = (int) Math.floor(exact[i]);
            given += allocated[i];
        }
        Integer[] byRemainder = IntStream.range(0, exact.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> exact[i] - Math.floor(exact[i]))
                        .reversed()
                        .thenComparing(i -> i))
                .toArray(Integer[]::new);
        for (int k = 0; given < total; k = (k + 1) % byRemainder.length) {
            allocated[byRemainder[k]]++;
            given++;
        }
        return allocated;
    }
}
