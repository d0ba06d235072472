/// The page's one stylesheet, inline: system fonts, readable on screen and on paper.
enum HTMLStyle {
    static let css = """
    :root { --up: #2e9d4a; --slow: #d99a06; --down: #d1343a; --none: #d5d8dc; --ink: #1d232a; --muted: #5b6570; --line: #e3e6ea; --accent: #3567c9; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
    h1 { font-size: 26px; margin: 0 0 8px; }
    h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0; }
    th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
    thead th { color: var(--muted); font-weight: 600; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.bar { width: 55%; }
    pre { background: #f5f7f9; padding: 10px 12px; border-radius: 6px; overflow-x: auto; font-size: 13px; white-space: pre-wrap; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 90%; }
    figure { margin: 10px 0 18px; }
    figcaption { font-weight: 600; margin-bottom: 2px; }
    .note { color: var(--muted); font-size: 13px; }
    .mark { font-weight: 700; } .mark.up { color: var(--up); } .mark.down { color: var(--down); } .mark.slow { color: var(--slow); }
    svg.chart { display: block; width: 100%; height: auto; }
    svg.uptime { height: 18px; }
    svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
    svg .grid { stroke: var(--line); stroke-width: 1; }
    svg .axis-line, svg .tick { stroke: var(--muted); stroke-width: 1; }
    svg .band { fill: var(--accent); fill-opacity: 0.15; stroke: none; }
    svg .mean { fill: none; stroke: var(--accent); stroke-width: 1.6; }
    svg circle.mean { fill: var(--accent); }
    svg .goal { stroke: var(--slow); stroke-width: 1.2; stroke-dasharray: 5 4; }
    svg .goal-label { fill: #9a6c00; }
    svg .down { fill: var(--down); }
    svg .deploy { stroke: #7b3fc4; stroke-width: 1.2; stroke-dasharray: 3 3; }
    svg .deploy-label { fill: #7b3fc4; font-weight: 600; }
    svg .cell.up { fill: var(--up); } svg .cell.slow { fill: var(--slow); } svg .cell.down { fill: var(--down); } svg .cell.none { fill: var(--none); }
    svg .before { fill: #9aa5b1; } svg .after { fill: var(--accent); }
    .key { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; }
    .key.up { background: var(--up); } .key.slow { background: var(--slow); } .key.down { background: var(--down); } .key.none { background: var(--none); color: var(--ink); }
    .key.before { background: #9aa5b1; } .key.after { background: var(--accent); }
    @media print {
      body { font-size: 12px; }
      main { max-width: none; padding: 0; }
      section, figure, tr { break-inside: avoid; }
      pre { white-space: pre-wrap; }
    }
    """
}
