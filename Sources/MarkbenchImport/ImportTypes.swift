/// Limits applied to every submission before and while it is read. Each one guards against a
/// file that would use unbounded memory or time: an oversized upload, a ZIP entry that inflates
/// to gigabytes, or an archive with thousands of entries.
public struct ImportLimits: Sendable, Hashable {
    /// Largest submission file accepted, in bytes (checked before the file is read).
    public var maxFileBytes: Int
    /// Largest uncompressed size of one ZIP entry (e.g. `word/document.xml`), in bytes.
    public var maxEntryBytes: Int
    /// Largest uncompressed ÷ compressed size of any ZIP entry.
    public var maxCompressionRatio: Double
    /// Most entries a .docx or .odt archive may hold.
    public var maxEntries: Int

    public init(maxFileBytes: Int = 20 * 1_048_576, maxEntryBytes: Int = 50 * 1_048_576,
                maxCompressionRatio: Double = 100, maxEntries: Int = 2000) {
        self.maxFileBytes = maxFileBytes
        self.maxEntryBytes = maxEntryBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxEntries = maxEntries
    }
}

/// The kinds of submission Markbench reads. The raw value is the file extension.
public enum SubmissionFormat: String, Sendable, CaseIterable {
    case text = "txt"
    case markdown = "md"
    case docx
    case odt
}

/// A submission turned into text the marker can read.
///
/// For .txt and .md files `text` is the file's contents unchanged. For .docx and .odt it is
/// Markdown-like plain text: one paragraph per block separated by a blank line, headings as
/// `# ` (`## ` for level 2…), list items as `- ` lines with no blank line between consecutive
/// items, and a final newline.
public struct ImportedDocument: Sendable, Hashable {
    public var text: String
    public var format: SubmissionFormat
    /// The path or name the submission was read from, as given (used in every diagnostic).
    public var path: String

    public init(text: String, format: SubmissionFormat, path: String) {
        self.text = text
        self.format = format
        self.path = path
    }
}
