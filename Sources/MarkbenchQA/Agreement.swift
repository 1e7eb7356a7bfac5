/// Agreement between two raters over the same items.
public struct Agreement: Sendable, Codable, Hashable {
    public var items: Int
    public var agreed: Int
    /// Proportion of items on which the raters agree, 0…1.
    public var percent: Double
    /// Cohen's κ; nil when undefined (fewer than one item, or chance agreement is 1).
    public var kappa: Double?

    /// Percent agreement and Cohen's κ for two parallel label lists.
    public static func cohen<T: Hashable>(_ a: [T], _ b: [T]) -> Agreement {
        precondition(a.count == b.count, "rater lists must be the same length")
        let n = a.count
        guard n > 0 else { return Agreement(items: 0, agreed: 0, percent: 0, kappa: nil) }
        let agreed = zip(a, b).filter { $0 == $1 }.count
        let po = Double(agreed) / Double(n)
        var countA: [T: Int] = [:], countB: [T: Int] = [:]
        for x in a { countA[x, default: 0] += 1 }
        for x in b { countB[x, default: 0] += 1 }
        var pe = 0.0
        for (category, ca) in countA { pe += Double(ca) / Double(n) * Double(countB[category] ?? 0) / Double(n) }
        let kappa: Double? = pe >= 1 ? nil : (po - pe) / (1 - pe)
        return Agreement(items: n, agreed: agreed, percent: po, kappa: kappa)
    }
}
