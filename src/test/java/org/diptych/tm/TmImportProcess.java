package org.diptych.tm;

import java.nio.file.Path;

import org.diptych.Progress;

/**
 * Child process of {@link TmCrashTest}: imports a TMX and, if asked, stops dead in the middle of the
 * import (after reading the given fraction of the file) and waits there to be killed.
 *
 * <p>Usage: {@code TmImportProcess TM-DIR FILE.tmx PAUSE-FRACTION} (negative: run to the end).
 */
public final class TmImportProcess {
    public static void main(String[] a) throws Exception {
        double pauseAt = Double.parseDouble(a[2]);
        TranslationMemory tm = TranslationMemory.open(Path.of(a[0]));
        tm.importTmx(Path.of(a[1]), new Progress() {
            @Override
            public void update(long done, long total, String message) {
                if (pauseAt >= 0 && done >= total * pauseAt) {
                    System.out.println("paused");
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        tm.close();
        System.out.println("done");
        System.out.flush();
    }
}
