package org.diptych.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@link Launcher} configures the logging beside the toolkit's start; the application's loggers, made after
 * {@link Launcher#awaitLogging()}, are the configured ones, never SLF4J's stand-ins.
 */
class LauncherLoggingTest {
    @Test
    void aLoggerMadeAfterAwaitingTheStartedConfigurationIsLogbacksOwn() {
        Launcher.startLogging();
        Launcher.startLogging(); // once only
        Launcher.awaitLogging();
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(ch.qos.logback.classic.LoggerContext.class);
        assertThat(LoggerFactory.getLogger(DiptychApp.class)).isInstanceOf(ch.qos.logback.classic.Logger.class);
    }
}
