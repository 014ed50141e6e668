package org.diptych.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePreferencesTest {
    @TempDir
    Path dir;

    @Test
    void keysAndChildNodesSurviveReopening() throws Exception {
        Path file = dir.resolve("cfg/settings.properties");
        FilePreferences p = FilePreferences.open(file);
        p.put("reviewer", "Мария");
        p.putDouble("threshold", 0.7);
        p.node("ui/desk").putBoolean("reviewer", true);
        p.flush();
        assertThat(file).exists();
        assertThat(dir.resolve("cfg")).isDirectoryNotContaining("glob:**.tmp");

        FilePreferences q = FilePreferences.open(file);
        assertThat(q.get("reviewer", "")).isEqualTo("Мария");
        assertThat(q.getDouble("threshold", 0)).isEqualTo(0.7);
        assertThat(q.keys()).containsExactlyInAnyOrder("reviewer", "threshold");
        assertThat(q.childrenNames()).containsExactly("ui");
        assertThat(q.node("ui/desk").getBoolean("reviewer", false)).isTrue();
        q.node("ui").removeNode();
        q.remove("threshold");
        q.flush();
        FilePreferences r = FilePreferences.open(file);
        assertThat(r.childrenNames()).isEmpty();
        assertThat(r.keys()).containsExactly("reviewer");
    }

    @Test
    void aDamagedFileGivesDefaults() throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.write(file, new byte[] {'a', '=', '\\', 'u', 'Z', 'Z'});
        assertThat(FilePreferences.open(file).get("a", "default")).isEqualTo("default");
    }

    @Test
    void copiesAnOlderStore() throws Exception {
        Preferences old = Preferences.userRoot().node("org/diptych/test/" + java.util.UUID.randomUUID());
        try {
            old.put("recent.0", "/home/u/Diptych/demo");
            old.node("child").put("k", "v");
            FilePreferences p = FilePreferences.open(dir.resolve("s.properties"));
            FilePreferences.copy(old, p);
            assertThat(p.get("recent.0", null)).isEqualTo("/home/u/Diptych/demo");
            assertThat(p.node("child").get("k", null)).isEqualTo("v");
        } finally {
            old.removeNode();
        }
    }
}
