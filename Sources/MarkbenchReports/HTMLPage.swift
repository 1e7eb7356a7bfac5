import MarkbenchEngine

/// A self-contained HTML page: inline CSS, no scripts, no external resources; prints on A4.
enum HTMLPage {
    static let css = """
    :root { --s:#dbeafe; --t:#fef3c7; --a:#dcfce7; --r:#fce7f3; --ink:#1f2933; --muted:#52606d; --line:#d9dee3; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
           max-width: 1100px; margin: 24px auto; padding: 0 20px; }
    h1 { font-size: 1.5em; margin: 0 0 4px; } h2 { font-size: 1.15em; margin: 28px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
    .meta { color: var(--muted); margin: 0 0 12px; }
    .badge { display: inline-block; padding: 3px 10px; border-radius: 12px; font-weight: 600; }
    .ok { background: #dcfce7; color: #14532d; } .no { background: #fee2e2; color: #7f1d1d; } .part { background: #fef3c7; color: #713f12; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0; }
    th, td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
    th { background: #f3f5f7; font-weight: 600; }
    td.c { text-align: center; }
    .quote { color: #334e68; } .muted { color: var(--muted); font-size: .9em; }
    .legend span { display: inline-block; padding: 1px 8px; margin-right: 6px; border-radius: 4px; }
    .star-situation { background: var(--s); } .star-task { background: var(--t); } .star-action { background: var(--a); } .star-result { background: var(--r); }
    .account td.text { width: 68%; } .account td.margin { width: 32%; font-size: .88em; }
    .account .ln { color: var(--muted); font-size: .8em; margin-right: 6px; user-select: none; }
    .account .h { font-weight: 700; }
    .tag { display: inline-block; border: 1px solid #94a3b8; border-radius: 10px; padding: 0 7px; margin: 0 4px 4px 0; font-size: .85em; background: #f8fafc; }
    .note { border-left: 3px solid #f59e0b; padding: 2px 6px; margin: 0 0 6px; background: #fffbeb; }
    .note.major { border-color: #dc2626; background: #fef2f2; }
    .box { border: 1px solid var(--ink); padding: 12px 14px; margin-top: 8px; }
    .box .lines div { border-bottom: 1px solid #9aa5b1; height: 28px; }
    ul { margin: 6px 0; padding-left: 22px; }
    @page { size: A4; margin: 14mm; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10.5pt; }
      tr, .note, .box { break-inside: avoid; }
      h2 { break-after: avoid; }
      .badge, .tag, .legend span, [class^="star-"], .note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Text.escapeHTML(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static func badge(_ outcome: Decision.Outcome) -> String {
        outcome == .competent ? "<span class=\"badge ok\">Competent</span>" : "<span class=\"badge no\">Not yet competent</span>"
    }

    static func status(_ s: EvidenceStatus) -> String {
        switch s {
        case .met: "<span class=\"badge ok\">met</span>"
        case .partlyMet: "<span class=\"badge part\">partly met</span>"
        case .notMet: "<span class=\"badge no\">not met</span>"
        }
    }

    static let legend = """
        <p class="legend">STAR: <span class="star-situation">Situation</span><span class="star-task">Task</span>\
        <span class="star-action">Action</span><span class="star-result">Result</span></p>
        """

    /// The account paragraph by paragraph: sentences highlighted by STAR part, criterion tags and
    /// findings in the margin beside the paragraph they concern.
    static func account(_ input: ReportInput, notes: [Int: [Finding]]) -> String {
        let r = input.result
        let bytes = Array(input.text.utf8)
        func slice(_ a: Int, _ b: Int) -> String {
            let a = max(0, min(a, bytes.count)), b = max(a, min(b, bytes.count))
            return String(decoding: bytes[a..<b], as: UTF8.self)
        }
        var paragraphs: [Int: [SentenceAnnotation]] = [:]
        for s in r.sentences { paragraphs[s.paragraph, default: []].append(s) }
        var html = "<table class=\"account\"><tr><th>Account</th><th>Evidence and notes</th></tr>\n"
        for p in paragraphs.keys.sorted() {
            let sentences = paragraphs[p]!
            var text = ""
            for (k, s) in sentences.enumerated() {
                if k > 0 {
                    let gap = slice(sentences[k - 1].end, s.start)
                    text += gap.contains("\n") ? "<br>" : Text.escapeHTML(gap.isEmpty ? "" : " ")
                }
                if k == 0 || slice(sentences[k - 1].end, s.start).contains("\n") {
                    text += "<span class=\"ln\">\(s.line)</span>"
                }
                let cls = s.star.first.map { " class=\"star-\($0)\"" } ?? ""
                let title = s.star.isEmpty ? "" : " title=\"\(s.star.joined(separator: ", "))\""
                let inner = Text.escapeHTML(slice(s.start, s.end))
                text += s.heading ? "<span class=\"h\">\(inner)</span>" : "<span\(cls)\(title)>\(inner)</span>"
            }
            var margin = ""
            let tags = Array(Set(sentences.flatMap(\.evidences))).sorted { a, b in
                (a.hasPrefix("MP") ? 1 : 0, a) < (b.hasPrefix("MP") ? 1 : 0, b)
            }
            for tag in tags { margin += "<span class=\"tag\">\(Text.escapeHTML(tag))</span>" }
            for f in notes[p] ?? [] {
                margin += "<div class=\"note\(f.severity == .major ? " major" : "")\">line \(f.evidence?.line ?? 1): "
                    + Text.escapeHTML(f.message) + "</div>"
            }
            html += "<tr><td class=\"text\">\(text)</td><td class=\"margin\">\(margin)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// Findings grouped by the paragraph of the sentence they point at.
    static func notesByParagraph(_ r: MarkingResult, include: (Finding) -> Bool) -> [Int: [Finding]] {
        var out: [Int: [Finding]] = [:]
        for f in r.findings where include(f) {
            guard let e = f.evidence else { continue }
            // Findings about the whole account start at the first sentence; keep them out of the margin.
            if let last = r.sentences.last, e.start == r.sentences.first?.start, e.end == last.end { continue }
            guard let s = r.sentences.last(where: { $0.start <= e.start }) else { continue }
            out[s.paragraph, default: []].append(f)
        }
        return out
    }
}
