import Foundation
import MarkbenchDiagnostics
@testable import MarkbenchIQA
import MarkbenchQA
import Testing

private func makePlan(_ policy: SamplingPolicy = SamplingPolicy(), engine: [LearnerUnit: String] = [:]) throws -> SamplingPlan {
    Sampler.plan(records: try sampleRecords(), policy: policy, engineDecisions: engine)
}

private func record(_ learner: String, _ unit: String = "service-operations", criterion: String? = nil, assessor: String = "Raj",
                    decision: String = "competent", method: String = "observation", site: String = "Leeds",
                    date: String = "2026-10-01", status: AssessorStatus? = .experienced, role: RaterRole = .assessor,
                    group: String? = nil, evidence: String? = nil) -> DecisionRecord {
    DecisionRecord(learner: learner, unit: unit, criterion: criterion, assessor: assessor, role: role, decision: decision,
                   method: method, evidence: evidence, site: site, date: date, assessorStatus: status, candidateGroup: group)
}

@Suite("Sampling plans")
struct SamplingTests {
    @Test func theShippedPolicyIsTheDefault() throws {
        #expect(try SamplingPolicy.read(samplePolicyPath) == SamplingPolicy())
        let d = SamplingPolicy()
        #expect(d.newAssessorRate == 100 && d.actionPlanRate == 50 && d.experiencedRate == 10)
        #expect(d.newUnitThreshold == 3 && d.engineDisagreementRate == 100 && d.minimumPerValue == 1 && d.stage == .summative)
    }

    @Test func policyFilesAreChecked() throws {
        let partial = try temporaryFile("p.json", "{\"experiencedRate\": 25}")
        let p = try SamplingPolicy.read(partial)
        #expect(p.experiencedRate == 25 && p.newAssessorRate == 100)
        for (json, code) in [("{\"experiencedRates\": 25}", "policy.unknown-key"), ("{\"experiencedRate\": 150}", "policy.bad-rate"),
                             ("{\"stage\": \"interim\"}", "policy.no-cutoff"), ("{\"stage\": \"interim\", \"cutoff\": \"15/10/2026\"}", "policy.bad-date"),
                             ("{\"stage\": \"final\"}", "policy.bad-json"), ("[1]", "policy.bad-json")] {
            let path = try temporaryFile("p.json", json)
            do {
                _ = try SamplingPolicy.read(path)
                Issue.record("\(json) must be refused")
            } catch {
                #expect(error.diagnostics.first?.code == code, "\(json)")
                #expect(error.diagnostics.allSatisfy { $0.hint != nil })
            }
        }
    }

    @Test func everyCameraValueIsCovered() throws {
        let records = try sampleRecords()
        let plan = try makePlan()
        let assessed = records.filter { $0.role == .assessor }
        let items = plan.items.map(\.record)
        #expect(Set(items.map(\.assessor)) == Set(assessed.map(\.assessor)))
        #expect(Set(items.map(\.method)) == Set(assessed.map(\.method)))
        #expect(Set(items.map(\.site)) == Set(assessed.map(\.site)))
        #expect(Set(items.compactMap(\.candidateGroup)) == Set(assessed.compactMap(\.candidateGroup)))
        #expect(Set(items.compactMap(\.evidence)) == Set(assessed.compactMap(\.evidence)))
        #expect(Set(items.map(\.learnerUnit)) == Set(assessed.map(\.learnerUnit)))
        #expect(plan.gaps.isEmpty)
        // Only assessors' decisions are sampled; engine and IQA rows are evidence about them.
        #expect(items.allSatisfy { $0.role == .assessor })
        #expect(plan.population == assessed.count)
        // The coverage tables count every assessor decision once per dimension.
        for c in plan.coverage where c.dimension != .candidates && c.dimension != .evidence {
            #expect(c.rows.map(\.total).reduce(0, +) == assessed.count, "\(c.dimension)")
            #expect(c.rows.map(\.sampled).reduce(0, +) == plan.items.count, "\(c.dimension)")
            #expect(c.rows.allSatisfy { $0.sampled >= 1 && $0.sampled <= $0.total })
        }
        #expect(plan.coverage.map(\.dimension) == [.candidates, .assessors, .methods, .evidence, .records, .sites])
        #expect(plan.coverage(.sites)["Leeds"]!.total == assessed.filter { $0.site == "Leeds" }.count)
        // Every item says why, in words.
        #expect(plan.items.allSatisfy { !$0.reasons.isEmpty })
        #expect(plan.items.contains { $0.reasons.contains("new assessor (100 % rate)") })
        #expect(plan.items.contains { $0.reasons.contains("engine disagrees with the assessor") })
    }

    @Test func coverageAddsTheEarliestRecordWithAReason() {
        // Nothing is picked by risk (all rates 0), so coverage alone decides.
        let policy = SamplingPolicy(newAssessorRate: 0, actionPlanRate: 0, experiencedRate: 0, newUnitRate: 0, engineDisagreementRate: 0)
        let records = [
            record("Ann", site: "York", date: "2026-10-09"),
            record("Ann", criterion: "1.1", site: "York", date: "2026-10-02"),
            record("Ann", site: "Leeds", date: "2026-10-05", status: .experienced),
        ]
        let plan = Sampler.plan(records: records, policy: policy)
        #expect(plan.items.count == 2)
        #expect(plan.items.map(\.record.site).sorted() == ["Leeds", "York"])
        // The earliest Leeds and York records: York's on 2 October (criterion 1.1), Leeds's on 5 October.
        #expect(plan.items.map(\.record.date).sorted() == ["2026-10-02", "2026-10-05"])
        // Raj's earliest record also covers York, the method and the learner-unit record; Leeds needs its own.
        #expect(plan.items.map(\.reasons) == [["covers site Leeds"], ["covers assessor Raj"]])   // items in stable order: overall first
        #expect(plan.items.allSatisfy { !$0.pickedByRisk })

        let none = Sampler.plan(records: records, policy: SamplingPolicy(newAssessorRate: 0, actionPlanRate: 0, experiencedRate: 0,
                                                                        newUnitRate: 0, engineDisagreementRate: 0, minimumPerValue: 0))
        #expect(none.items.isEmpty)
        let all = Sampler.plan(records: records, policy: SamplingPolicy(experiencedRate: 100))
        #expect(all.items.count == 3 && all.items.allSatisfy(\.pickedByRisk))
    }

    @Test func theSameSeedGivesTheSamePlan() throws {
        let a = try makePlan()
        let b = try makePlan()
        #expect(a.items == b.items)
        #expect(try a.csv() == b.csv())
        #expect(a.html() == b.html())
        #expect(try a.json() == b.json())
        // The order of the input does not matter either.
        var shuffled = try sampleRecords()
        var rng = SplitMix64(seed: 99)
        shuffled.shuffle(using: &rng)
        #expect(Sampler.plan(records: shuffled, policy: SamplingPolicy()).items == a.items)
    }

    @Test func aDifferentSeedCanGiveADifferentPlan() throws {
        let base = try makePlan()
        let others = try (1...10).map { seed -> [SampledItem] in
            var p = SamplingPolicy()
            p.seed = UInt64(seed)
            return try makePlan(p).items
        }
        #expect(others.contains { $0 != base.items })
    }

    @Test func everyDecisionOfTheNewAssessorIsSampled() throws {
        let records = try sampleRecords()
        let plan = try makePlan()
        let kieran = records.filter { $0.assessor == "Kieran Doyle" }
        #expect(kieran.count >= 10 && kieran.allSatisfy { $0.assessorStatus == .new })
        let sampled = plan.items.filter { $0.record.assessor == "Kieran Doyle" }
        #expect(sampled.count == kieran.count)
        #expect(sampled.allSatisfy { $0.pickedByRisk && $0.reasons.contains("new assessor (100 % rate)") })
        #expect(plan.coverage(.assessors)["Kieran Doyle"] == CoverageRow(value: "Kieran Doyle", sampled: kieran.count, total: kieran.count))
    }

    @Test func raisingTheExperiencedRateSamplesMoreOfTheirWork() throws {
        func experiencedSampled(_ rate: Double) throws -> Int {
            try makePlan(SamplingPolicy(experiencedRate: rate)).items.filter { $0.record.assessorStatus == .experienced }.count
        }
        let low = try experiencedSampled(10)
        let high = try experiencedSampled(50)
        let all = try experiencedSampled(100)
        let experienced = try sampleRecords().filter { $0.role == .assessor && $0.assessorStatus == .experienced }.count
        #expect(low < high)
        #expect(high < all)
        #expect(all == experienced)
        // Raising a rate only ever adds records picked by risk (one draw per record).
        let lowRisk = Set(try makePlan(SamplingPolicy(experiencedRate: 10)).items.filter(\.pickedByRisk).map(\.record))
        let highRisk = Set(try makePlan(SamplingPolicy(experiencedRate: 50)).items.filter(\.pickedByRisk).map(\.record))
        #expect(lowRisk.isSubset(of: highRisk))
    }

    @Test func theActionPlanRateSitsBetween() throws {
        let records = try sampleRecords()
        let sunita = records.filter { $0.assessor == "Sunita Rao" }.count
        let none = try makePlan(SamplingPolicy(actionPlanRate: 0, engineDisagreementRate: 0, minimumPerValue: 0))
            .items.filter { $0.record.assessor == "Sunita Rao" }.count
        let full = try makePlan(SamplingPolicy(actionPlanRate: 100)).items.filter { $0.record.assessor == "Sunita Rao" }.count
        #expect(none == 0)
        #expect(full == sunita)
        let half = try makePlan().items.filter { $0.record.assessor == "Sunita Rao" && $0.pickedByRisk }
        #expect(half.contains { $0.reasons.contains("assessor under an action plan (50 % rate)") })
    }

    @Test func engineDisagreementsFromTheFileAreAlwaysIn() throws {
        let records = try sampleRecords()
        var engine: [String: String] = [:]
        for r in records where r.role == .engine { engine["\(r.learner)|\(r.unit)|\(r.criterion ?? "")"] = r.decision }
        let disagreements = records.filter {
            r in r.role == .assessor && engine["\(r.learner)|\(r.unit)|\(r.criterion ?? "")"].map { $0 != r.decision } == true
        }
        #expect(disagreements.count >= 5)
        // Even with experienced assessors at 0 % and no coverage minimum, each disagreement is sampled.
        let plan = try makePlan(SamplingPolicy(experiencedRate: 0, minimumPerValue: 0))
        let sampled: [DecisionRecord: SampledItem] = Dictionary(plan.items.map { ($0.record, $0) }, uniquingKeysWith: { a, _ in a })
        for r in disagreements {
            let item = try #require(sampled[r], Comment(rawValue: "line \(r.line) is an engine disagreement and must be sampled"))
            #expect(item.reasons.contains("engine disagrees with the assessor"))
            #expect(item.engineDisagrees)
        }
        #expect(plan.engineDisagreements == disagreements.count)
        // The lenient assessor's disagreements are there.
        #expect(plan.items.contains { $0.record.assessor == "Joanne Fletcher" && $0.engineDisagrees })
    }

    @Test func engineDecisionsFromBatchMarkingAreUsed() {
        let records = [record("Ann", decision: "competent"), record("Ben", decision: "competent"), record("Cy", decision: "not yet competent")]
        let policy = SamplingPolicy(experiencedRate: 0, minimumPerValue: 0)
        #expect(Sampler.plan(records: records, policy: policy).items.isEmpty)
        let engine = [LearnerUnit(learner: "Ann", unit: "service-operations"): "NYC",
                      LearnerUnit(learner: "Ben", unit: "service-operations"): "competent",
                      LearnerUnit(learner: "Cy", unit: "service-operations"): "competent"]
        let plan = Sampler.plan(records: records, policy: policy, engineDecisions: engine)
        #expect(plan.items.map(\.record.learner) == ["Ann", "Cy"])
        #expect(plan.items.map(\.engineDecision) == ["not yet competent", "competent"])
        #expect(plan.engineCompared == 3 && plan.engineDisagreements == 2)
        // At a rate below 100 % the reason says so.
        var half = policy
        half.engineDisagreementRate = 50
        half.seed = 1
        let reasons = (0..<40).flatMap { seed -> [String] in
            half.seed = UInt64(seed)
            return Sampler.plan(records: records, policy: half, engineDecisions: engine).items.flatMap(\.reasons)
        }
        #expect(reasons.contains("engine disagrees with the assessor (50 % rate)"))
    }

    @Test func aUnitNewToTheAssessorIsSampled() throws {
        let plan = try makePlan()
        let records = try sampleRecords()
        let marcusNew = records.filter { $0.assessor == "Marcus Bell" && $0.unit == "service-operations" }
        #expect(!marcusNew.isEmpty)
        let sampled = plan.items.filter { $0.record.assessor == "Marcus Bell" && $0.record.unit == "service-operations" }
        #expect(sampled.count == marcusNew.count)
        #expect(sampled.allSatisfy { $0.reasons.contains { $0.hasPrefix("new unit for this assessor: 1 learner decided, fewer than 3") } })
        // With the threshold at 0 the rule is off.
        let off = try makePlan(SamplingPolicy(newUnitThreshold: 0, minimumPerValue: 0))
        #expect(!off.items.contains { $0.reasons.contains { $0.hasPrefix("new unit") } })
    }

    @Test func interimPlansStopAtTheCutOff() throws {
        let records = try sampleRecords()
        let cutoff = "2026-10-15"
        let plan = try makePlan(SamplingPolicy(stage: .interim, cutoff: cutoff))
        let assessed = records.filter { $0.role == .assessor }
        #expect(!plan.items.isEmpty)
        #expect(plan.items.allSatisfy { $0.record.date <= cutoff })
        #expect(plan.population == assessed.filter { $0.date <= cutoff }.count)
        #expect(plan.excludedAfterCutoff == assessed.filter { $0.date > cutoff }.count)
        #expect(plan.excludedAfterCutoff > 0)
        #expect(plan.coverage.allSatisfy { $0.rows.allSatisfy { $0.sampled >= 1 } })
        // Summative looks at everything, and the cut-off alone does nothing.
        let summative = try makePlan(SamplingPolicy(stage: .summative, cutoff: cutoff))
        #expect(summative.population == assessed.count && summative.excludedAfterCutoff == 0)
        #expect(summative.items.contains { $0.record.date > cutoff })
        #expect(plan.html().contains("Interim sample: decisions up to 2026-10-15"))
    }

    @Test func csvHasOneRowPerItemWithReasonsJoined() throws {
        let plan = try makePlan()
        let csv = try plan.csv()
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.first.map(String.init) == SamplingPlan.csvColumns.joined(separator: ","))
        #expect(SamplingPlan.csvColumns.last == "reasons")
        #expect(lines.count == plan.items.count + 1)
        let multi = try #require(plan.items.first { $0.reasons.count > 1 })
        #expect(csv.contains(multi.reasons.joined(separator: "; ")))
        #expect(csv.hasSuffix("\n") && !csv.hasSuffix("\n\n"))
    }

    @Test func htmlIsSelfContained() throws {
        let plan = try makePlan()
        let html = plan.html(title: "Plan <autumn>")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>") && !html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("<title>Plan &lt;autumn&gt;</title>"))
        for name in ["Joanne Fletcher", "Marcus Bell", "Ruth Adeyemi", "Kieran Doyle", "Sunita Rao", "Leeds", "Sheffield", "York",
                     "professional discussion", "witness testimony", "Assessment sites", "Records (learner and unit)"] {
            #expect(html.contains(name), "\(name)")
        }
        #expect(html.contains("new assessor (100 % rate)"))
        #expect(html.components(separatedBy: "<tr").count > plan.items.count)
        // Balanced tags for the elements the page uses.
        for tag in ["table", "tr", "td", "ul", "li", "section", "span"] {
            #expect(html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
                == html.components(separatedBy: "</\(tag)>").count - 1, "\(tag)")
        }
    }

    @Test func splitMix64MatchesTheReference() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        var unit = SplitMix64(seed: 7)
        for _ in 0..<1000 { #expect((0..<1).contains(unit.nextUnit())) }
    }
}
