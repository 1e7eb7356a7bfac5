import CSV
import MarkbenchDiagnostics
import Foundation

extension SamplingPlan {
    /// The CSV columns, one row per sampled item.
    public static let csvColumns = ["learner", "unit", "criterion", "assessor", "assessor_status", "decision", "engine_decision",
                                    "method", "evidence", "site", "date", "group", "line", "picked_by", "reasons"]

    /// One row per sampled item (criterion empty for the overall decision), reasons joined by "; ".
    public func csv() throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: Self.csvColumns)
        for item in items {
            let r = item.record
            try writer.write(row: [r.learner, r.unit, r.criterion ?? "", r.assessor, r.assessorStatus?.rawValue ?? "", r.decision,
                                   item.engineDecision ?? "", r.method, r.evidence ?? "", r.site, r.date, r.candidateGroup ?? "",
                                   r.line > 0 ? String(r.line) : "", item.pickedByRisk ? "risk" : "coverage",
                                   item.reasons.joined(separator: "; ")])
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The plan as JSON (sorted keys, so the same plan gives the same bytes).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// One self-contained page (inline CSS, no scripts, no network): summary, coverage per CAMERA dimension,
    /// then the sampled items with their reasons.
    public func html(title: String = "IQA sampling plan") -> String {
        let e = escapeHTML
        var b = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(e(title))</title>\n"
        b += "<style>\n\(Self.css)</style>\n</head>\n<body>\n<h1>\(e(title))</h1>\n"

        // Summary
        let stageText = policy.stage == .interim
            ? "Interim sample: decisions up to \(policy.cutoff ?? "(no cut-off set)")"
            : "Summative sample: all decisions"
        let byRisk = items.filter(\.pickedByRisk).count
        b += "<section class=\"summary\">\n<h2>Summary</h2>\n<ul>\n"
        b += "<li>\(e(stageText)); seed \(policy.seed).</li>\n"
        b += "<li><strong>\(items.count)</strong> of \(population) assessor decisions sampled (\(percent(population == 0 ? 0 : Double(items.count) * 100 / Double(population)))): "
            + "\(byRisk) by risk rate, \(items.count - byRisk) added to complete coverage.</li>\n"
        if excludedAfterCutoff > 0 {
            b += "<li>\(excludedAfterCutoff) decision\(excludedAfterCutoff == 1 ? "" : "s") after the cut-off left for a later sample.</li>\n"
        }
        if engineCompared > 0 {
            let sampledDisagreements = items.filter(\.engineDisagrees).count
            b += "<li>The engine marked \(engineCompared) of the same items and disagrees on \(engineDisagreements); "
                + "\(sampledDisagreements) of those are in the sample.</li>\n"
        }
        let gaps = self.gaps
        b += gaps.isEmpty
            ? "<li>Every group, assessor, method, evidence type, site and learner-unit record has at least \(policy.minimumPerValue) sampled decision\(policy.minimumPerValue == 1 ? "" : "s").</li>\n"
            : "<li class=\"gap\">Not covered: \(gaps.map { e("\($0.dimension.title.lowercased()) \($0.value)") }.joined(separator: ", ")).</li>\n"
        b += "</ul>\n<table class=\"policy\">\n<caption>Rates</caption>\n<tbody>\n"
        for (label, value) in [("New assessor", percent(policy.newAssessorRate)),
                               ("Assessor under an action plan", percent(policy.actionPlanRate)),
                               ("Experienced assessor", percent(policy.experiencedRate)),
                               ("Unit new to the assessor (fewer than \(policy.newUnitThreshold) learners)", percent(policy.newUnitRate)),
                               ("Engine disagrees with the assessor", percent(policy.engineDisagreementRate)),
                               ("Minimum per CAMERA value", "\(policy.minimumPerValue)")] {
            b += "<tr><th scope=\"row\">\(e(label))</th><td>\(e(value))</td></tr>\n"
        }
        b += "</tbody>\n</table>\n</section>\n"

        // Coverage
        let statuses = Dictionary(items.map { ($0.record.assessor, $0.record.assessorStatus?.rawValue ?? "") }, uniquingKeysWith: { a, _ in a })
        b += "<section>\n<h2>Coverage (CAMERA)</h2>\n<div class=\"grid\">\n"
        for c in coverage {
            b += "<table class=\"coverage\">\n<caption>\(e(c.dimension.title))</caption>\n"
            b += "<thead><tr><th scope=\"col\">value</th><th scope=\"col\">sampled</th><th scope=\"col\">share</th></tr></thead>\n<tbody>\n"
            if c.rows.isEmpty {
                b += "<tr><td colspan=\"3\" class=\"none\">not recorded</td></tr>\n"
            }
            for row in c.rows {
                let share = row.total == 0 ? 0 : Double(row.sampled) * 100 / Double(row.total)
                let extra = c.dimension == .assessors ? statuses[row.value].map { $0.isEmpty ? "" : " <span class=\"status\">(\(e($0)))</span>" } ?? "" : ""
                let gap = row.sampled < min(policy.minimumPerValue, row.total)
                b += "<tr\(gap ? " class=\"gap\"" : "")><td>\(e(row.value))\(extra)</td><td class=\"n\">\(row.sampled)/\(row.total)</td>"
                    + "<td><span class=\"bar\"><span style=\"width:\(Int(share.rounded()))%\"></span></span> \(percent(share))</td></tr>\n"
            }
            b += "</tbody>\n</table>\n"
        }
        b += "</div>\n</section>\n"

        // Items
        b += "<section>\n<h2>Sampled decisions</h2>\n<table class=\"items\">\n<thead><tr>"
        for h in ["learner", "unit", "criterion", "assessor", "decision", "engine", "method", "evidence", "site", "date", "group", "why"] {
            b += "<th scope=\"col\">\(h)</th>"
        }
        b += "</tr></thead>\n<tbody>\n"
        for item in items {
            let r = item.record
            let disagree = item.engineDisagrees
            b += "<tr\(disagree ? " class=\"disagree\"" : "")><td>\(e(r.learner))</td><td>\(e(r.unit))</td><td>\(e(r.criterion ?? "overall"))</td>"
                + "<td>\(e(r.assessor))\(r.assessorStatus.map { " <span class=\"status\">(\(e($0.rawValue)))</span>" } ?? "")</td>"
                + "<td>\(e(r.decision))</td><td>\(e(item.engineDecision ?? "—"))</td><td>\(e(r.method))</td><td>\(e(r.evidence ?? "—"))</td>"
                + "<td>\(e(r.site))</td><td class=\"date\">\(e(r.date))</td><td>\(e(r.candidateGroup ?? "—"))</td>"
                + "<td><ul class=\"why\">\(item.reasons.map { "<li>\(e($0))</li>" }.joined())</ul></td></tr>\n"
        }
        if items.isEmpty { b += "<tr><td colspan=\"12\" class=\"none\">nothing to sample</td></tr>\n" }
        b += "</tbody>\n</table>\n</section>\n</body>\n</html>\n"
        return b
    }

    static let css = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; margin: 2em auto; max-width: 84em; padding: 0 1em; }
        h1 { font-size: 1.6em; margin-bottom: .3em; }
        h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 1.6em; }
        table { border-collapse: collapse; margin: .5em 0; }
        caption { text-align: left; font-weight: 600; padding: .3em 0; }
        th, td { border: 1px solid #d8d8d8; padding: .25em .5em; vertical-align: top; text-align: left; }
        thead th { background: #f2f2f4; }
        .policy th { font-weight: normal; background: #fafafa; }
        .grid { display: flex; flex-wrap: wrap; gap: 1.2em; align-items: flex-start; }
        .coverage td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .bar { display: inline-block; width: 5em; height: .7em; background: #eee; vertical-align: middle; }
        .bar span { display: block; height: 100%; background: #3b7dd8; }
        .status { color: #666; font-size: .9em; }
        .gap td, li.gap { color: #a40000; font-weight: 600; }
        .none { color: #777; font-style: italic; }
        .items { width: 100%; font-size: .93em; }
        .items tr.disagree td { background: #fff4e0; }
        .date { white-space: nowrap; }
        ul.why { margin: 0; padding-left: 1.1em; }
        @media print { body { margin: 0; max-width: none; } .items { font-size: .8em; } }

        """
}

func escapeHTML(_ s: String) -> String { Escaping.html(s) }
