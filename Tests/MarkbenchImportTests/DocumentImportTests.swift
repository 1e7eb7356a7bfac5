import Foundation
import MarkbenchDiagnostics
import MarkbenchImport
import Testing

@Suite struct DocumentImportTests {
    @Test func wordDocumentBecomesParagraphsHeadingsAndLists() throws {
        let body = """
            <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Reflective account</w:t></w:r></w:p>\
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Situation</w:t></w:r></w:p>\
            <w:p><w:r><w:t xml:space="preserve">I am the Front Office Manager at Esk House Hotel. </w:t></w:r>\
            <w:r><w:rPr><w:b/></w:rPr><w:t>The owner’s “direct booking” budget was £1,200.</w:t></w:r></w:p>\
            <w:p/>\
            <w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Action (AC 1.1)</w:t></w:r></w:p>\
            <w:p><w:r><w:t>I set up:</w:t></w:r></w:p>\
            <w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>\
            <w:r><w:t>a three-question survey;</w:t></w:r></w:p>\
            <w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>\
            <w:hyperlink w:history="1"><w:r><w:t>a review log.</w:t></w:r></w:hyperlink></w:p>\
            <w:p><w:pPr><w:pStyle w:val="MyHeading"/></w:pPr><w:r><w:t>Results</w:t></w:r></w:p>\
            <w:p><w:r><w:t>KPI</w:t></w:r><w:r><w:tab/><w:t>Before</w:t><w:tab/><w:t>After</w:t></w:r></w:p>\
            <w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t></w:r></w:p>\
            <w:p><w:r><w:t xml:space="preserve">We </w:t></w:r>\
            <w:del w:id="1" w:author="A"><w:r><w:delText xml:space="preserve">never </w:delText></w:r></w:del>\
            <w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">now </w:t></w:r></w:ins>\
            <w:r><w:t>reply within a day.</w:t></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Direct bookings 34%</w:t></w:r></w:p></w:tc>\
            <w:tc><w:p><w:r><w:t>45%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            """
        let styles = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My heading"/><w:basedOn w:val="Heading3"/></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/></w:style>\
            </w:styles>
            """
        let folder = try TempFolder()
        let path = try folder.write("account.docx", Fixture.docx(body: body, extra: [(path: "word/styles.xml", text: styles)]))
        let document = try SubmissionImporter.read(path)
        #expect(document.format == .docx)
        #expect(document.path == path)
        #expect(document.text == """
            # Reflective account

            # Situation

            I am the Front Office Manager at Esk House Hotel. The owner’s “direct booking” budget was £1,200.

            ## Action (AC 1.1)

            I set up:

            - a three-question survey;
            - a review log.

            ### Results

            KPI\tBefore\tAfter

            Line one
            line two

            We now reply within a day.

            Direct bookings 34%

            45%

            """)
    }

    @Test func openDocumentBecomesParagraphsHeadingsAndLists() throws {
        let text = """
            <text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>\
            <text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>\
            <text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>\
            <text:p text:style-name="P1">Reflective account</text:p>
            <text:h text:outline-level="1">Situation</text:h>
            <text:p>I am the Box Office Supervisor.  \
            <text:span text:style-name="T1">The owner’s “panto” budget was £1,200.</text:span></text:p>
            <text:h text:outline-level="2">Action (AC 1.1)</text:h>
            <text:p>I set up:</text:p>
            <text:list text:style-name="L1"><text:list-item><text:p>a rota;</text:p></text:list-item>\
            <text:list-item><text:p>a “quiet hour”.</text:p></text:list-item></text:list>
            <text:p>KPI<text:tab/>Before<text:tab/>After</text:p>
            <text:p>Three<text:s text:c="3"/>spaces and a<text:line-break/>new line</text:p>
            <text:p><text:change text:change-id="ct1"/>Notes<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>\
            <text:note-body><text:p>A footnote.</text:p></text:note-body></text:note> are left out.</text:p>
            <text:p/>
            <table:table><table:table-row><table:table-cell><text:p>Calls answered 61%</text:p></table:table-cell>\
            <table:table-cell><text:p>85%</text:p></table:table-cell></table:table-row></table:table>
            """
        let folder = try TempFolder()
        let path = try folder.write("account.odt", Fixture.odt(
            text: text,
            automaticStyles: #"<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>"#))
        let document = try SubmissionImporter.read(path)
        #expect(document.format == .odt)
        #expect(document.text == """
            # Reflective account

            # Situation

            I am the Box Office Supervisor. The owner’s “panto” budget was £1,200.

            ## Action (AC 1.1)

            I set up:

            - a rota;
            - a “quiet hour”.

            KPI\tBefore\tAfter

            Three   spaces and a
            new line

            Notes are left out.

            Calls answered 61%

            85%

            """)
    }

    @Test func textAndMarkdownComeBackUnchanged() throws {
        let folder = try TempFolder()
        let text = "\u{FEFF}Reflective account\r\n\r\nThe owner’s budget was £1,200.\r\n"
        let txt = try SubmissionImporter.read(folder.write("account.txt", Array(text.utf8)))
        #expect(txt.text == text)
        #expect(txt.format == .text)
        let markdown = "# Account\n\n- one\n- two\n"
        let md = try SubmissionImporter.read(bytes: Array(markdown.utf8), name: "Account.MD")
        #expect(md.text == markdown)
        #expect(md.format == .markdown)
        #expect(md.path == "Account.MD")
    }

    @Test func textFilesAreCheckedAsUTF8() throws {
        let folder = try TempFolder()
        let path = try folder.write("latin1.txt", Array("The budget was ".utf8) + [0xA3] + Array("1,200.\n".utf8))
        do {
            _ = try SubmissionImporter.read(path)
            Issue.record("expected invalid UTF-8 to be refused")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["input.invalid-utf8"])
            #expect(error.diagnostics.first?.location == MarkbenchDiagnostics.SourceLocation(file: path, line: 1, column: 16))
        }
        let empty = try folder.write("empty.md", Array(" \n\n".utf8))
        #expect(importFailure(empty)?.code == "input.empty")
    }

    @Test func missingFileAndFolderAreNamed() throws {
        let folder = try TempFolder()
        let missing = folder.url.appendingPathComponent("nope.docx").path
        #expect(importFailure(missing)?.code == "input.not-found")
        #expect(importFailure(folder.url.path)?.code == "input.directory")
    }
}
