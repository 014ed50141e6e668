package org.diptych.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

import org.diptych.model.Alignment;
import org.diptych.model.Bead;
import org.diptych.model.BlockKind;
import org.diptych.model.DocumentVersion;
import org.diptych.model.Paragraph;
import org.diptych.project.Project;
import org.diptych.review.ReviewStore;
import org.diptych.ui.FxFixtures;
import org.diptych.ui.Services;
import org.diptych.ui.UiPrefs;
import org.diptych.ui.shell.MainWindow;

/**
 * Opens a 5,000-bead alignment in the review desk (headless with Monocle when there is no display) and
 * reports the time to the first laid-out rows, then scrolls through the whole table one step per frame
 * and reports frame times. Run:
 *
 * <pre>mvn -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.diptych.bench.DeskBench 5000"</pre>
 */
public final class DeskBench {
    private static final String[] EN = ("the workers of the port have been on strike for three weeks and their demands "
            + "are simple a fair wage safe conditions we call on all unions to support them collections are organised "
            + "in every district solidarity statement committee assembly declaration rights housing transport")
            .split(" ");
    private static final String[] RU = ("докеры порта бастуют уже три недели их требования просты справедливая зарплата "
            + "безопасные условия труда мы призываем все профсоюзы поддержать их сборы средств идут во всех районах "
            + "солидарность заявление комитет собрание декларация права жильё транспорт").split(" ");

    public static void main(String[] args) throws Exception {
        int beads = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int maxSteps = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        if (System.getenv("DISPLAY") == null && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", "1600x1000-32");
        }
        Path tmp = Files.createTempDirectory("diptych-bench");
        Path dir = tmp.resolve("project");
        long tBuild = System.nanoTime();
        build(dir, beads, new Random(42));
        System.out.printf(Locale.ROOT, "project with %d beads written in %.0f ms%n", beads, ms(System.nanoTime() - tBuild));

        try (Project p = Project.open(dir, false)) {
            long t = System.nanoTime();
            ReviewStore.load(p, "bench", "en", "ru").orElseThrow();
            System.out.printf(Locale.ROOT, "load alignment + versions from disk: %.0f ms%n", ms(System.nanoTime() - t));
        }

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        UiPrefs prefs = FxFixtures.freshPrefs();
        CountDownLatch firstRows = new CountDownLatch(1);
        long[] open = new long[3];
        long[] openCpu = new long[2];
        MainWindow[] win = new MainWindow[1];
        Platform.runLater(() -> {
            Stage stage = new Stage();
            win[0] = new MainWindow(stage, prefs, Services.standard(), Clock.systemUTC());
            stage.setWidth(1400);
            stage.setHeight(900);
            stage.show();
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                VirtualFlow<?> f = flow(win[0]);
                if (open[1] == 0 && f != null && f.getFirstVisibleCell() != null) {
                    open[1] = System.nanoTime();
                    openCpu[1] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    stage.getScene().removePostLayoutPulseListener(check[0]);
                    firstRows.countDown();
                }
            };
            stage.getScene().addPostLayoutPulseListener(check[0]);
            open[0] = System.nanoTime();
            openCpu[0] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            win[0].openProject(dir);
            open[2] = System.nanoTime();
        });
        if (!firstRows.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("desk never showed rows");
        System.out.printf(Locale.ROOT, "open project → first rows laid out in the desk: %.0f ms (of which opening "
                + "the project and building the desk's model: %.0f ms); FX thread CPU %.0f ms%n", ms(open[1] - open[0]),
                ms(open[2] - open[0]), ms(openCpu[1] - openCpu[0]));

        // scroll pass: one step per frame through the whole table; frame time = time between pulses
        List<Long> frames = new ArrayList<>();
        CountDownLatch scrolled = new CountDownLatch(1);
        int[] steps = {0};
        Platform.runLater(() -> new AnimationTimer() {
            long last;

            @Override
            public void handle(long now) {
                if (last != 0) frames.add(now - last);
                last = now;
                VirtualFlow<?> f = flow(win[0]);
                IndexedCell<?> lastCell = f.getLastVisibleCell();
                if (steps[0] >= maxSteps || lastCell != null && lastCell.getIndex() >= f.getCellCount() - 1) {
                    stop();
                    scrolled.countDown();
                    return;
                }
                f.scrollPixels(240);
                steps[0]++;
            }
        }.start());
        if (!scrolled.await(600, TimeUnit.SECONDS)) throw new IllegalStateException("scroll pass did not finish");
        long[] f = frames.stream().mapToLong(Long::longValue).sorted().toArray();
        double total = ms(Arrays.stream(f).sum());
        System.out.printf(Locale.ROOT, "scroll pass: %d steps of 240 px over %d beads in %.1f s; frame mean %.1f ms, "
                        + "median %.1f ms, p95 %.1f ms, max %.1f ms, frames over 50 ms: %d%n",
                steps[0], beads, total / 1000, total / f.length, ms(f[f.length / 2]), ms(f[(int) (f.length * 0.95)]),
                ms(f[f.length - 1]), Arrays.stream(f).filter(x -> x > 50_000_000L).count());
        // the same steps without rendering: scroll and lay out synchronously, to tell layout from painting
        long[] layout = new long[Math.min(400, Math.max(1, steps[0]))];
        CountDownLatch laidOut = new CountDownLatch(1);
        long[] layoutCpu = new long[1];
        Platform.runLater(() -> {
            VirtualFlow<?> vf = flow(win[0]);
            vf.scrollTo(0);
            var root = win[0].stage().getScene().getRoot();
            root.layout();
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < layout.length; i++) {
                long t = System.nanoTime();
                vf.scrollPixels(240);
                root.applyCss();
                root.layout();
                layout[i] = System.nanoTime() - t;
            }
            layoutCpu[0] = mx.getCurrentThreadCpuTime() - cpu0;
            laidOut.countDown();
        });
        laidOut.await();
        Arrays.sort(layout);
        System.out.printf(Locale.ROOT, "layout only (%d steps of 240 px, no painting): mean %.1f ms, median %.1f ms, "
                + "p95 %.1f ms, max %.1f ms; FX thread CPU %.1f ms per step%n", layout.length,
                ms(Arrays.stream(layout).sum()) / layout.length, ms(layout[layout.length / 2]),
                ms(layout[(int) (layout.length * 0.95)]), ms(layout[layout.length - 1]), ms(layoutCpu[0]) / layout.length);
        System.out.printf(Locale.ROOT, "machine load average at the end: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            win[0].close();
            win[0].stage().close();
            closed.countDown();
        });
        closed.await();
        FxFixtures.dispose(prefs);
        FxFixtures.deleteTree(tmp);
        Platform.exit();
    }

    private static VirtualFlow<?> flow(MainWindow w) {
        return w.desk().table().lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** A statement with {@code n} beads, mostly 1:1, some 2:1, 1:2, 1:0, 0:1, with sentences of 6–60 words. */
    static void build(Path dir, int n, Random rnd) {
        List<Paragraph> src = new ArrayList<>(), tgt = new ArrayList<>();
        List<Bead> beads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(20);
            int ns = r == 0 ? 2 : r == 1 ? 0 : 1;
            int nt = r == 2 ? 2 : r == 3 ? 0 : 1;
            List<String> si = new ArrayList<>(), ti = new ArrayList<>();
            for (int k = 0; k < ns; k++) si.add(add(src, EN, rnd));
            for (int k = 0; k < nt; k++) ti.add(add(tgt, RU, rnd));
            beads.add(Bead.auto(si, ti, Math.round(rnd.nextDouble() * 100) / 100.0));
        }
        try (Project p = Project.create(dir, "Bench", List.of("en", "ru"))) {
            p.saveVersion("bench", new DocumentVersion("en", null, "markdown", "UTF-8", null, src), null);
            p.saveVersion("bench", new DocumentVersion("ru", null, "markdown", "UTF-8", null, tgt), null);
            p.saveAlignment(new Alignment("bench", "en", "ru", beads, Instant.now()));
        }
    }

    private static String add(List<Paragraph> ps, String[] words, Random rnd) {
        String id = "p" + (ps.size() + 1);
        if (rnd.nextInt(25) == 0) {
            String h = sentence(words, rnd, 3, 6);
            ps.add(new Paragraph(id, BlockKind.HEADING, 2, "## " + h, h));
            return id;
        }
        String s = sentence(words, rnd, 6, 60);
        String markup = rnd.nextInt(8) == 0 ? "**" + s.substring(0, s.indexOf(' ') > 0 ? s.indexOf(' ') : s.length()) + "**"
                + s.substring(s.indexOf(' ') > 0 ? s.indexOf(' ') : s.length()) : s;
        ps.add(new Paragraph(id, BlockKind.PARAGRAPH, 0, markup, s));
        return id;
    }

    private static String sentence(String[] words, Random rnd, int min, int max) {
        int len = min + rnd.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            String w = words[rnd.nextInt(words.length)];
            sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
        }
        return sb.append('.').toString();
    }
}
