package org.diptych.tm;

/** An open-addressing set of longs: 8 bytes per entry instead of a boxed HashSet's ~60. */
final class LongSet {
    private long[] keys = new long[1 << 12];
    private boolean hasZero;
    private int size;

    /** Adds {@code k}; false if it was there. */
    boolean add(long k) {
        if (k == 0) {
            if (hasZero) return false;
            hasZero = true;
            size++;
            return true;
        }
        if ((size + 1) * 2L > keys.length) grow();
        if (insert(keys, k)) {
            size++;
            return true;
        }
        return false;
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] t, long k) {
        int mask = t.length - 1;
        int i = (int) (mix(k) & mask);
        while (true) {
            long v = t[i];
            if (v == 0) {
                t[i] = k;
                return true;
            }
            if (v == k) return false;
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] t = new long[keys.length * 2];
        for (long k : keys) {
            if (k != 0) insert(t, k);
        }
        keys = t;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }
}
