package org.diptych.platform;

import java.nio.file.Path;

import org.diptych.project.ProjectCopy;

/**
 * The sample project shipped with Diptych: inside the installed image ({@code -Ddiptych.sample=$APPDIR/sample/demo},
 * set by the launcher), or the checkout's {@code sample-projects/demo} under {@code mvn javafx:run}. It is
 * opened from a copy in the documents folder, so working on it never changes what ships.
 */
public final class SampleProject {
    public static final String PROPERTY = "diptych.sample";

    private SampleProject() {}

    /** The bundled sample of this installation, or null if it has none. */
    public static Path bundled() {
        String s = System.getProperty(PROPERTY);
        return s == null || s.isBlank() ? null : Path.of(s);
    }

    /** The user's copy of {@code bundled} in the documents folder, made now if it is not there yet. */
    public static Path install(Path bundled, Locations loc) {
        return ProjectCopy.installIfAbsent(bundled, loc.documents().resolve(bundled.getFileName().toString()));
    }
}
