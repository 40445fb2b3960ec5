package dev.trollwatch.report;

/** The report's stylesheet, inlined in the page: plain, high-contrast, and paginated sensibly when printed. */
final class ReportStyle {
    static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1d1d1d; background: #fff;
                   max-width: 1060px; margin: 0 auto; padding: 16px 24px; line-height: 1.4; font-size: 14px; }
            h1 { font-size: 22px; margin: 8px 0 2px; }
            h2 { font-size: 18px; border-bottom: 2px solid #26466e; padding-bottom: 3px; margin-top: 28px; }
            h3 { font-size: 15px; margin: 16px 0 6px; }
            h1, .sub { overflow-wrap: anywhere; }
            .sub { color: #555; margin: 0 0 8px; }
            table { border-collapse: collapse; margin: 6px 0 10px; }
            th, td { border: 1px solid #ccc; padding: 3px 8px; }
            th { background: #f1f3f6; text-align: left; font-weight: 600; }
            table.facts td { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
            table.numbers td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .scroll { overflow-x: auto; max-width: 100%; }
            .scroll > table { margin: 6px 0 10px; }
            td.diag { font-weight: 700; }
            td.pass { color: #1b7f3b; font-weight: 700; text-align: center; }
            td.fail { color: #c0392b; font-weight: 700; text-align: center; }
            .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0; }
            .card { border: 1px solid #ccc; border-radius: 6px; padding: 8px 16px; min-width: 130px; }
            .card .big { font-size: 24px; font-weight: 700; color: #26466e; }
            .note { background: #fff8e1; border-left: 4px solid #e0b000; padding: 6px 10px; }
            .side { display: flex; gap: 24px; flex-wrap: wrap; align-items: flex-start; }
            .side > * { min-width: 0; max-width: 100%; }
            .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; }
            figure { margin: 8px 0 12px; }
            figure svg { max-width: 100%; height: auto; display: block; }
            figcaption { color: #555; font-size: 12px; margin-top: 2px; }
            svg text { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; fill: #1d1d1d; }
            svg .label { font-size: 12px; }
            svg .value { font-size: 11px; fill: #333; }
            svg .tick { font-size: 10.5px; fill: #555; }
            svg .axis { font-size: 12px; fill: #333; }
            svg .axis-vertical { font-size: 12px; fill: #333; writing-mode: vertical-rl; }
            svg .edge { font-size: 11px; fill: #444; }
            svg .node-title { font-size: 12.5px; font-weight: 700; }
            svg .node-text { font-size: 11px; }
            svg .cell-big { font-size: 15px; font-weight: 700; }
            svg .cell-small { font-size: 11px; }
            svg .light { fill: #fff; }
            svg .dark { fill: #000; }
            footer { color: #666; font-size: 12px; margin: 28px 0 8px; border-top: 1px solid #ddd; padding-top: 6px; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11pt; }
              section { break-inside: avoid-page; }
              h2 { break-after: avoid-page; }
              .note { border-left-color: #999; background: none; }
              .scroll { overflow: visible; }
              figure svg { min-width: 0 !important; }
            }
            @page { margin: 14mm; }
            """;

    private ReportStyle() {
    }
}
