package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tests reach Weka only through the model code, never by configuring it themselves: that code must do it. */
class WekaEnvironmentTest {
    @Test
    void reachingWekaThroughTheModelCodeSetsItsEnvironmentUp() {
        WekaData.header();
        assertEquals("weka.core.logging.ConsoleLogger", System.getProperty("weka.core.logging.Logger"));
        assertEquals("true", System.getProperty("weka.packageManager.offline"));
    }
}
