package org.diptych.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AutosaverTest {
    @Test
    void coalescesPendingWritesByKeyAndKeepsOrderOfKeys() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch block = new CountDownLatch(1);
        try (Autosaver s = new Autosaver(e -> done.add("error " + e.getMessage()))) {
            s.schedule("gate", () -> {
                try {
                    block.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // wait until the writer is inside the gate, then queue while it is busy
            Thread.sleep(50);
            for (int i = 1; i <= 5; i++) {
                int n = i;
                s.schedule("align", () -> done.add("align " + n));
            }
            s.schedule("ui", () -> done.add("ui"));
            s.schedule("broken", () -> {
                throw new IllegalStateException("disk full");
            });
            block.countDown();
            s.flush();
            assertThat(done).containsExactly("align 5", "ui", "error disk full");
        }
    }

    @Test
    void flushWaitsForEverythingScheduledBefore() {
        List<Integer> done = new CopyOnWriteArrayList<>();
        try (Autosaver s = new Autosaver(e -> { })) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                s.schedule("k" + i, () -> done.add(n));
            }
            s.flush();
            assertThat(done).hasSize(100);
            assertThat(s.written()).isEqualTo(100);
        }
    }
}
