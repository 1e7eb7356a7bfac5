/// Why an agreement statistic could not be computed from the input it was given.
///
/// Undefined statistics (one category everywhere, no pairable unit, no items) are not errors:
/// they come back as `nil`. These errors are for input that is malformed, such as ratings
/// outside the category list or a ragged matrix where the statistic needs a rectangular one.
public enum AgreementInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The two raters' label lists have different lengths.
    case lengthMismatch(first: Int, second: Int)
    /// The ordered category list names the same category twice (zero-based positions).
    case duplicateCategory(String, first: Int, second: Int)
    /// A rating is not in the category list (zero-based item and rater).
    case unknownCategory(String, item: Int, rater: Int)
    /// Fleiss' κ needs the same number of ratings for every item (zero-based item).
    case unequalRatings(item: Int, expected: Int, found: Int)
    /// A row of a Fleiss counts table is malformed (zero-based item).
    case invalidCounts(item: Int, reason: String)
    /// Interval α needs numeric values; this category or rating is not a finite number.
    case notNumeric(String)
    /// A parameter is out of range (for example a confidence level outside 0…1).
    case invalidParameter(name: String, value: String, reason: String)

    public var description: String {
        switch self {
        case let .lengthMismatch(first, second):
            return "the two raters' lists differ in length (\(first) and \(second) labels) — give one label per item for each rater"
        case let .duplicateCategory(name, first, second):
            return "category \"\(name)\" appears twice in the category list (positions \(first + 1) and \(second + 1)) — list each category once"
        case let .unknownCategory(name, item, rater):
            return "item \(item + 1), rater \(rater + 1): \"\(name)\" is not in the category list — add it to the list or correct the rating"
        case let .unequalRatings(item, expected, found):
            return "item \(item + 1) has \(found) ratings but item 1 has \(expected) — Fleiss' κ needs the same number of ratings per item (use Krippendorff's α for missing ratings)"
        case let .invalidCounts(item, reason):
            return "counts table, item \(item + 1): \(reason)"
        case let .notNumeric(value):
            return "\"\(value)\" is not a finite number — interval α needs numeric categories"
        case let .invalidParameter(name, value, reason):
            return "\(name) = \(value): \(reason)"
        }
    }
}

/// Maps each category of an ordered list to its position, rejecting duplicates.
func categoryIndex<T: Hashable>(_ categories: [T]) throws -> [T: Int] {
    var index: [T: Int] = [:]
    index.reserveCapacity(categories.count)
    for (position, category) in categories.enumerated() {
        if let earlier = index[category] {
            throw AgreementInputError.duplicateCategory(String(describing: category), first: earlier, second: position)
        }
        index[category] = position
    }
    return index
}
