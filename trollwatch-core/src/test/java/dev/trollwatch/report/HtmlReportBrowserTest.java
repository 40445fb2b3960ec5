package dev.trollwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trollwatch.model.DataFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: Debian's headless Chromium loads the file with the network
 * off; the page requests nothing but itself, logs no error, every section's drawing has a
 * non-zero rendered size, and it prints to PDF. Skipped where /usr/bin/chromium is absent,
 * except in CI (CI=true), where its absence fails the test.
 */
class HtmlReportBrowserTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void needChromium() {
        if (!HeadlessChromium.available()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(HeadlessChromium.BINARY + " is missing: CI must install Debian's chromium (.ci/run does)");
            }
            Assumptions.abort("skipped: no " + HeadlessChromium.BINARY + " (apt-get install chromium) — the report is not checked in a browser");
        }
    }

    @Test
    void loadsOfflineRequestsNothingLogsNoErrorAndDrawsEverySection() throws Exception {
        try (HeadlessChromium chromium = opened("report", HtmlReport.render(ReportFixtures.content("2026-12-01T12:00:00Z")),
                1100)) {
            JsonNode sections = chromium.evaluate("[...document.querySelectorAll('section')].map(s => ({id: s.id,"
                    + " svgs: [...s.querySelectorAll('svg')].map(v => { const r = v.getBoundingClientRect();"
                    + " return [r.width, r.height]; })}))");
            List<String> ids = new ArrayList<>();
            for (JsonNode s : sections) {
                String id = s.get("id").asText();
                ids.add(id);
                assertTrue(s.get("svgs").size() >= 1, id + " has a drawing");
                for (JsonNode size : s.get("svgs")) {
                    assertTrue(size.get(0).asDouble() > 0 && size.get(1).asDouble() > 0, id + ": rendered size " + size);
                }
            }
            assertEquals(HtmlReportTest.SECTIONS, ids);
            JsonNode textWidth = chromium.evaluate("document.querySelector('#tree svg text').getComputedTextLength()");
            assertTrue(textWidth.asDouble() > 0, "SVG text renders");
            String pdf = chromium.call("Page.printToPDF", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode())
                    .get("data").asText();
            byte[] bytes = java.util.Base64.getDecoder().decode(pdf);
            assertTrue(bytes.length > 10_000 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"), "prints to PDF");
            assertEquals(List.of(dir.resolve("report.html").toUri().toString()), chromium.requests(),
                    "the page fetches nothing but itself");
            assertEquals(List.of(), chromium.errors(), "no console or script error");
        }
    }

    @Test
    void aLongFileNameWrapsWithoutWideningThePageAndWordsStayWhole() throws Exception {
        // A 200-character file name made the header 2,246 px wide, and break-all split "cr|eated_utc" on a phone.
        ReportContent c = ReportFixtures.content("2026-12-01T12:00:00Z");
        String name = "data/" + "x".repeat(200) + ".csv.gz";
        DataFacts d = c.data();
        DataFacts longName = new DataFacts(name, d.sha256(), d.prepared(), d.trainRows(), d.testRows(), d.testInput(), d.testSha256());
        String html = HtmlReport.render(new ReportContent(c.command(), "test file " + name, longName, c.eval(), c.tree(),
                c.info(), c.gates(), c.toolVersion(), c.createdAt()));
        try (HeadlessChromium chromium = opened("long-name", html, 390)) {
            assertEquals(chromium.evaluate("document.documentElement.clientWidth").asInt(),
                    chromium.evaluate("document.documentElement.scrollWidth").asInt(), "the page does not scroll sideways");
            JsonNode lines = chromium.evaluate("(() => { const td = [...document.querySelectorAll('table.facts td')]"
                    + ".find(t => t.textContent.includes('created_utc')); const text = td.firstChild;"
                    + " const at = text.data.indexOf('created_utc'); const r = document.createRange();"
                    + " r.setStart(text, at); r.setEnd(text, at + 'created_utc'.length);"
                    + " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; })()");
            assertEquals(1, lines.asInt(), "created_utc is on one line");
        }
    }

    @Test
    void onAPhoneTablesAndDrawingsScrollInsideThePageAndStayReadable() throws Exception {
        // At 390 px (320 here) the charts shrank to 0.44–0.52 (6 px labels), the review-budget tables pushed the
        // whole page sideways and "100.0 %" broke over two lines.
        try (HeadlessChromium chromium = opened("phone", HtmlReport.render(ReportFixtures.content("2026-12-01T12:00:00Z")),
                320)) {
            assertEquals(chromium.evaluate("document.documentElement.clientWidth").asInt(),
                    chromium.evaluate("document.documentElement.scrollWidth").asInt(), "the page itself does not scroll sideways");
            JsonNode scales = chromium.evaluate("[...document.querySelectorAll('svg')].map(v =>"
                    + " v.getBoundingClientRect().width / v.viewBox.baseVal.width)");
            for (JsonNode scale : scales) {
                assertTrue(scale.asDouble() >= Svg.MIN_SCALE - 0.01, "a drawing keeps a readable scale: " + scales);
            }
            JsonNode wrapped = chromium.evaluate("[...document.querySelectorAll('table.numbers td')].filter(td => {"
                    + " const r = document.createRange(); r.selectNodeContents(td);"
                    + " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1; }).map(td => td.textContent)");
            assertEquals(0, wrapped.size(), "numbers on one line: " + wrapped);
            JsonNode unscrolled = chromium.evaluate("[...document.querySelectorAll('table, svg')].filter(e =>"
                    + " e.getBoundingClientRect().width > document.querySelector('section').clientWidth && !e.closest('.scroll')).length");
            assertEquals(0, unscrolled.asInt(), "whatever is wider than the column scrolls in its own box");
        }
    }

    /** The page written to NAME.html and loaded, offline, in a fresh browser of this width. */
    private HeadlessChromium opened(String name, String html, int width) throws Exception {
        Path page = Files.writeString(dir.resolve(name + ".html"), html, StandardCharsets.UTF_8);
        HeadlessChromium chromium = new HeadlessChromium(Files.createDirectory(dir.resolve(name + "-profile")));
        try {
            chromium.offline();
            chromium.viewport(width, 900);
            chromium.load(page);
            return chromium;
        } catch (Exception | Error e) {
            chromium.close();
            throw e;
        }
    }
}
