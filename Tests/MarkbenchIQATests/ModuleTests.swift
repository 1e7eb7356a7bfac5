import Testing
@testable import MarkbenchIQA
