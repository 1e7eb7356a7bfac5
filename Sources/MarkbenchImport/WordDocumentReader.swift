import Foundation
import MarkbenchDiagnostics
import MarkbenchXML

/// Turns a .docx (Office Open XML) file into text: the paragraphs of `word/document.xml`,
/// with headings and list items marked, deleted (tracked) text left out and inserted text kept.
enum WordDocumentReader {
    static let saveAgainHint = "the file may be damaged or renamed: open it in Word or LibreOffice and save it again as .docx"

    /// WordprocessingML namespaces: transitional (what Word writes) and strict.
    private static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    static func text(from bytes: [UInt8], name: String, limits: ImportLimits) throws(DiagnosticError) -> String {
        let archive = try SafeArchive(bytes: bytes, name: name, kind: "Word document (.docx)",
                                      saveAgainHint: saveAgainHint, limits: limits)
        guard archive.contains("word/document.xml") else {
            var hint = saveAgainHint
            if archive.contains("content.xml") {
                hint = "this looks like an OpenDocument file: rename it to .odt"
            }
            throw DiagnosticError(Diagnostic(code: "import.corrupt", at: SubmissionImporter.location(name),
                                             "the file is not a valid Word document (.docx): word/document.xml is missing",
                                             hint: hint))
        }
        // Styles only help to recognise headings and lists; a damaged styles part is ignored.
        var styles = StyleTable()
        if archive.contains("word/styles.xml"),
           let root = try? archive.xml("word/styles.xml", saveAgainHint: saveAgainHint) {
            styles = StyleTable(root, isWord: isWord)
        }
        guard let root = try archive.xml("word/document.xml", saveAgainHint: saveAgainHint) else {
            throw DiagnosticError(Diagnostic(code: "import.corrupt", at: SubmissionImporter.location(name),
                                             "the file is not a valid Word document (.docx): word/document.xml is missing",
                                             hint: saveAgainHint))
        }
        let reader = Reader(styles: styles)
        var blocks: [TextBlock] = []
        if let body = root.elements.first(where: { isWord($0, "body") }) {
            reader.blocks(in: body, into: &blocks)
        }
        guard let text = TextBlocks.render(blocks) else {
            throw DiagnosticError(Diagnostic(
                code: "import.no-text", at: SubmissionImporter.location(name), "the document has no text",
                hint: "check that this is the right file; if the account is a scan or a picture, type it into a .docx or .txt file"))
        }
        return text
    }

    static func isWord(_ e: XMLElementNode, _ local: String) -> Bool {
        e.name == local && wordNamespaces.contains(e.namespace ?? "")
    }

    /// What a paragraph style means for us, from word/styles.xml.
    struct StyleTable {
        var headingLevel: [String: Int] = [:]
        var isList: Set<String> = []

        init() {}

        init(_ root: XMLElementNode, isWord: (XMLElementNode, String) -> Bool) {
            var name: [String: String] = [:]
            var basedOn: [String: String] = [:]
            var outline: [String: Int] = [:]
            var numbered: Set<String> = []
            for style in root.elements where isWord(style, "style") && style.attribute("type") == "paragraph" {
                guard let id = style.attribute("styleId") else { continue }
                name[id] = style.elements.first { isWord($0, "name") }?.attribute("val")
                basedOn[id] = style.elements.first { isWord($0, "basedOn") }?.attribute("val")
                if let pPr = style.elements.first(where: { isWord($0, "pPr") }) {
                    if let lvl = pPr.elements.first(where: { isWord($0, "outlineLvl") })?.attribute("val").flatMap(Int.init),
                       lvl < 9 {
                        outline[id] = lvl + 1
                    }
                    if let numPr = pPr.elements.first(where: { isWord($0, "numPr") }),
                       numPr.elements.first(where: { isWord($0, "numId") })?.attribute("val") != "0" {
                        numbered.insert(id)
                    }
                }
            }
            for id in name.keys {
                // Follow basedOn a few steps: "My heading" based on "Heading 2" is a heading.
                var current: String? = id
                var steps = 0
                while let c = current, steps < 10 {
                    if headingLevel[id] == nil {
                        if let level = Self.level(ofStyleName: name[c] ?? "") ?? outline[c] {
                            headingLevel[id] = level
                        }
                    }
                    if numbered.contains(c) { isList.insert(id) }
                    current = basedOn[c]
                    steps += 1
                }
            }
        }

        /// "heading 2" → 2, "Title" → 1 (Word keeps English names for built-in styles).
        static func level(ofStyleName styleName: String) -> Int? {
            let lower = styleName.lowercased()
            if lower == "title" { return 1 }
            if lower.hasPrefix("heading") {
                return Int(lower.dropFirst("heading".count).trimmingCharacters(in: .whitespaces)) ?? 1
            }
            return nil
        }
    }

    private final class Reader {
        let styles: StyleTable
        init(styles: StyleTable) { self.styles = styles }

        /// Block-level content: paragraphs, and the paragraphs inside tables, content controls and
        /// custom XML.
        func blocks(in container: XMLElementNode, into blocks: inout [TextBlock]) {
            for child in container.elements {
                if isWord(child, "p") {
                    paragraph(child, into: &blocks)
                } else if isWord(child, "sectPr") || isWord(child, "del") || isWord(child, "moveFrom")
                            || isWord(child, "sdtPr") || child.name == "Fallback" {
                    continue
                } else {
                    // w:tbl, w:tr, w:tc, w:sdt, w:sdtContent, w:customXml, w:ins, mc:AlternateContent…
                    self.blocks(in: child, into: &blocks)
                }
            }
        }

        private func paragraph(_ p: XMLElementNode, into blocks: inout [TextBlock]) {
            let pPr = p.elements.first { isWord($0, "pPr") }
            let styleID = pPr?.elements.first { isWord($0, "pStyle") }?.attribute("val") ?? ""
            if styleID.hasPrefix("TOC") { return }   // table-of-contents entries repeat the headings
            var text = ""
            var nested: [TextBlock] = []
            inline(p, text: &text, nested: &nested)

            var level: Int?
            if styleID.hasPrefix("Heading") {
                level = Int(styleID.dropFirst("Heading".count)) ?? 1
            } else if styleID.hasPrefix("Title") {
                level = 1
            } else if let fromStyles = styles.headingLevel[styleID] {
                level = fromStyles
            }
            if let lvl = pPr?.elements.first(where: { isWord($0, "outlineLvl") })?.attribute("val").flatMap(Int.init) {
                level = lvl < 9 ? lvl + 1 : nil
            }
            var isList = styles.isList.contains(styleID)
            if let numPr = pPr?.elements.first(where: { isWord($0, "numPr") }) {
                isList = numPr.elements.first(where: { isWord($0, "numId") })?.attribute("val") != "0"
            }
            if let level {
                blocks.append(.heading(level: level, text: text))
            } else if isList {
                blocks.append(.listItem(text))
            } else {
                blocks.append(.paragraph(text))
            }
            blocks.append(contentsOf: nested)
        }

        /// Text inside a paragraph. Paragraphs inside text boxes come out as blocks of their own.
        private func inline(_ element: XMLElementNode, text: inout String, nested: inout [TextBlock]) {
            for child in element.children {
                guard case .element(let e) = child else { continue }
                if isWord(e, "t") {
                    text += e.textContent
                } else if isWord(e, "tab") || isWord(e, "ptab") {
                    text += "\t"
                } else if isWord(e, "br") || isWord(e, "cr") {
                    text += "\n"
                } else if isWord(e, "noBreakHyphen") {
                    text += "-"
                } else if isWord(e, "txbxContent") {
                    blocks(in: e, into: &nested)
                } else if isWord(e, "pPr") || isWord(e, "rPr") || isWord(e, "del") || isWord(e, "moveFrom")
                            || isWord(e, "instrText") || isWord(e, "delText") || isWord(e, "delInstrText")
                            || e.name == "Fallback" {
                    continue
                } else {
                    // w:r, w:ins, w:moveTo, w:hyperlink, w:fldSimple, w:smartTag, w:sdt, drawings…
                    inline(e, text: &text, nested: &nested)
                }
            }
        }
    }
}
