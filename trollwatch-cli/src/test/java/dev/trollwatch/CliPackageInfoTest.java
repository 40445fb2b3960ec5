package dev.trollwatch;

/** {@link PackageInfoTest} (from the core's test-jar) run on this module's sources: cli, serve, stream. */
class CliPackageInfoTest extends PackageInfoTest {
}
