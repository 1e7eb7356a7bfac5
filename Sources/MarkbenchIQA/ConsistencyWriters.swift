import Foundation
import MarkbenchDiagnostics
import MarkbenchQA

extension ConsistencyReport {
    private static func f(_ x: Double?, _ digits: Int = 2) -> String { x.map { String(format: "%.\(digits)f", $0) } ?? "n/a" }

    /// A plain-text report for terminals.
    public func text() -> String {
        var out = "\(records) decision records\n\nFlags\n"
        if flags.isEmpty { out += "  none\n" }
        for flag in flags { out += "  ! \(flag.message)\n" }
        out += "\nPairs of markers                                   items  agree    κ    95 % CI      weighted κ\n"
        for p in pairs {
            let name = "\(p.raterA) v. \(p.raterB)".padding(toLength: 48, withPad: " ", startingAt: 0)
            let ci = p.kappaInterval.map { "[\(Self.f($0.lower)), \(Self.f($0.upper))]" } ?? ""
            out += "  \(name) \(String(format: "%5d  %5.1f%%", p.items, p.percent * 100))  \(Self.f(p.kappa).padding(toLength: 5, withPad: " ", startingAt: 0))  \(ci.padding(toLength: 13, withPad: " ", startingAt: 0)) \(p.weightedKappa.map { Self.f($0) } ?? "")\n"
        }
        out += "\nLeniency (percentage points more achieved than the comparison, same items)\n"
        for l in leniency {
            out += "  \(l.assessor.padding(toLength: 22, withPad: " ", startingAt: 0)) v. \(l.against.padding(toLength: 6, withPad: " ", startingAt: 0)) \(String(format: "%+6.1f  (%d items)", l.difference, l.items))\n"
        }
        out += "\nAll markers together: Krippendorff's α \(Self.f(manyRaters.alphaNominal)) (achieved / not)"
        if let ordinal = manyRaters.alphaOrdinal { out += ", \(Self.f(ordinal)) ordinal on graded units" }
        out += " over \(manyRaters.items) items and \(manyRaters.raters) markers\n"
        if let k = manyRaters.fleissKappa {
            out += "Fleiss' κ \(Self.f(k)) over the \(manyRaters.fleissItems) items marked by \(manyRaters.fleissRatersPerItem) markers\n"
        }
        if !perUnit.isEmpty {
            out += "\nAssessors v. engine per unit\n"
            for g in perUnit { out += "  \(g.group.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%4d items  %5.1f%%", g.items, g.percent * 100))  κ \(Self.f(g.kappa))\n" }
        }
        return out
    }

    /// Pairs and leniency as CSV (two sections, each with its header).
    public func csv() -> String {
        var out = "section,rater_a,rater_b,kind,items,percent,kappa,kappa_lower,kappa_upper,weighted_kappa\r\n"
        for p in pairs {
            out += ["pair", p.raterA, p.raterB, p.kind, String(p.items), String(format: "%.4f", p.percent), Self.f(p.kappa, 4),
                    Self.f(p.kappaInterval?.lower, 4), Self.f(p.kappaInterval?.upper, 4), p.weightedKappa.map { Self.f($0, 4) } ?? ""]
                .map(Self.quote).joined(separator: ",") + "\r\n"
        }
        out += "\r\nsection,assessor,against,items,assessor_rate,other_rate,difference_points,kappa\r\n"
        for l in leniency {
            out += ["leniency", l.assessor, l.against, String(l.items), String(format: "%.4f", l.assessorRate),
                    String(format: "%.4f", l.otherRate), String(format: "%.1f", l.difference), Self.f(l.kappa, 4)]
                .map(Self.quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    private static func quote(_ s: String) -> String { Escaping.csvField(s) }

    public func json() throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(self), as: UTF8.self) + "\n"
    }

    // MARK: - HTML with inline SVG charts

    public func html(title: String = "Marking consistency") -> String {
        let esc = Escaping.html
        var b = "<h1>\(esc(title))</h1>\n<p class=\"meta\">\(records) decision records · \(manyRaters.raters) markers · \(manyRaters.items) items · bootstrap \(resamples) resamples, seed \(seed)</p>\n"
        b += "<h2>Flags</h2>\n"
        b += flags.isEmpty ? "<p>None: every marker agrees well enough and none is notably lenient or severe.</p>\n"
            : "<ul>\n" + flags.map { "<li>\(esc($0.message))</li>\n" }.joined() + "</ul>\n"

        // Chart 1: κ with the engine per assessor, with bootstrap intervals.
        let engineRows = pairs.filter { $0.kind == "assessor-engine" || $0.kind == "assessor-iqa" }
        b += "<h2>Agreement per assessor (Cohen's κ, 95 % bootstrap interval)</h2>\n"
        b += kappaChart(engineRows, esc: esc)
        // Chart 2: leniency bars.
        b += "<h2>Leniency and severity (percentage points more achieved than the comparison)</h2>\n"
        b += leniencyChart(esc: esc)
        // Chart 3: drift over time.
        if !drift.isEmpty {
            b += "<h2>Drift over time (leniency against the engine, by month)</h2>\n" + driftChart(esc: esc)
        }
        b += "<h2>Every pair of markers</h2>\n<table><tr><th>Markers</th><th>Kind</th><th>Items</th><th>Agree</th><th>κ</th><th>95 % interval</th><th>Weighted κ</th></tr>\n"
        for p in pairs {
            let ci = p.kappaInterval.map { "\(Self.f($0.lower)) to \(Self.f($0.upper))" } ?? "—"
            b += "<tr><td>\(esc(p.raterA)) v. \(esc(p.raterB))</td><td>\(esc(p.kind))</td><td>\(p.items)</td><td>\(String(format: "%.0f %%", p.percent * 100))</td><td>\(Self.f(p.kappa))</td><td>\(ci)</td><td>\(p.weightedKappa.map { Self.f($0) } ?? "—")</td></tr>\n"
        }
        b += "</table>\n<p>All markers together: Krippendorff's α \(Self.f(manyRaters.alphaNominal)) on achieved / not achieved"
        if let o = manyRaters.alphaOrdinal { b += ", \(Self.f(o)) ordinal on graded units" }
        b += " (α ≥ 0.800 reliable, ≥ 0.667 tentative)"
        if let k = manyRaters.fleissKappa {
            b += "; Fleiss' κ \(Self.f(k)) over the \(manyRaters.fleissItems) items marked by \(manyRaters.fleissRatersPerItem) markers"
        }
        b += ".</p>\n"
        for (heading, groups) in [("Assessors v. engine per unit", perUnit), ("Assessors v. engine per criterion", perCriterion)] where !groups.isEmpty {
            b += "<h2>\(heading)</h2>\n<table><tr><th>Group</th><th>Items</th><th>Agree</th><th>κ</th></tr>\n"
            for g in groups { b += "<tr><td>\(esc(g.group))</td><td>\(g.items)</td><td>\(String(format: "%.0f %%", g.percent * 100))</td><td>\(Self.f(g.kappa))</td></tr>\n" }
            b += "</table>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <title>\(esc(title))</title>
            <style>
            body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2933; max-width: 1000px; margin: 24px auto; padding: 0 20px; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 26px; border-bottom: 2px solid #d9dee3; }
            .meta { color: #52606d; } table { border-collapse: collapse; margin: 8px 0; }
            th, td { border: 1px solid #d9dee3; padding: 5px 8px; text-align: left; } th { background: #f3f5f7; }
            svg text { font: 12px -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1f2933; }
            @page { size: A4; margin: 14mm; } @media print { body { margin: 0; max-width: none; } svg, tr { break-inside: avoid; } }
            </style>
            </head>
            <body>
            \(b)
            </body>
            </html>

            """
    }

    private func kappaChart(_ rows: [PairAgreement], esc: (String) -> String) -> String {
        guard !rows.isEmpty else { return "<p>No assessor shares items with the engine or an IQA.</p>\n" }
        let width = 900.0, left = 290.0, right = 30.0, rowHeight = 26.0
        let height = Double(rows.count) * rowHeight + 40
        func x(_ k: Double) -> Double { left + (max(-0.2, min(1, k)) + 0.2) / 1.2 * (width - left - right) }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"Cohen's kappa per assessor\">\n"
        for tick in [0.0, 0.2, 0.4, 0.6, 0.8, 1.0] {
            svg += "<line x1=\"\(x(tick))\" y1=\"10\" x2=\"\(x(tick))\" y2=\"\(height - 24)\" stroke=\"#d9dee3\"/>"
                + "<text x=\"\(x(tick))\" y=\"\(height - 8)\" text-anchor=\"middle\">\(String(format: "%.1f", tick))</text>\n"
        }
        svg += "<rect x=\"\(x(0.6))\" y=\"10\" width=\"\(x(1) - x(0.6))\" height=\"\(height - 34)\" fill=\"#dcfce7\" opacity=\"0.5\"/>\n"
        for (i, p) in rows.enumerated() {
            let y = 24 + Double(i) * rowHeight
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 4)\" text-anchor=\"end\">\(esc(p.raterA)) v. \(esc(p.raterB))</text>\n"
            if let lo = p.kappaInterval?.lower, let hi = p.kappaInterval?.upper {
                svg += "<line x1=\"\(x(lo))\" y1=\"\(y)\" x2=\"\(x(hi))\" y2=\"\(y)\" stroke=\"#334e68\" stroke-width=\"2\"/>\n"
            }
            if let k = p.kappa {
                svg += "<circle cx=\"\(x(k))\" cy=\"\(y)\" r=\"5\" fill=\"\(k < Self.kappaFloor ? "#dc2626" : "#16a34a")\"/>"
                    + "<text x=\"\(x(k) + 8)\" y=\"\(y - 6)\">\(String(format: "%.2f", k))</text>\n"
            }
        }
        return svg + "</svg>\n<p class=\"meta\">Shaded: κ 0.6–1.0 (substantial or better, Landis &amp; Koch). Red points are below 0.6.</p>\n"
    }

    private func leniencyChart(esc: (String) -> String) -> String {
        guard !leniency.isEmpty else { return "<p>No comparisons.</p>\n" }
        let width = 900.0, left = 290.0, right = 30.0, rowHeight = 24.0
        let height = Double(leniency.count) * rowHeight + 40
        let maxAbs = max(20, leniency.map { abs($0.difference) }.max() ?? 20)
        func x(_ d: Double) -> Double { left + (d + maxAbs) / (2 * maxAbs) * (width - left - right) }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"Leniency per assessor\">\n"
        svg += "<line x1=\"\(x(0))\" y1=\"8\" x2=\"\(x(0))\" y2=\"\(height - 24)\" stroke=\"#52606d\"/>\n"
        for tick in [-maxAbs, -maxAbs / 2, 0, maxAbs / 2, maxAbs] {
            svg += "<text x=\"\(x(tick))\" y=\"\(height - 8)\" text-anchor=\"middle\">\(String(format: "%+.0f", tick))</text>\n"
        }
        for (i, l) in leniency.enumerated() {
            let y = 14 + Double(i) * rowHeight
            let x0 = x(min(0, l.difference)), w = abs(x(l.difference) - x(0))
            let colour = abs(l.difference) >= Self.leniencyLimit ? (l.difference > 0 ? "#f97316" : "#2563eb") : "#94a3b8"
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 12)\" text-anchor=\"end\">\(esc(l.assessor)) v. \(esc(l.against))</text>"
                + "<rect x=\"\(x0)\" y=\"\(y)\" width=\"\(max(w, 1))\" height=\"16\" fill=\"\(colour)\"/>"
                + "<text x=\"\(x(l.difference) + (l.difference >= 0 ? 6 : -6))\" y=\"\(y + 12)\" text-anchor=\"\(l.difference >= 0 ? "start" : "end")\">\(String(format: "%+.0f", l.difference))</text>\n"
        }
        return svg + "</svg>\n<p class=\"meta\">Orange: more lenient by \(Int(Self.leniencyLimit)) points or more; blue: more severe.</p>\n"
    }

    private func driftChart(esc: (String) -> String) -> String {
        let months = Array(Set(drift.map(\.month))).sorted()
        let assessors = Array(Set(drift.map(\.assessor))).sorted()
        guard months.count >= 2 else { return "<p>Fewer than two months of data.</p>\n" }
        let width = 900.0, height = 300.0, left = 60.0, right = 200.0, top = 20.0, bottom = 40.0
        let maxAbs = max(20, drift.map { abs($0.leniency) }.max() ?? 20)
        func x(_ m: String) -> Double { left + Double(months.firstIndex(of: m)!) / Double(months.count - 1) * (width - left - right) }
        func y(_ v: Double) -> Double { top + (maxAbs - v) / (2 * maxAbs) * (height - top - bottom) }
        let colours = ["#f97316", "#2563eb", "#16a34a", "#9333ea", "#dc2626", "#0891b2", "#a16207"]
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"Leniency by month\">\n"
        svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(width - right)\" y2=\"\(y(0))\" stroke=\"#52606d\"/>\n"
        for m in months { svg += "<text x=\"\(x(m))\" y=\"\(height - 14)\" text-anchor=\"middle\">\(esc(m))</text>\n" }
        for v in [-maxAbs, 0, maxAbs] { svg += "<text x=\"\(left - 8)\" y=\"\(y(v) + 4)\" text-anchor=\"end\">\(String(format: "%+.0f", v))</text>\n" }
        for (i, a) in assessors.enumerated() {
            let points = drift.filter { $0.assessor == a }
            let colour = colours[i % colours.count]
            let path = points.map { "\(x($0.month)),\(y($0.leniency))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
            for p in points { svg += "<circle cx=\"\(x(p.month))\" cy=\"\(y(p.leniency))\" r=\"3.5\" fill=\"\(colour)\"/>\n" }
            svg += "<text x=\"\(width - right + 10)\" y=\"\(top + 16 * Double(i) + 8)\" style=\"fill: \(colour)\">\(esc(a))</text>\n"
        }
        return svg + "</svg>\n"
    }
}
