package org.diptych.tm.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.diptych.tm.TmUnit;
import org.diptych.tm.TmVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team TM's persisted push queue: appends, acknowledgements, torn tails and a killed writer. */
class PushQueueTest {
    @TempDir
    Path tmp;

    static TmUnit unit(String id, String ru, String en) {
        return new TmUnit(id, Map.of("creationid", "ana"), List.of(), List.of(TmVariant.plain("ru", ru), TmVariant.plain("en", en)));
    }

    @Test
    void unitsSurviveReopeningAndTheLatestOfAnIdIsPushedOnce() {
        Path f = tmp.resolve("team/outbox.log");
        PushQueue q = PushQueue.open(f);
        q.add(List.of(unit("k:a", "Мир.", "Peace."), unit("k:b", "Хлеб.", "Bread.")));
        q.add(List.of(unit("k:a", "Мир!", "Peace!")));
        PushQueue again = PushQueue.open(f);
        PushQueue.Pending p = again.pending();
        assertThat(p.units()).extracting(TmUnit::id).containsExactly("k:b", "k:a");
        assertThat(p.units().get(1).variant("en").text()).isEqualTo("Peace!");
        again.ack(p.upTo());
        assertThat(again.size()).isZero();
        assertThat(PushQueue.open(f).size()).as("acknowledged units are not pushed again").isZero();
    }

    @Test
    void aTornLastLineIsDroppedAndLaterAppendsAreRead() throws Exception {
        Path f = tmp.resolve("outbox.log");
        PushQueue q = PushQueue.open(f);
        q.add(List.of(unit("k:a", "Мир.", "Peace.")));
        q.add(List.of(unit("k:b", "Хлеб.", "Bread.")));
        long whole = Files.size(f);
        // a crash in the middle of the third append
        Files.write(f, "P QUJD".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        PushQueue r = PushQueue.open(f);
        assertThat(r.pending().units()).extracting(TmUnit::id).containsExactly("k:a", "k:b");
        assertThat(Files.size(f)).isEqualTo(whole);
        r.add(List.of(unit("k:c", "Земля.", "Land.")));
        assertThat(PushQueue.open(f).pending().units()).extracting(TmUnit::id).containsExactly("k:a", "k:b", "k:c");

        // a damaged line (a changed byte) ends what is read
        byte[] b = Files.readAllBytes(f);
        b[10] = (byte) (b[10] == 'A' ? 'B' : 'A');
        Files.write(f, b);
        assertThat(PushQueue.open(f).pending().units()).isEmpty();
    }

    @Test
    void partOfTheQueueAcknowledgedLeavesTheRest() {
        Path f = tmp.resolve("outbox.log");
        PushQueue q = PushQueue.open(f);
        q.add(List.of(unit("k:a", "Мир.", "Peace.")));
        PushQueue.Pending first = q.pending();
        q.add(List.of(unit("k:b", "Хлеб.", "Bread.")));
        q.ack(first.upTo());
        assertThat(PushQueue.open(f).pending().units()).extracting(TmUnit::id).containsExactly("k:b");
    }

    @Test
    void aWriterKilledWhileAppendingLeavesEveryCompleteRecord() throws Exception {
        Path f = tmp.resolve("outbox.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                PushQueueWriter.class.getName(), f.toString()).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int confirmed = -1;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("added ")) {
                confirmed = Integer.parseInt(line.substring(6));
                if (confirmed >= 20) break;
            }
        }
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(confirmed).isGreaterThanOrEqualTo(20);
        List<TmUnit> units = PushQueue.open(f).pending().units();
        // every append the writer saw return is there, in order; at most the one it was in the middle of is lost
        assertThat(units.size()).isGreaterThanOrEqualTo(confirmed);
        for (int i = 0; i < units.size(); i++) assertThat(units.get(i).id()).isEqualTo("k:s|ru|en|p" + i);
    }

    /** Appends units to a queue until killed, printing how many appends have returned. */
    public static final class PushQueueWriter {
        public static void main(String[] args) {
            PushQueue q = PushQueue.open(Path.of(args[0]));
            for (int i = 0; ; i++) {
                q.add(List.of(unit("k:s|ru|en|p" + i, "Абзац номер " + i + ".", "Paragraph number " + i + ".")));
                System.out.println("added " + (i + 1));
                System.out.flush();
            }
        }
    }
}
