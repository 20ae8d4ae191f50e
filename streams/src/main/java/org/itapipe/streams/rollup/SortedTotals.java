package org.itapipe.streams.rollup;

import java.math.BigDecimal;

/** Sorted arrays of totals in cents as multisets: a union and a difference, each one pass over both. */
final class SortedTotals {

    private SortedTotals() {
    }

    static int[] merged(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        System.arraycopy(a, i, out, k, a.length - i);
        System.arraycopy(b, j, out, k + a.length - i, b.length - j);
        return out;
    }

    /** {@code a} without {@code b}, which must be part of it: sums never lose a member they did not have. */
    static int[] without(int[] a, int[] b) {
        int[] out = new int[Math.max(a.length - b.length, 0)];
        int j = 0;
        int k = 0;
        for (int total : a) {
            if (j < b.length && total == b[j]) {
                j++;
            } else if ((j < b.length && total > b[j]) || k == out.length) {
                throw neverHad(j < b.length ? b[j] : total);
            } else {
                out[k++] = total;
            }
        }
        if (j < b.length) {
            throw neverHad(b[j]);
        }
        return out;
    }

    private static IllegalStateException neverHad(int total) {
        return new IllegalStateException("removing a total " + BigDecimal.valueOf(total, 2)
                + " the area never had");
    }
}
