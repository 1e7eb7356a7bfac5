import MarkbenchDiagnostics
import MarkbenchXML

/// Turns an .odt (OpenDocument text) file into text: the headings, paragraphs and lists of
/// `content.xml`, with tracked deletions, notes, comments and generated indexes left out.
enum OpenDocumentReader {
    static let saveAgainHint = "the file may be damaged or renamed: open it in LibreOffice or Word and save it again as .odt"
    static let odtMimeType = "application/vnd.oasis.opendocument.text"

    private static let officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    private static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    private static let styleNS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"

    static func text(from bytes: [UInt8], name: String, limits: ImportLimits) throws(DiagnosticError) -> String {
        let here = SubmissionImporter.location(name)
        let archive = try SafeArchive(bytes: bytes, name: name, kind: "OpenDocument text (.odt)",
                                      saveAgainHint: saveAgainHint, limits: limits)
        guard let mimeBytes = try archive.bytes(of: "mimetype", saveAgainHint: saveAgainHint) else {
            var hint = saveAgainHint
            if archive.contains("word/document.xml") { hint = "this looks like a Word document: rename it to .docx" }
            throw DiagnosticError(Diagnostic(code: "import.corrupt", at: here,
                                             "the file is not a valid OpenDocument text (.odt): its mimetype entry is missing",
                                             hint: hint))
        }
        let mimeType = TextBlocks.trim(String(decoding: mimeBytes, as: UTF8.self))
        if mimeType != odtMimeType {
            if mimeType.hasPrefix("application/vnd.oasis.opendocument.") {
                let kind = mimeType.dropFirst("application/vnd.oasis.opendocument.".count)
                throw SubmissionImporter.unsupported(
                    name, "the file is an OpenDocument \(kind), not a text document",
                    "save the account as a text document (.odt or .docx) in LibreOffice Writer or Word")
            }
            throw DiagnosticError(Diagnostic(code: "import.corrupt", at: here,
                                             "the file is not a valid OpenDocument text (.odt): its mimetype is \"\(mimeType.prefix(80))\"",
                                             hint: saveAgainHint))
        }
        if let manifest = try archive.bytes(of: "META-INF/manifest.xml", saveAgainHint: saveAgainHint),
           contains(manifest, Array("encryption-data".utf8)) {
            throw DiagnosticError(Diagnostic(
                code: "import.password-protected", at: here,
                "the document is password-protected (encrypted), so its text cannot be read",
                hint: "password-protected: in LibreOffice choose File → Save As, untick \"Save with password\" and save again"))
        }
        guard let root = try archive.xml("content.xml", saveAgainHint: saveAgainHint) else {
            throw DiagnosticError(Diagnostic(code: "import.corrupt", at: here,
                                             "the file is not a valid OpenDocument text (.odt): content.xml is missing",
                                             hint: saveAgainHint))
        }
        let reader = Reader(titleStyles: titleStyles(in: root))
        var blocks: [TextBlock] = []
        if let body = root.elements.first(where: { $0.name == "body" && $0.namespace == officeNS }),
           let text = body.elements.first(where: { $0.name == "text" && $0.namespace == officeNS }) {
            reader.blocks(in: text, inList: false, into: &blocks)
        }
        guard let text = TextBlocks.render(blocks) else {
            throw DiagnosticError(Diagnostic(
                code: "import.no-text", at: here, "the document has no text",
                hint: "check that this is the right file; if the account is a scan or a picture, type it into a .docx or .txt file"))
        }
        return text
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// "Title" and the automatic paragraph styles derived from it (LibreOffice writes a document
    /// title as `<text:p text:style-name="Title">`, not as a heading).
    private static func titleStyles(in root: XMLElementNode) -> Set<String> {
        var titles: Set<String> = ["Title"]
        if let automatic = root.elements.first(where: { $0.name == "automatic-styles" && $0.namespace == officeNS }) {
            for style in automatic.elements where style.name == "style" && style.namespace == styleNS {
                if style.attribute("parent-style-name") == "Title", let name = style.attribute("name") {
                    titles.insert(name)
                }
            }
        }
        return titles
    }

    private final class Reader {
        let titleStyles: Set<String>
        init(titleStyles: Set<String>) { self.titleStyles = titleStyles }

        private func isText(_ e: XMLElementNode, _ local: String) -> Bool { e.name == local && e.namespace == textNS }

        /// Content not part of the running text: tracked-change records (deleted text lives
        /// there), declarations, forms, comments, notes and generated indexes.
        private func isSkipped(_ e: XMLElementNode) -> Bool {
            if e.namespace == textNS {
                return ["tracked-changes", "sequence-decls", "variable-decls", "user-field-decls", "dde-connection-decls",
                        "table-of-content", "bibliography", "note", "ruby-text"].contains(e.name)
                    || e.name.hasSuffix("-index")
            }
            if e.namespace == officeNS {
                return ["forms", "annotation", "annotation-end"].contains(e.name)
            }
            return false
        }

        func blocks(in container: XMLElementNode, inList: Bool, into blocks: inout [TextBlock]) {
            for e in container.elements { block(e, inList: inList, into: &blocks) }
        }

        private func block(_ e: XMLElementNode, inList: Bool, into blocks: inout [TextBlock]) {
            if isSkipped(e) { return }
            if isText(e, "h") || isText(e, "p") {
                var text = ""
                var collapsible = false
                var nested: [TextBlock] = []
                inline(e, text: &text, collapsible: &collapsible, nested: &nested)
                if inList {
                    blocks.append(.listItem(text))
                } else if isText(e, "h") {
                    let level = e.attribute("outline-level").flatMap(Int.init) ?? 1
                    blocks.append(.heading(level: level, text: text))
                } else if let style = e.attribute("style-name"), titleStyles.contains(style) {
                    blocks.append(.heading(level: 1, text: text))
                } else {
                    blocks.append(.paragraph(text))
                }
                blocks.append(contentsOf: nested)
            } else if isText(e, "list") {
                self.blocks(in: e, inList: true, into: &blocks)
            } else {
                // text:section, text:list-item, table:table, rows, cells…
                self.blocks(in: e, inList: inList, into: &blocks)
            }
        }

        /// Text inside a paragraph or heading. Runs of white space in the XML's text count as one
        /// space and leading white space is dropped (ODF's rule); text:s, text:tab and
        /// text:line-break give literal spaces, tabs and line breaks.
        private func inline(_ element: XMLElementNode, text: inout String, collapsible: inout Bool,
                            nested: inout [TextBlock]) {
            for child in element.children {
                switch child {
                case .text(let run):
                    for ch in run.unicodeScalars {
                        if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" {
                            if !collapsible && !text.isEmpty {
                                text += " "
                                collapsible = true
                            }
                        } else {
                            text.unicodeScalars.append(ch)
                            collapsible = false
                        }
                    }
                case .element(let e):
                    if isSkipped(e) { continue }
                    if isText(e, "s") {
                        let count = e.attribute("c").flatMap(Int.init) ?? 1
                        text += String(repeating: " ", count: min(max(count, 1), 1000))
                        collapsible = false
                    } else if isText(e, "tab") {
                        text += "\t"
                        collapsible = false
                    } else if isText(e, "line-break") {
                        text += "\n"
                        collapsible = false
                    } else if isText(e, "p") || isText(e, "h") || isText(e, "list") {
                        // Paragraphs inside a frame or text box.
                        block(e, inList: false, into: &nested)
                    } else {
                        // text:span, text:a, text:meta, draw:frame, draw:text-box…
                        inline(e, text: &text, collapsible: &collapsible, nested: &nested)
                    }
                }
            }
        }
    }
}
