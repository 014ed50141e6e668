package org.diptych.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.diptych.platform.LegacyMigration;
import org.diptych.platform.Locations;

/** Issue 13: the settings live in the config folder; first start is remembered; recent projects follow a migration. */
class UiPrefsLocationsTest {
    @TempDir
    Path home;

    @Test
    void settingsInTheConfigFolderRememberTheFirstStart() {
        System.setProperty("diptych.noLegacyPrefs", "true");
        try {
            Locations loc = Locations.under(home);
            UiPrefs first = UiPrefs.user(loc);
            assertThat(first.firstStart()).isTrue();
            first.addRecent(home.resolve("Diptych/demo"));
            first.setReviewer("Ana");
            first.markStarted();
            assertThat(loc.config().resolve(UiPrefs.FILE)).exists();

            UiPrefs later = UiPrefs.user(loc);
            assertThat(later.firstStart()).isFalse();
            assertThat(later.reviewer()).isEqualTo("Ana");
            Map<Path, Path> moved = Map.of(home.resolve("Diptych/demo"), loc.documents().resolve("demo"));
            later.addRecent(home.resolve("other"));
            later.relocateRecent(p -> LegacyMigration.relocate(p, moved));
            assertThat(UiPrefs.user(loc).recentProjects())
                    .isEqualTo(List.of(home.resolve("other"), loc.documents().resolve("demo")));
        } finally {
            System.clearProperty("diptych.noLegacyPrefs");
        }
    }
}
