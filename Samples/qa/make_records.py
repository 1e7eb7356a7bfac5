#!/usr/bin/env python3
"""Writes Samples/qa/records.csv: a deterministic, realistic set of IQA decision records.

Run from anywhere:  python3 Samples/qa/make_records.py
The same script always writes the same file (seeded random numbers, no clock).

The make-up (see the README of the QA module and the tests that rely on it):
- five assessors:
    Joanne Fletcher  experienced, LENIENT: passes criteria the engine and the IQA find not met,
                     more so as the term goes on (about 1 in 4 such criteria in September,
                     1 in 2 in October, 9 in 10 in November);
    Marcus Bell      experienced; one learner on service-operations, a unit new to him;
    Ruth Adeyemi     experienced; customer-experience, graded refer/pass/merit/distinction;
    Kieran Doyle     NEW (started September 2026);
    Sunita Rao       UNDER ACTION PLAN;
- an IQA, "IQA: Elaine Carter", who double-marks three learners' units;
- "engine" rows (Markbench batch marking of the learner's reflective account) for the same
  learner-unit-criterion as most assessor rows on the competent / not yet competent units;
- three sites (Leeds, Sheffield, York), five methods, four candidate groups;
- units = the shipped rubric ids, criteria 1.1-1.4 (1.1-1.3 for competitive-tool) plus an
  overall row; dates from September to November 2026.
"""
import csv
import os
import random

RNG = random.Random(20260901)

HEADER = ["learner", "unit", "criterion", "assessor", "role", "decision", "method", "evidence", "site", "date",
          "assessor_status", "group"]

CRITERIA = {
    "competitive-tool": ["1.1", "1.2", "1.3"],
    "service-improvements": ["1.1", "1.2", "1.3", "1.4"],
    "customer-experience": ["1.1", "1.2", "1.3", "1.4"],
    "service-operations": ["1.1", "1.2", "1.3", "1.4"],
}
ORDINAL_UNITS = {"customer-experience"}
GRADES = ["refer", "pass", "merit", "distinction"]

EVIDENCE = {
    "observation": "observation record",
    "professional discussion": "audio recording",
    "reflective account": "written account",
    "product evidence": "work product",
    "witness testimony": "witness statement",
}

ASSESSORS = {
    "Joanne Fletcher": "experienced",
    "Marcus Bell": "experienced",
    "Ruth Adeyemi": "experienced",
    "Kieran Doyle": "new",
    "Sunita Rao": "under action plan",
}
IQA = "IQA: Elaine Carter"

# learner -> (group, site)
LEARNERS = {
    "Chloe Barker": ("NVQ4 Leeds 2026", "Leeds"),
    "Fatima Ali": ("NVQ4 Leeds 2026", "Leeds"),
    "George Hartley": ("NVQ4 Leeds 2026", "Leeds"),
    "Isla McKenzie": ("NVQ4 Leeds 2026", "Leeds"),
    "Dylan Pryce": ("NVQ4 Leeds 2026", "Leeds"),
    "Ethan Walsh": ("NVQ4 Sheffield 2026", "Sheffield"),
    "Ellie Thornton": ("NVQ4 Sheffield 2026", "Sheffield"),
    "Harvey Nolan": ("NVQ4 Sheffield 2026", "Sheffield"),
    "Jack Sutcliffe": ("Diploma L2 2026", "Sheffield"),
    "Kavya Menon": ("Diploma L2 2026", "Sheffield"),
    "Leo Marshall": ("Diploma L2 2026", "Sheffield"),
    "Ryan Kowalski": ("Diploma L2 2026", "York"),
    "Sana Iqbal": ("Diploma L2 2026", "York"),
    "Maya Osei": ("Cambridge Technical L2 2026", "York"),
    "Noah Fairbairn": ("Cambridge Technical L2 2026", "York"),
    "Olivia Brooks": ("Cambridge Technical L2 2026", "York"),
    "Zara Ahmed": ("Cambridge Technical L2 2026", "York"),
}

# (learner, unit, assessor, date, main method, engine rows?, IQA double-marks?)
ASSESSMENTS = [
    ("Chloe Barker", "competitive-tool", "Joanne Fletcher", "2026-09-10", "professional discussion", True, False),
    ("George Hartley", "service-operations", "Joanne Fletcher", "2026-09-24", "observation", True, False),
    ("Ethan Walsh", "competitive-tool", "Joanne Fletcher", "2026-10-08", "reflective account", True, False),
    ("Chloe Barker", "service-operations", "Joanne Fletcher", "2026-10-21", "observation", True, False),
    ("Fatima Ali", "competitive-tool", "Joanne Fletcher", "2026-11-05", "product evidence", True, True),
    ("Isla McKenzie", "service-operations", "Joanne Fletcher", "2026-11-19", "professional discussion", True, False),
    ("Jack Sutcliffe", "service-improvements", "Marcus Bell", "2026-09-15", "observation", True, False),
    ("Kavya Menon", "service-improvements", "Marcus Bell", "2026-10-13", "witness testimony", False, False),
    ("Leo Marshall", "service-improvements", "Marcus Bell", "2026-11-10", "professional discussion", True, False),
    ("Ethan Walsh", "service-operations", "Marcus Bell", "2026-11-17", "observation", False, False),
    ("Maya Osei", "customer-experience", "Ruth Adeyemi", "2026-09-17", "product evidence", False, False),
    ("Noah Fairbairn", "customer-experience", "Ruth Adeyemi", "2026-10-15", "professional discussion", False, True),
    ("Olivia Brooks", "customer-experience", "Ruth Adeyemi", "2026-11-12", "reflective account", False, False),
    ("Ryan Kowalski", "service-improvements", "Kieran Doyle", "2026-09-29", "observation", True, False),
    ("Sana Iqbal", "service-improvements", "Kieran Doyle", "2026-10-27", "reflective account", False, False),
    ("Zara Ahmed", "customer-experience", "Kieran Doyle", "2026-11-24", "product evidence", False, False),
    ("Dylan Pryce", "service-operations", "Sunita Rao", "2026-09-18", "witness testimony", True, False),
    ("Ellie Thornton", "service-operations", "Sunita Rao", "2026-10-20", "observation", True, True),
    ("Harvey Nolan", "service-operations", "Sunita Rao", "2026-11-03", "professional discussion", False, False),
]

# How often the lenient assessor passes a criterion that is not met, by month.
LENIENCY = {"09": 0.25, "10": 0.5, "11": 0.9}
LENIENT_CREDIT = [0.0]
# The lenient assessor's learners leave as much unmet as anyone's: two criteria each.
UNMET = {(learner, unit): 2 for learner, unit, assessor, *_ in ASSESSMENTS if assessor == "Joanne Fletcher"}


def shift(date, days):
    y, m, d = (int(x) for x in date.split("-"))
    d += days
    length = {9: 30, 10: 31, 11: 30, 12: 31}[m]
    if d > length:
        d -= length
        m += 1
    return "%04d-%02d-%02d" % (y, m, d)


def criterion_method(main):
    """Most criteria are evidenced by the assessment's main method; some by another."""
    if RNG.random() < 0.7:
        return main
    return RNG.choice(sorted(EVIDENCE))


def evidence(method):
    return "" if RNG.random() < 0.12 else EVIDENCE[method]


def nominal(met):
    return "competent" if met else "not yet competent"


rows = []
for learner, unit, assessor, date, main, engine, iqa in ASSESSMENTS:
    group, site = LEARNERS[learner]
    status = ASSESSORS[assessor]
    criteria = CRITERIA[unit]
    methods = {c: criterion_method(main) for c in criteria}
    methods[None] = main
    if unit in ORDINAL_UNITS:
        truth = {c: RNG.choices(range(4), weights=[2, 4, 3, 1])[0] for c in criteria}

        def judge(noise):
            return {c: max(0, min(3, g + (RNG.choice([-1, 1]) if RNG.random() < noise else 0))) for c, g in truth.items()}

        given = judge(0.3 if status == "new" else 0.15)
        decisions = {c: GRADES[g] for c, g in given.items()}
        decisions[None] = GRADES[min(given.values())]
        second = judge(0.1) if iqa else None
        iqa_decisions = None
        if second:
            iqa_decisions = {c: GRADES[g] for c, g in second.items()}
            iqa_decisions[None] = GRADES[min(second.values())]
        engine_decisions = None
    else:
        # Similar work throughout: each learner leaves one or two criteria unmet (sometimes none).
        unmet = set(RNG.sample(criteria, UNMET[learner, unit] if (learner, unit) in UNMET else RNG.choice([1, 1, 2, 2])))
        truth = {c: c not in unmet for c in criteria}
        if assessor == "Joanne Fletcher":
            # Error diffusion rather than coin flips, so each month's share of waved-through criteria is exact.
            given = {}
            for c in criteria:
                if truth[c]:
                    given[c] = True
                else:
                    LENIENT_CREDIT[0] += LENIENCY[date[5:7]]
                    given[c] = LENIENT_CREDIT[0] >= 1
                    if given[c]:
                        LENIENT_CREDIT[0] -= 1
        else:
            noise = 0.08 if status != "experienced" else 0.04
            given = {c: t != (RNG.random() < noise) for c, t in truth.items()}
        decisions = {c: nominal(m) for c, m in given.items()}
        decisions[None] = nominal(all(given.values()))
        engine_view = {c: t != (RNG.random() < 0.05) for c, t in truth.items()}
        engine_decisions = {c: nominal(m) for c, m in engine_view.items()}
        engine_decisions[None] = nominal(all(engine_view.values()))
        iqa_view = {c: t != (RNG.random() < 0.04) for c, t in truth.items()}
        iqa_decisions = {c: nominal(m) for c, m in iqa_view.items()} if iqa else None
        if iqa_decisions:
            iqa_decisions[None] = nominal(all(iqa_view.values()))
        if not engine:
            engine_decisions = None

    items = criteria + [None]
    for c in items:
        m = methods[c]
        rows.append([learner, unit, c or "", assessor, "assessor", decisions[c], m, evidence(m), site, date, status, group])
    if engine_decisions:
        engine_date = shift(date, RNG.choice([0, 1]))
        for c in items:
            rows.append([learner, unit, c or "", "engine", "engine", engine_decisions[c], "reflective account",
                         "written account", site, engine_date, "", group])
    if iqa_decisions:
        iqa_date = shift(date, RNG.randint(5, 9))
        for c in items:
            m = methods[c]
            rows.append([learner, unit, c or "", IQA, "iqa", iqa_decisions[c], m, EVIDENCE[m], site, iqa_date, "", group])

ROLE_ORDER = {"assessor": 0, "engine": 1, "iqa": 2}
rows.sort(key=lambda r: (r[9], r[0], r[1], ROLE_ORDER[r[4]], r[2] == "", r[2]))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "records.csv")
with open(out, "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)


# A short account of what was written, so drift and leniency can be eyeballed.
def rate(selected):
    met = sum(1 for r in selected if r[5] in ("competent", "pass", "merit", "distinction"))
    return "%d/%d" % (met, len(selected))


print("wrote %s: %d rows" % (out, len(rows)))
for who in list(ASSESSORS) + [IQA, "engine"]:
    mine = [r for r in rows if r[3] == who and r[2]]
    print("  %-18s %3d rows, criteria achieved %s" % (who, len([r for r in rows if r[3] == who]), rate(mine)))
engine_index = {(r[0], r[1], r[2]): r[5] for r in rows if r[4] == "engine"}
for month in ("09", "10", "11"):
    for who in ("Joanne Fletcher", "Marcus Bell", "Sunita Rao", "Kieran Doyle"):
        pairs = [(r[5], engine_index[(r[0], r[1], r[2])]) for r in rows
                 if r[3] == who and r[2] and r[9][5:7] == month and (r[0], r[1], r[2]) in engine_index]
        if pairs:
            passes_engine_fails = sum(1 for a, e in pairs if a == "competent" and e != "competent")
            print("  %s-%s %-16s vs engine: %d criteria, agree %d, assessor passes / engine does not %d"
                  % ("2026", month, who, len(pairs), sum(1 for a, e in pairs if a == e), passes_engine_fails))
