package org.diptych.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The merge of sorted key sets used for the keys of 2:1 and 1:2 beads. */
class UnitsUnionTest {
    @Test
    void mergeIsTheSortedDistinctUnion() {
        assertThat(Units.merge(new int[] {1, 4, 9}, new int[] {2, 4, 10, 11})).containsExactly(1, 2, 4, 9, 10, 11);
        assertThat(Units.merge(new int[] {}, new int[] {3})).containsExactly(3);
        assertThat(Units.merge(new int[] {3, 5}, new int[] {})).containsExactly(3, 5);
        assertThat(Units.merge(new int[] {7}, new int[] {7})).containsExactly(7);
    }

    @Test
    void mergeAgreesWithASetOnRandomSets() {
        Random r = new Random(14);
        for (int round = 0; round < 500; round++) {
            int[] a = sortedSet(r), b = sortedSet(r);
            TreeSet<Integer> want = new TreeSet<>();
            for (int x : a) want.add(x);
            for (int x : b) want.add(x);
            assertThat(Units.merge(a, b)).containsExactly(want.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static int[] sortedSet(Random r) {
        return Arrays.stream(r.ints(r.nextInt(12), 0, 30).toArray()).distinct().sorted().toArray();
    }
}
