package org.diptych.platform;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A crash report: version, OS, Java, the thread, the stack trace and the last lines of the log, written as
 * {@code crash-<time>.txt} in the log folder (what a volunteer attaches to a bug report).
 *
 * @param file the report on disk
 * @param text its content
 */
public record CrashReport(Path file, String text) {
    static final int LOG_LINES = 200;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /** Writes the report of {@code error} (thrown on {@code thread}) into {@code loc.logs()}. */
    public static CrashReport write(Locations loc, String thread, Throwable error, Instant when) throws IOException {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        StringBuilder b = new StringBuilder();
        b.append("Diptych crash report\n");
        b.append("Version: ").append(AppInfo.version()).append('\n');
        b.append("Time: ").append(when).append('\n');
        b.append("System: ").append(AppInfo.environment()).append('\n');
        b.append("Thread: ").append(thread).append('\n');
        b.append("\n").append(trace).append('\n');
        b.append("Last lines of ").append(loc.logFile()).append(":\n");
        for (String line : tail(loc.logFile(), LOG_LINES)) b.append(line).append('\n');
        Files.createDirectories(loc.logs());
        Path f = loc.logs().resolve("crash-" + NAME.format(when) + ".txt");
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        return new CrashReport(f, b.toString());
    }

    /** The last {@code n} lines of a text file (none if it cannot be read). */
    static Deque<String> tail(Path file, int n) {
        Deque<String> lines = new ArrayDeque<>();
        if (!Files.isRegularFile(file)) return lines;
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)))) {
            for (String l; (l = r.readLine()) != null; ) {
                lines.addLast(l);
                if (lines.size() > n) lines.removeFirst();
            }
        } catch (IOException e) {
            lines.addLast("(log not readable: " + e + ")");
        }
        return lines;
    }
}
