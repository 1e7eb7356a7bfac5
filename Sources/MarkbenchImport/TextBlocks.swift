/// One block of a word-processor document, as the importers see it.
enum TextBlock: Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case listItem(String)

    var text: String {
        switch self {
        case .heading(_, let t), .paragraph(let t), .listItem(let t): t
        }
    }

    var isListItem: Bool { if case .listItem = self { true } else { false } }
}

enum TextBlocks {
    /// Renders blocks as Markdown-like text: blocks separated by a blank line, except that
    /// consecutive list items are on consecutive lines; a final newline. Blocks with no text
    /// (empty paragraphs used for spacing) are dropped. Returns nil when nothing is left.
    static func render(_ blocks: [TextBlock]) -> String? {
        var out = ""
        var previous: TextBlock?
        for block in blocks {
            let text = trim(block.text)
            if text.isEmpty { continue }
            if let previous {
                out += previous.isListItem && block.isListItem ? "\n" : "\n\n"
            }
            switch block {
            case .heading(let level, _):
                let flat = text.replacingOccurrences(of: "\n", with: " ")
                out += String(repeating: "#", count: min(max(level, 1), 6)) + " " + flat
            case .paragraph:
                out += text
            case .listItem:
                out += "- " + text
            }
            previous = block
        }
        return out.isEmpty ? nil : out + "\n"
    }

    /// `s` without white space (spaces, tabs, line breaks, no-break spaces) at either end.
    static func trim(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
