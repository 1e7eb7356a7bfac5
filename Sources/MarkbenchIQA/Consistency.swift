import Foundation
import MarkbenchQA

/// How consistently assessors judge: agreement for every pair of markers (assessor v. engine,
/// assessor v. IQA, assessors double-marking), many-rater reliability, each assessor's
/// leniency or severity, agreement per unit and per criterion, drift over time, and flags in
/// plain words.
public struct ConsistencyReport: Sendable, Codable {
    public struct PairAgreement: Sendable, Codable, Hashable {
        public var raterA: String
        public var raterB: String
        /// assessor-engine, assessor-iqa, assessor-assessor, iqa-engine …
        public var kind: String
        public var items: Int
        public var percent: Double
        public var kappa: Double?
        /// Quadratic-weighted κ when every shared item is on the ordinal scale.
        public var weightedKappa: Double?
        public var kappaInterval: BootstrapInterval?
    }
    public struct Leniency: Sendable, Codable, Hashable {
        public var assessor: String
        /// "engine" or "IQA".
        public var against: String
        public var items: Int
        public var assessorRate: Double
        public var otherRate: Double
        /// Percentage points: positive = more lenient than the comparison.
        public var difference: Double
        public var kappa: Double?
    }
    public struct GroupAgreement: Sendable, Codable, Hashable {
        public var group: String
        public var items: Int
        public var percent: Double
        public var kappa: Double?
    }
    public struct DriftPoint: Sendable, Codable, Hashable {
        public var assessor: String
        public var month: String
        public var items: Int
        public var agreement: Double
        public var leniency: Double
    }
    public struct ManyRaters: Sendable, Codable, Hashable {
        public var raters: Int
        public var items: Int
        public var alphaNominal: Double?
        public var alphaOrdinal: Double?
        /// Fleiss' κ (achieved / not) over the items rated by the most common number of markers
        /// (Fleiss needs the same number of ratings per item); nil when fewer than 3 markers share items.
        public var fleissKappa: Double?
        public var fleissItems: Int
        public var fleissRatersPerItem: Int
    }
    public struct Flag: Sendable, Codable, Hashable {
        public var assessor: String
        public var message: String
    }

    public var records: Int
    public var pairs: [PairAgreement]
    public var manyRaters: ManyRaters
    public var leniency: [Leniency]
    public var perUnit: [GroupAgreement]
    public var perCriterion: [GroupAgreement]
    public var drift: [DriftPoint]
    public var flags: [Flag]
    public var seed: UInt64
    public var resamples: Int

    /// Thresholds for flags: κ below `kappaFloor` (with at least `minimumItems` shared items) and
    /// leniency beyond `leniencyLimit` percentage points.
    public static let kappaFloor = 0.6
    public static let leniencyLimit = 15.0
    public static let minimumItems = 5

    private struct Item: Hashable, Comparable {
        var learner, unit, criterion: String
        static func < (a: Item, b: Item) -> Bool { (a.learner, a.unit, a.criterion) < (b.learner, b.unit, b.criterion) }
    }

    public init(records: [DecisionRecord], seed: UInt64 = 2026, resamples: Int = 1000) {
        self.records = records.count
        self.seed = seed
        self.resamples = resamples
        // The latest decision of each rater on each item.
        var byItem: [Item: [String: DecisionRecord]] = [:]
        var roles: [String: RaterRole] = [:]
        for r in records.sorted(by: { ($0.date, $0.line) < ($1.date, $1.line) }) {
            byItem[Item(learner: r.learner, unit: r.unit, criterion: r.criterion ?? "overall"), default: [:]][r.assessor] = r
            roles[r.assessor] = r.role
        }
        let items = byItem.keys.sorted()
        let raters = roles.keys.sorted()
        func kind(_ a: String, _ b: String) -> String {
            [roles[a]!, roles[b]!].map(\.rawValue).sorted { order($0) < order($1) }.joined(separator: "-")
        }

        // Every pair of raters that share items.
        var pairs: [PairAgreement] = []
        for (i, a) in raters.enumerated() {
            for b in raters[(i + 1)...] {
                let shared = items.filter { byItem[$0]?[a] != nil && byItem[$0]?[b] != nil }
                guard shared.count >= 2 else { continue }
                let da = shared.map { byItem[$0]![a]!.decision }, db = shared.map { byItem[$0]![b]!.decision }
                let basic = Agreement.cohen(da, db)
                var weighted: Double?
                if shared.allSatisfy({ byItem[$0]![a]!.scale == .ordinal && byItem[$0]![b]!.scale == .ordinal }) {
                    weighted = try? Agreement.weightedKappa(da, db, categories: DecisionScale.ordinal.decisions, weighting: .quadratic)
                }
                let interval = try? Bootstrap.cohenKappa(da, db, resamples: resamples, seed: seed)
                let (first, second) = order(roles[a]!.rawValue) <= order(roles[b]!.rawValue) ? (a, b) : (b, a)
                pairs.append(PairAgreement(raterA: first, raterB: second, kind: kind(a, b), items: shared.count,
                                           percent: basic.percent, kappa: basic.kappa, weightedKappa: weighted,
                                           kappaInterval: interval))
            }
        }
        self.pairs = pairs.sorted { (order($0.kind), $0.raterA, $0.raterB) < (order($1.kind), $1.raterA, $1.raterB) }

        // Many raters: Krippendorff's α over items × raters, missing where a rater did not mark.
        let nominalUnits = items.map { item in raters.map { byItem[item]?[$0]?.isAchieved.map { $0 ? "achieved" : "not" } } }
        let ordinalItems = items.filter { item in byItem[item]!.values.allSatisfy { $0.scale == .ordinal } }
        let ordinalUnits = ordinalItems.map { item in raters.map { byItem[item]?[$0]?.decision } }
        let achievedSets = items.map { item in raters.compactMap { byItem[item]?[$0]?.isAchieved } }
        var perCount: [Int: Int] = [:]
        for set in achievedSets where set.count >= 3 { perCount[set.count, default: 0] += 1 }
        let fleissK = perCount.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
        let fleissRows = achievedSets.filter { $0.count == fleissK && fleissK >= 3 }
        let fleiss = fleissRows.count >= 2 ? (try? FleissKappa(ratings: fleissRows, categories: [true, false]))?.kappa : nil
        manyRaters = ManyRaters(
            raters: raters.count, items: items.count,
            alphaNominal: KrippendorffAlpha.nominal(nominalUnits).alpha,
            alphaOrdinal: ordinalItems.isEmpty ? nil
                : (try? KrippendorffAlpha(units: ordinalUnits, categories: DecisionScale.ordinal.decisions, level: .ordinal))?.alpha,
            fleissKappa: fleiss, fleissItems: fleissRows.count, fleissRatersPerItem: fleissK)

        // Leniency of each assessor against the engine and the IQA, on the same items.
        var leniency: [Leniency] = []
        let assessors = raters.filter { roles[$0] == .assessor }
        for assessor in assessors {
            for (label, role) in [("engine", RaterRole.engine), ("IQA", RaterRole.iqa)] {
                var mine: [Bool] = [], theirs: [Bool] = []
                for item in items {
                    guard let m = byItem[item]?[assessor]?.isAchieved,
                          let other = byItem[item]?.values.first(where: { $0.role == role })?.isAchieved else { continue }
                    mine.append(m)
                    theirs.append(other)
                }
                guard !mine.isEmpty else { continue }
                let rateA = Double(mine.filter { $0 }.count) / Double(mine.count)
                let rateB = Double(theirs.filter { $0 }.count) / Double(theirs.count)
                leniency.append(Leniency(assessor: assessor, against: label, items: mine.count, assessorRate: rateA,
                                         otherRate: rateB, difference: (rateA - rateB) * 100,
                                         kappa: Agreement.cohen(mine, theirs).kappa))
            }
        }
        self.leniency = leniency

        // Assessor v. engine, per unit and per criterion.
        func grouped(_ key: (Item) -> String) -> [GroupAgreement] {
            var pairsByGroup: [String: ([Bool], [Bool])] = [:]
            for item in items {
                guard let engine = byItem[item]?.values.first(where: { $0.role == .engine })?.isAchieved else { continue }
                for record in byItem[item]!.values where record.role == .assessor {
                    guard let mine = record.isAchieved else { continue }
                    pairsByGroup[key(item), default: ([], [])].0.append(mine)
                    pairsByGroup[key(item), default: ([], [])].1.append(engine)
                }
            }
            return pairsByGroup.keys.sorted().map { g in
                let a = Agreement.cohen(pairsByGroup[g]!.0, pairsByGroup[g]!.1)
                return GroupAgreement(group: g, items: a.items, percent: a.percent, kappa: a.kappa)
            }
        }
        perUnit = grouped { $0.unit }
        perCriterion = grouped { "\($0.unit) \($0.criterion)" }

        // Drift: per assessor and month, agreement with the engine and leniency.
        var drift: [DriftPoint] = []
        for assessor in assessors {
            var byMonth: [String: ([Bool], [Bool])] = [:]
            for item in items {
                guard let record = byItem[item]?[assessor], let mine = record.isAchieved,
                      let engine = byItem[item]?.values.first(where: { $0.role == .engine })?.isAchieved else { continue }
                let month = String(record.date.prefix(7))
                byMonth[month, default: ([], [])].0.append(mine)
                byMonth[month, default: ([], [])].1.append(engine)
            }
            for month in byMonth.keys.sorted() {
                let (a, b) = byMonth[month]!
                let agree = Double(zip(a, b).filter { $0 == $1 }.count) / Double(a.count)
                let lenient = (Double(a.filter { $0 }.count) - Double(b.filter { $0 }.count)) / Double(a.count) * 100
                drift.append(DriftPoint(assessor: assessor, month: month, items: a.count, agreement: agree, leniency: lenient))
            }
        }
        self.drift = drift

        // Flags, in plain words.
        var flags: [Flag] = []
        for l in leniency where l.items >= Self.minimumItems && abs(l.difference) >= Self.leniencyLimit {
            let more = l.difference > 0
            flags.append(Flag(assessor: l.assessor, message: String(
                format: "%@ passes %.0f %% %@ of the same criteria than the %@ (%.0f %% against %.0f %% of %d items)%@",
                l.assessor, abs(l.difference), more ? "more" : "fewer", l.against, l.assessorRate * 100, l.otherRate * 100, l.items,
                l.kappa.map { String(format: ", κ %.2f", $0) } ?? "")))
        }
        for p in self.pairs where p.items >= Self.minimumItems && (p.kappa ?? 1) < Self.kappaFloor {
            let assessor = roles[p.raterA] == .assessor ? p.raterA : p.raterB
            flags.append(Flag(assessor: assessor, message: String(
                format: "%@ and %@ agree on %.0f %% of %d shared decisions, κ %.2f: below %.2f (only moderate or worse)",
                p.raterA, p.raterB, p.percent * 100, p.items, p.kappa ?? 0, Self.kappaFloor)))
        }
        for assessor in assessors {
            let points = drift.filter { $0.assessor == assessor && $0.items >= 2 }
            guard let first = points.first, let last = points.last, points.count >= 2 else { continue }
            if last.leniency - first.leniency >= 20 {
                flags.append(Flag(assessor: assessor, message: String(
                    format: "%@ is drifting towards leniency: %+.0f points against the engine in %@, %+.0f in %@",
                    assessor, first.leniency, first.month, last.leniency, last.month)))
            }
        }
        self.flags = flags
    }

    private static func orderKey(_ s: String) -> Int { s.hasPrefix("assessor") ? 0 : s.hasPrefix("iqa") ? 1 : 2 }
}

private func order(_ kind: String) -> Int {
    kind.hasPrefix("assessor") ? 0 : kind.hasPrefix("iqa") ? 1 : 2
}
