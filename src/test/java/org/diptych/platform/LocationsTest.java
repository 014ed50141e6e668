package org.diptych.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationsTest {
    @TempDir
    Path home;

    @Test
    void linuxLocationsFollowXdgUnderAFakeHome() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        assumeTrue(System.getenv("XDG_CONFIG_HOME") == null && System.getenv("XDG_DATA_HOME") == null);
        String old = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            Locations loc = Locations.fromSystem();
            assertThat(loc.home()).isEqualTo(home.toAbsolutePath().normalize());
            assertThat(loc.config()).isEqualTo(home.resolve(".config/diptych"));
            assertThat(loc.logs()).isEqualTo(home.resolve(".local/share/diptych/logs"));
            assertThat(loc.logFile()).isEqualTo(home.resolve(".local/share/diptych/logs/diptych.log"));
            assertThat(loc.documents().getFileName().toString()).isEqualTo("Diptych");
            assertThat(loc.legacy()).isEqualTo(home.resolve("Diptych"));
        } finally {
            System.setProperty("user.home", old);
        }
    }

    @Test
    void documentsFolderIsTheDesktopsUnlessItAnswersNothingOrTheHome() throws Exception {
        Path docs = Files.createDirectories(home.resolve("Dokumente"));
        assertThat(Locations.documentsFolder(home, docs.toString())).isEqualTo(docs);
        assertThat(Locations.documentsFolder(home, null)).isEqualTo(home.resolve("Documents"));
        assertThat(Locations.documentsFolder(home, "")).isEqualTo(home.resolve("Documents"));
        // xdg-user-dir answers the home itself where no documents folder is configured
        assertThat(Locations.documentsFolder(home, home.toString())).isEqualTo(home.resolve("Documents"));
        // a folder of the desktop's that does not exist yet is used if it lies in the home
        assertThat(Locations.documentsFolder(home, home.resolve("Docs").toString())).isEqualTo(home.resolve("Docs"));
        assertThat(Locations.documentsFolder(home, "/nonexistent-elsewhere/docs")).isEqualTo(home.resolve("Documents"));
    }

    @Test
    void theOsLocationsAreFoundOncePerHome() {
        // each finding asks the desktop (xdg-user-dir processes on Linux): the start asks three times
        Locations first = Locations.user();
        assertThat(Locations.user()).isSameAs(first);
        String old = System.getProperty("user.home");
        System.setProperty(Locations.ROOT_PROPERTY, home.toString());
        try {
            assertThat(Locations.user().config()).isEqualTo(home.resolve("config"));
        } finally {
            System.clearProperty(Locations.ROOT_PROPERTY);
        }
        assertThat(Locations.user()).isSameAs(first);
        assertThat(System.getProperty("user.home")).isEqualTo(old);
    }

    @Test
    void rootPropertyPutsEverythingInOneFolder() {
        System.setProperty(Locations.ROOT_PROPERTY, home.toString());
        try {
            Locations loc = Locations.user();
            assertThat(loc.config()).isEqualTo(home.resolve("config"));
            assertThat(loc.logs()).isEqualTo(home.resolve("logs"));
            assertThat(loc.documents()).isEqualTo(home.resolve("Documents/Diptych"));
        } finally {
            System.clearProperty(Locations.ROOT_PROPERTY);
        }
    }
}
