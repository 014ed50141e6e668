package org.diptych.platform;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * Tells logback ({@code logback.xml}) the log folder of {@link Locations#user()}, so the rolling file lands
 * where the OS keeps an application's logs, whatever started the JVM (the app image, {@code mvn javafx:run},
 * the CLI).
 */
public final class LogFolder extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        return Locations.user().logs().toString();
    }
}
