package org.diptych;

/** The running Diptych version, from the jar manifest or {@code development} when run from classes. */
public final class DiptychVersion {
    private DiptychVersion() {}

    public static String get() {
        String v = DiptychVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
