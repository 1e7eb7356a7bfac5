// make-sample-cohort: writes Samples/cohort/, a small cohort of submissions for `markbench`'s batch
// marking: some of the Samples/accounts converted to .docx and .odt, some copied as .txt/.md, one
// old-format .doc and one damaged .docx that the importer must refuse, and manifest.csv.
//
//   swift run make-sample-cohort [ACCOUNTS_DIR [COHORT_DIR]]     (defaults: Samples/accounts Samples/cohort)
//
// The output is deterministic: entry dates are fixed, so running it again gives identical bytes.

import Foundation
import ZIPFoundation

/// One learner's submission: which sample it comes from and how it is saved.
struct Submission {
    var learner: String
    var unit: String
    var source: String          // a file in Samples/accounts, or "" for the deliberately bad files
    var file: String            // the name in Samples/cohort
    var decision: String        // the assessor's decision
    var date: String
}

let cohort: [Submission] = [
    Submission(learner: "Amira Khan", unit: "competitive-tool", source: "competitive-tool-strong.md",
               file: "amira-khan-competitive-tool.docx", decision: "competent", date: "2026-10-05"),
    // The assessor passed an account that does not show monitoring: a disagreement to look at.
    Submission(learner: "Daniel Okafor", unit: "service-operations", source: "service-operations-weak-no-monitoring.txt",
               file: "daniel-okafor-service-operations.docx", decision: "competent", date: "2026-10-06"),
    Submission(learner: "Grace Whitfield", unit: "customer-experience", source: "customer-experience-strong.txt",
               file: "grace-whitfield-customer-experience.docx", decision: "competent", date: "2026-10-07"),
    Submission(learner: "Liam Brennan", unit: "service-improvements", source: "service-improvements-strong.txt",
               file: "liam-brennan-service-improvements.odt", decision: "competent", date: "2026-10-08"),
    Submission(learner: "Sofia Marsh", unit: "customer-experience", source: "customer-experience-weak-theory-only.txt",
               file: "sofia-marsh-customer-experience.odt", decision: "not yet competent", date: "2026-10-09"),
    // A borderline account the assessor did not pass.
    Submission(learner: "Tom Ashworth", unit: "service-improvements", source: "service-improvements-borderline.md",
               file: "tom-ashworth-service-improvements.md", decision: "not yet competent", date: "2026-10-12"),
    Submission(learner: "Priya Nair", unit: "competitive-tool", source: "competitive-tool-weak-we.txt",
               file: "priya-nair-competitive-tool.txt", decision: "not yet competent", date: "2026-10-13"),
    Submission(learner: "Owen Price", unit: "service-operations", source: "service-operations-strong.txt",
               file: "owen-price-service-operations.txt", decision: "competent", date: "2026-10-14"),
    Submission(learner: "Megan Lloyd", unit: "customer-experience", source: "",
               file: "old-format.doc", decision: "not yet competent", date: "2026-10-15"),
    Submission(learner: "Callum Reid", unit: "competitive-tool", source: "",
               file: "broken.docx", decision: "competent", date: "2026-10-16"),
]

// MARK: - Reading an account into blocks

enum Block {
    case heading(level: Int, text: String)
    case paragraph(String)
    case item(String)
}

/// Lines starting with '#' are headings; in a file with no '#' headings, short lines that do not
/// end like a sentence are headings too (the first one level 1, the rest level 2). "- " lines are
/// list items; every other non-empty line is a paragraph.
func blocks(of text: String) -> [Block] {
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
    let isMarkdown = lines.contains { $0.hasPrefix("# ") }
    var out: [Block] = []
    for raw in lines {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty { continue }
        if line.hasPrefix("#") {
            let level = line.prefix { $0 == "#" }.count
            out.append(.heading(level: level, text: line.dropFirst(level).trimmingCharacters(in: .whitespaces)))
        } else if line.hasPrefix("- ") {
            out.append(.item(String(line.dropFirst(2))))
        } else if !isMarkdown, line.count <= 90, let first = line.first, first.isLetter,
                  let last = line.last, !".:;,!?".contains(last) {
            out.append(.heading(level: out.isEmpty ? 1 : 2, text: line))
        } else {
            out.append(.paragraph(line))
        }
    }
    return out
}

/// Text split at "**" into (text, bold) runs.
func runs(_ text: String) -> [(text: String, bold: Bool)] {
    text.components(separatedBy: "**").enumerated().compactMap { index, part in
        part.isEmpty ? nil : (part, index % 2 == 1)
    }
}

func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}

// MARK: - ZIP

/// A fixed date for every entry (ZIPFoundation stores it as UTC), so every run writes the same bytes.
let entryDate = Date(timeIntervalSince1970: 1_790_845_200)   // 2026-10-01 09:00:00 UTC

func zip(_ entries: [(String, String)]) throws -> Data {
    let archive = try Archive(accessMode: .create)
    for (path, text) in entries {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                             permissions: 0o644, compressionMethod: path == "mimetype" ? .none : .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return data
}

// MARK: - .docx

let xmlHeader = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
let wordNS = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

func docx(_ blocks: [Block]) throws -> Data {
    func paragraph(_ text: String, style: String?, list: Bool = false) -> String {
        var pPr = ""
        if let style { pPr += #"<w:pStyle w:val="\#(style)"/>"# }
        if list { pPr += #"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"# }
        let body = runs(text).map { run in
            (run.bold ? "<w:r><w:rPr><w:b/></w:rPr>" : "<w:r>") + #"<w:t xml:space="preserve">\#(escape(run.text))</w:t></w:r>"#
        }.joined()
        return "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + body + "</w:p>\n"
    }
    var document = xmlHeader + "<w:document \(wordNS)><w:body>\n"
    for block in blocks {
        switch block {
        case .heading(let level, let text): document += paragraph(text, style: "Heading\(min(level, 3))")
        case .paragraph(let text): document += paragraph(text, style: nil)
        case .item(let text): document += paragraph(text, style: "ListParagraph", list: true)
        }
    }
    document += #"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>"#
    document += "</w:body></w:document>\n"

    let contentTypes = xmlHeader + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
        </Types>

        """
    let rels = xmlHeader + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
        </Relationships>

        """
    let documentRels = xmlHeader + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
        </Relationships>

        """
    func headingStyle(_ level: Int, size: Int) -> String {
        """
        <w:style w:type="paragraph" w:styleId="Heading\(level)"><w:name w:val="heading \(level)"/><w:basedOn w:val="Normal"/>\
        <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>\
        <w:outlineLvl w:val="\(level - 1)"/></w:pPr><w:rPr><w:b/><w:sz w:val="\(size)"/></w:rPr></w:style>

        """
    }
    let styles = xmlHeader + "<w:styles \(wordNS)>\n" + """
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:spacing w:after="160"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr></w:style>

        """ + headingStyle(1, size: 32) + headingStyle(2, size: 28) + headingStyle(3, size: 24) + """
        <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>\
        <w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
        </w:styles>

        """
    let numbering = xmlHeader + "<w:numbering \(wordNS)>\n" + """
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>\
        <w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        </w:numbering>

        """
    return try zip([("[Content_Types].xml", contentTypes), ("_rels/.rels", rels),
                    ("word/_rels/document.xml.rels", documentRels), ("word/document.xml", document),
                    ("word/styles.xml", styles), ("word/numbering.xml", numbering)])
}

// MARK: - .odt

func odt(_ blocks: [Block]) throws -> Data {
    func spans(_ text: String) -> String {
        runs(text).map { $0.bold ? #"<text:span text:style-name="Bold">\#(escape($0.text))</text:span>"# : escape($0.text) }
            .joined()
    }
    var body = ""
    var inList = false
    for block in blocks {
        if case .item = block {} else if inList {
            body += "</text:list>\n"
            inList = false
        }
        switch block {
        case .heading(let level, let text):
            body += #"<text:h text:style-name="Heading_20_\#(level)" text:outline-level="\#(level)">\#(spans(text))</text:h>"# + "\n"
        case .paragraph(let text):
            body += #"<text:p text:style-name="Text_20_body">\#(spans(text))</text:p>"# + "\n"
        case .item(let text):
            if !inList {
                body += #"<text:list text:style-name="Bullets">"# + "\n"
                inList = true
            }
            body += "<text:list-item><text:p>\(spans(text))</text:p></text:list-item>\n"
        }
    }
    if inList { body += "</text:list>\n" }

    let content = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + """
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
        <office:automatic-styles>
        <style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
        <text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•">\
        <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">\
        <style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/>\
        </style:list-level-properties></text:list-level-style-bullet></text:list-style>
        </office:automatic-styles>
        <office:body><office:text>

        """ + body + "</office:text></office:body></office:document-content>\n"
    let manifest = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + """
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
         <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
         <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>

        """
    return try zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content),
                    ("META-INF/manifest.xml", manifest)])
}

// MARK: - Writing the cohort

let arguments = CommandLine.arguments.dropFirst()
let accountsDir = arguments.first ?? "Samples/accounts"
let cohortDir = arguments.dropFirst().first ?? "Samples/cohort"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("make-sample-cohort: \(message)\n".utf8))
    exit(1)
}

var isDirectory: ObjCBool = false
guard FileManager.default.fileExists(atPath: accountsDir, isDirectory: &isDirectory), isDirectory.boolValue else {
    fail("\(accountsDir) is not a folder; run this from the package root or name the accounts folder")
}

do {
    try FileManager.default.createDirectory(atPath: cohortDir, withIntermediateDirectories: true)
    var firstDocx: Data?
    for submission in cohort {
        let target = URL(fileURLWithPath: cohortDir).appendingPathComponent(submission.file)
        let data: Data
        switch submission.file {
        case "old-format.doc":
            // An OLE compound file header (what Word 97–2003 wrote), padded to one 512-byte sector.
            var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
            bytes += [UInt8](repeating: 0, count: 16) + [0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00]
            bytes += [UInt8](repeating: 0xFF, count: 512 - bytes.count)
            data = Data(bytes)
        case "broken.docx":
            // A .docx cut off half way, as an interrupted upload leaves it.
            guard let whole = firstDocx else { fail("broken.docx must come after a good .docx") }
            data = whole.prefix(whole.count / 2)
        default:
            let sourcePath = (accountsDir as NSString).appendingPathComponent(submission.source)
            let text = try String(contentsOfFile: sourcePath, encoding: .utf8)
            switch (submission.file as NSString).pathExtension {
            case "docx":
                data = try docx(blocks(of: text))
                if firstDocx == nil { firstDocx = data }
            case "odt":
                data = try odt(blocks(of: text))
            default:
                data = Data(text.utf8)
            }
        }
        try data.write(to: target)
        print("wrote \(target.path) (\(data.count) bytes)")
    }
    var csv = "learner,unit,file,assessor,assessor_decision,date\n"
    let assessors = ["Helen Marsden", "Raj Patel"]
    for (index, s) in cohort.enumerated() {
        csv += "\(s.learner),\(s.unit),\(s.file),\(assessors[index % 2]),\(s.decision),\(s.date)\n"
    }
    let manifest = (cohortDir as NSString).appendingPathComponent("manifest.csv")
    try csv.write(toFile: manifest, atomically: true, encoding: .utf8)
    print("wrote \(manifest) (\(cohort.count) submissions)")
} catch {
    fail("\(error)")
}
