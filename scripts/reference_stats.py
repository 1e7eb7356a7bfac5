#!/usr/bin/env python3
"""Write the reference values that MarkbenchQA's agreement statistics are tested against.

Usage:
    pip install scikit-learn statsmodels krippendorff
    python3 scripts/reference_stats.py [OUTPUT]

OUTPUT defaults to Tests/MarkbenchQATests/Fixtures/reference-stats.json (relative to the
package root, wherever the script is run from). The Swift tests
(Tests/MarkbenchQATests/ReferenceStatsTests.swift) read that file; Python is needed only to
regenerate it, never to build or test Markbench.

Every case is a rating matrix of items x raters (None = a missing rating) with an ordered
category list. For each case the script computes, where the statistic applies:

  cohen.unweighted / cohen.linear / cohen.quadratic
      sklearn.metrics.cohen_kappa_score(a, b, labels=categories, weights=None/"linear"/"quadratic")
      (exactly two raters, no missing ratings)
  fleiss
      statsmodels.stats.inter_rater.fleiss_kappa(aggregate_raters(ratings)[0]), or on the case's
      own counts table when it gives one (no missing ratings)
  alpha.nominal / alpha.ordinal / alpha.interval
      krippendorff.alpha(reliability_data=raters x units, level_of_measurement=...,
      value_domain=categories) (interval only for numeric categories, without value_domain)

A statistic the reference leaves undefined (NaN, or a ValueError such as krippendorff's "There
has to be more than one value in the domain") is written as null; Swift must then give nil.
Floats are written with repr(), so every double round-trips exactly.

The file also holds test vectors for the bootstrap's generator (SplitMix64, xoshiro256**, and
the bounded draw) and bootstrap percentile intervals computed here with the same generator and
resampling order as Swift (Sources/MarkbenchQA/Statistics/Bootstrap.swift), with the statistic
from the reference libraries and the quantiles from numpy.percentile (linear interpolation).
"""

from __future__ import annotations

import json
import math
import os
import sys
import warnings
from importlib.metadata import version

import numpy as np
import krippendorff
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(ROOT, "Tests", "MarkbenchQATests", "Fixtures", "reference-stats.json")

MASK = (1 << 64) - 1

# ---------------------------------------------------------------------------------------------
# The generator (mirrors Bootstrap.swift; see the references there)


class SplitMix64:
    """Vigna's SplitMix64; used to expand a 64-bit seed into xoshiro256**'s state."""

    def __init__(self, seed: int):
        self.state = seed & MASK

    def next(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def _rotl(x: int, k: int) -> int:
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    """Blackman and Vigna's xoshiro256** 1.0, state seeded with four SplitMix64 outputs."""

    def __init__(self, seed: int):
        sm = SplitMix64(seed)
        self.s = [sm.next() for _ in range(4)]

    def next(self) -> int:
        s = self.s
        result = (_rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = _rotl(s[3], 45)
        return result

    def below(self, n: int) -> int:
        """A uniform integer in 0..<n: Lemire's multiply-shift with rejection (unbiased)."""
        m = self.next() * n
        low = m & MASK
        if low < n:
            threshold = ((1 << 64) - n) % n
            while low < threshold:
                m = self.next() * n
                low = m & MASK
        return m >> 64


# ---------------------------------------------------------------------------------------------
# Reference statistics


def _clean(x) -> float | None:
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def cohen(a, b, categories, weights):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return _clean(cohen_kappa_score(a, b, labels=categories, weights=weights))
        except ValueError:
            return None


def fleiss_from_counts(counts):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return _clean(fleiss_kappa(np.asarray(counts), method="fleiss"))


def fleiss(ratings):
    table, _ = aggregate_raters(np.asarray(ratings, dtype=object if _is_text(ratings) else None))
    return fleiss_from_counts(table)


def _is_text(matrix) -> bool:
    return any(isinstance(v, str) for row in matrix for v in row)


def alpha(ratings, categories, level):
    """krippendorff.alpha on the items x raters matrix (transposed to raters x units)."""
    raters = max((len(row) for row in ratings), default=0)
    text = _is_text(ratings) or any(isinstance(c, str) for c in categories)
    data = [[(row[r] if r < len(row) and row[r] is not None else np.nan) for row in ratings] for r in range(raters)]
    kwargs = {"level_of_measurement": level}
    if text:
        data = np.asarray([[("nan" if isinstance(v, float) else v) for v in row] for row in data])
    else:
        data = np.asarray(data, dtype=float)
    if level != "interval":
        kwargs["value_domain"] = categories
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return _clean(krippendorff.alpha(reliability_data=data, **kwargs))
        except ValueError:
            return None


# ---------------------------------------------------------------------------------------------
# Cases


def seeded_ordinal_pair(seed: int, items: int, categories: int):
    """Two raters on an ordinal scale 1...categories: b is a plus small noise, clipped."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, categories + 1, size=items)
    noise = rng.choice([-2, -1, 0, 0, 0, 0, 1, 1, 2], size=items)
    b = np.clip(a + noise, 1, categories)
    return [[int(x), int(y)] for x, y in zip(a, b)]


def seeded_nominal(seed: int, items: int, raters: int, categories: int):
    """Each item has a 'true' category; each rater gives it with probability 0.7, else a random one."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(items):
        truth = int(rng.integers(0, categories))
        row = []
        for _ in range(raters):
            row.append(truth if rng.random() < 0.7 else int(rng.integers(0, categories)))
        rows.append(row)
    return rows


def seeded_ordinal_missing(seed: int, items: int, raters: int, categories: int, missing: float):
    """Ordinal ratings 1...categories around a true value, each rating missing with probability `missing`."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(items):
        truth = int(rng.integers(1, categories + 1))
        row = []
        for _ in range(raters):
            if rng.random() < missing:
                row.append(None)
            else:
                row.append(int(np.clip(truth + rng.choice([-1, 0, 0, 0, 1]), 1, categories)))
        rows.append(row)
    return rows


def transpose_with_missing(raters_by_units):
    units = len(raters_by_units[0])
    return [[row[u] for row in raters_by_units] for u in range(units)]


def fleiss_wikipedia():
    """Fleiss (1971) as worked on Wikipedia: 10 subjects, 14 raters, 5 categories, kappa 0.210."""
    counts = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    ratings = [[c for c, n in enumerate(row, start=1) for _ in range(n)] for row in counts]
    return counts, ratings


def cases():
    out = []

    def add(name, description, ratings, categories, counts=None):
        out.append({"name": name, "description": description, "categories": categories,
                    "ratings": ratings, **({"counts": counts} if counts is not None else {})})

    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, 3]
    b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 2]
    add("domain-note", "the domain note's known value: .7222 / .8039 / .8837",
        [[x, y] for x, y in zip(a, b)], [1, 2, 3, 4])
    add("seeded-ordinal-50", "two raters, 4 ordered categories, 50 items (numpy default_rng(20240601))",
        seeded_ordinal_pair(20240601, 50, 4), [1, 2, 3, 4])
    add("absent-middle-category",
        "categories 1..5 where 3 is never used: weights still count it (2 and 4 are two steps apart)",
        [[1, 1], [2, 2], [4, 4], [2, 4], [5, 4], [1, 2], [4, 5], [5, 5], [2, 1], [4, 2]], [1, 2, 3, 4, 5])
    add("binary", "two raters, yes/no (0/1), 20 items",
        [[1, 1], [1, 1], [0, 0], [1, 0], [0, 0], [1, 1], [0, 1], [1, 1], [0, 0], [0, 0],
         [1, 1], [1, 0], [0, 0], [1, 1], [0, 0], [1, 1], [1, 1], [0, 1], [0, 0], [1, 1]], [0, 1])
    add("worse-than-chance", "two raters who always disagree on a binary scale",
        [[0, 1], [1, 0], [0, 1], [1, 0], [0, 1], [1, 0]], [0, 1])
    add("text-ordinal-pair", "string labels whose order is not alphabetical",
        [["very low", "very low"], ["low", "low"], ["mid", "mid"], ["mid", "mid"], ["low", "low"],
         ["very low", "low"], ["high", "high"], ["very low", "very low"], ["low", "low"], ["mid", "high"],
         ["very high", "very high"], ["high", "mid"]],
        ["very low", "low", "mid", "high", "very high"])
    add("all-agree-pair", "two raters who agree on every item, three categories used",
        [[1, 1], [2, 2], [3, 3], [1, 1], [2, 2], [3, 3], [1, 1]], [1, 2, 3])
    add("one-category-pair", "two raters, one category everywhere (chance agreement is 1)",
        [[2, 2]] * 6, [1, 2, 3])
    add("fleiss-nominal-5-raters", "5 raters, 3 nominal categories, 30 items (numpy default_rng(7))",
        seeded_nominal(7, 30, 5, 3), [0, 1, 2])
    counts, ratings = fleiss_wikipedia()
    add("fleiss-wikipedia", "Fleiss (1971) as on Wikipedia: 10 subjects, 14 raters, 5 categories (.210)",
        ratings, [1, 2, 3, 4, 5], counts)
    add("fleiss-binary-4-raters", "4 raters, binary, 12 items",
        [[1, 1, 1, 1], [1, 1, 0, 1], [0, 0, 0, 0], [0, 1, 0, 0], [1, 1, 1, 0], [0, 0, 0, 0],
         [1, 1, 1, 1], [0, 0, 1, 1], [1, 0, 1, 1], [0, 0, 0, 1], [1, 1, 1, 1], [0, 0, 0, 0]], [0, 1])
    add("all-agree-3-raters", "3 raters who agree on every item, four categories used",
        [[1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4], [2, 2, 2], [1, 1, 1]], [1, 2, 3, 4])
    add("one-category-3-raters", "3 raters, one category everywhere",
        [["yes", "yes", "yes"]] * 5, ["yes", "no"])
    # krippendorff's README / docstring: 3 coders x 15 units (nominal .691358, interval .810845).
    nan = None
    readme = [[nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
              [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
              [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4]]
    add("krippendorff-readme", "the krippendorff package README: 3 coders, 15 units, missing data",
        transpose_with_missing(readme), [1, 2, 3, 4])
    # Krippendorff (2011) "Computing Krippendorff's alpha-reliability", p. 8: 4 observers x 12 units (ordinal .815).
    k2011 = [[1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
             [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
             [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
             [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]]
    add("krippendorff-2011", "Krippendorff (2011) p. 8: 4 observers, 12 units, missing data (ordinal .815)",
        transpose_with_missing(k2011), [1, 2, 3, 4, 5])
    names = ["very low", "low", "mid", "high", "very high"]
    add("krippendorff-2011-text", "the same with string values and an explicit ordered domain",
        [[(names[v - 1] if v is not None else None) for v in row] for row in transpose_with_missing(k2011)],
        names)
    add("krippendorff-seeded-missing", "4 raters, ordinal 1..4, 40 units, about 25 % missing (numpy default_rng(99))",
        seeded_ordinal_missing(99, 40, 4, 4, 0.25), [1, 2, 3, 4])
    add("krippendorff-all-agree-missing", "raters agree wherever they rate; some units have one rating only",
        [[1, 1, None], [2, None, 2], [3, 3, 3], [None, 4, None], [2, 2, None], [None, None, None]], [1, 2, 3, 4])
    add("krippendorff-one-rater", "one rater only: no unit is pairable, alpha undefined",
        [[1], [2], [3], [2]], [1, 2, 3])
    add("krippendorff-one-category-missing", "one category everywhere with missing data",
        [[2, 2, None], [2, None, 2], [None, 2, 2]], [1, 2, 3])
    return out


def expected_for(case):
    ratings, categories = case["ratings"], case["categories"]
    raters = {len(row) for row in ratings}
    complete = all(v is not None for row in ratings for v in row) and len(raters) == 1
    numeric = all(isinstance(c, int) for c in categories)
    exp = {}
    if complete and raters == {2}:
        a = [row[0] for row in ratings]
        b = [row[1] for row in ratings]
        exp["cohen.unweighted"] = cohen(a, b, categories, None)
        exp["cohen.linear"] = cohen(a, b, categories, "linear")
        exp["cohen.quadratic"] = cohen(a, b, categories, "quadratic")
    if complete:
        exp["fleiss"] = fleiss_from_counts(case["counts"]) if "counts" in case else fleiss(ratings)
    exp["alpha.nominal"] = alpha(ratings, categories, "nominal")
    exp["alpha.ordinal"] = alpha(ratings, categories, "ordinal")
    if numeric:
        exp["alpha.interval"] = alpha(ratings, categories, "interval")
    return [{"statistic": k, "value": v} for k, v in exp.items()]


# ---------------------------------------------------------------------------------------------
# Bootstrap cross-checks


def bootstrap(items, statistic, seed, resamples, confidence):
    """Percentile bootstrap, resampling items with replacement: the same draws as Swift."""
    rng = Xoshiro256StarStar(seed)
    n = len(items)
    values = []
    for _ in range(resamples):
        sample = [items[rng.below(n)] for _ in range(n)]
        v = statistic(sample)
        if v is not None:
            values.append(v)
    tail = (1 - confidence) / 2
    lower, upper = np.percentile(values, [100 * tail, 100 * (1 - tail)], method="linear")
    return {"estimate": statistic(items), "lower": float(lower), "upper": float(upper), "defined": len(values)}


def bootstraps(case_list):
    by_name = {c["name"]: c for c in case_list}
    out = []

    def pair_stat(categories, weights):
        return lambda s: cohen([r[0] for r in s], [r[1] for r in s], categories, weights)

    specs = [
        ("seeded-ordinal-50", "cohen.quadratic", 42, 1000, 0.95),
        ("domain-note", "cohen.unweighted", 7, 500, 0.90),
        ("fleiss-nominal-5-raters", "fleiss", 2024, 400, 0.95),
        ("krippendorff-seeded-missing", "alpha.ordinal", 11, 300, 0.95),
    ]
    for name, stat, seed, resamples, confidence in specs:
        case = by_name[name]
        cats = case["categories"]
        if stat.startswith("cohen."):
            fn = pair_stat(cats, {"unweighted": None, "linear": "linear", "quadratic": "quadratic"}[stat[6:]])
        elif stat == "fleiss":
            fn = fleiss
        else:
            fn = lambda s, cats=cats, lv=stat[6:]: alpha(s, cats, lv)
        result = bootstrap(case["ratings"], fn, seed, resamples, confidence)
        out.append({"case": name, "statistic": stat, "seed": str(seed), "resamples": resamples,
                    "confidence": confidence, **result})
    return out


def generator_vectors():
    seed = 1234567
    sm = SplitMix64(seed)
    xo = Xoshiro256StarStar(seed)
    xo_below = Xoshiro256StarStar(seed)
    return {
        "seed": str(seed),
        "splitmix64": [str(sm.next()) for _ in range(5)],
        "xoshiro256starstar": [str(xo.next()) for _ in range(5)],
        "below": {"bound": 10, "values": [xo_below.below(10) for _ in range(20)]},
    }


def main(argv):
    output = argv[1] if len(argv) > 1 else DEFAULT_OUTPUT
    case_list = cases()
    for case in case_list:
        case["expected"] = expected_for(case)
    document = {
        "generatedBy": "scripts/reference_stats.py",
        "libraries": {name: version(name) for name in ["scikit-learn", "statsmodels", "krippendorff", "numpy"]},
        "cases": case_list,
        "generator": generator_vectors(),
        "bootstraps": bootstraps(case_list),
    }
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    with open(output, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, allow_nan=False)
        f.write("\n")
    # The domain note's values must hold, or something is badly wrong.
    dn = {e["statistic"]: e["value"] for e in case_list[0]["expected"]}
    assert round(dn["cohen.unweighted"], 4) == 0.7222, dn
    assert round(dn["cohen.linear"], 4) == 0.8039, dn
    assert round(dn["cohen.quadratic"], 4) == 0.8837, dn
    print(f"wrote {len(case_list)} cases and {len(document['bootstraps'])} bootstrap checks to {output}")
    for case in case_list:
        values = ", ".join(f"{e['statistic']}={'null' if e['value'] is None else format(e['value'], '.4f')}"
                           for e in case["expected"])
        print(f"  {case['name']}: {values}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
