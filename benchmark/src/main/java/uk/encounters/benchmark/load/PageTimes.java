package uk.encounters.benchmark.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every timed request of one page, with its status, kept whole so percentiles are exact. */
final class PageTimes {

    private final String page;
    private final List<Long> nanos = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    PageTimes(String page) {
        this.page = page;
    }

    synchronized void add(long elapsedNanos, int status) {
        nanos.add(elapsedNanos);
        statuses.merge(status, 1, Integer::sum);
    }

    /** Adds this page's requests to a total over pages. */
    synchronized void copyInto(PageTimes total) {
        synchronized (total) {
            total.nanos.addAll(nanos);
            statuses.forEach((status, n) -> total.statuses.merge(status, n, Integer::sum));
        }
    }

    String page() {
        return page;
    }

    synchronized int count() {
        return nanos.size();
    }

    /** Responses that were neither a page nor a redirect: errors, refusals, time-outs (status 0). */
    synchronized int failures() {
        return statuses.entrySet().stream()
                .filter(s -> s.getKey() == 0 || s.getKey() >= 400)
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    synchronized Map<Integer, Integer> statuses() {
        return new TreeMap<>(statuses);
    }

    /** The q-th quantile in milliseconds (nearest rank), 0 when nothing was timed. */
    synchronized double percentileMillis(double q) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
