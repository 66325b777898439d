"""Statistical tests and intervals in numpy and the standard library only.

SciPy and statsmodels used to supply these; together they cost ≈ 2-4 s of import time and
≈ 100 MB of the installed program for five formulas. The formulas are textbook closed forms;
tests/test_stats.py checks them against SciPy and statsmodels (test-only dependencies) over
many random inputs, extreme p-values included.
"""

from __future__ import annotations

import math

import numpy as np

from barometer_gui.core.i18n import t

#: corrections for many comparisons: key (specs, CLI) → the method's name (`correction_name` for text)
CORRECTIONS = {
    "holm": "Holm",
    "bonferroni": "Bonferroni",
    "fdr_bh": "Benjamini-Hochberg (FDR)",
    "none": "ingen korreksjon",  # a catalogue source: shown through correction_name()
}


def correction_name(key: str) -> str:
    """The correction as a reader sees it, in the current language."""
    return t("ingen korreksjon") if key == "none" else CORRECTIONS[key]


_erfc = np.frompyfunc(math.erfc, 1, 1)  # the C library's erfc: full relative precision far into the tail


def effective_base(sum_w: np.ndarray, sum_w2: np.ndarray) -> np.ndarray:
    """Kish's n_eff = (Σw)² / Σw²: the unweighted sample size with the same precision; 0 when empty."""
    sum_w = np.asarray(sum_w, dtype=float)
    sum_w2 = np.asarray(sum_w2, dtype=float)
    safe = np.where(sum_w2 > 0, sum_w2, 1.0)
    return np.where(sum_w2 > 0, sum_w * sum_w / safe, 0.0)


def kish_effective_base(weights: np.ndarray) -> float:
    return float(effective_base(weights.sum(), (weights**2).sum()))


def normal_upper_quantile(tail: float) -> float:
    """z with P(Z > z) = tail (statsmodels' `norm.isf`), for 0 < tail < 1.

    Acklam's rational approximation (relative error 1e-9) polished by Newton steps on erfc,
    which brings it to machine precision.
    """
    if not 0.0 < tail < 1.0:
        raise ValueError("tail probability must lie strictly between 0 and 1")
    p = min(tail, 1.0 - tail)  # solve in the lower half, mirror at the end
    if p < 0.02425:
        q = math.sqrt(-2.0 * math.log(p))
        z = (
            (
                (
                    ((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838) * q
                    - 2.549732539343734
                )
                * q
                + 4.374664141464968
            )
            * q
            + 2.938163982698783
        ) / (
            (
                ((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996) * q
                + 3.754408661907416
            )
            * q
            + 1.0
        )
    else:
        q = p - 0.5
        r = q * q
        z = (
            (
                (
                    (
                        ((-3.969683028665376e01 * r + 2.209460984245205e02) * r - 2.759285104469687e02) * r
                        + 1.383577518672690e02
                    )
                    * r
                    - 3.066479806614716e01
                )
                * r
                + 2.506628277459239
            )
            * q
            / (
                (
                    (
                        ((-5.447609879822406e01 * r + 1.615858368580409e02) * r - 1.556989798598866e02) * r
                        + 6.680131188771972e01
                    )
                    * r
                    - 1.328068155288572e01
                )
                * r
                + 1.0
            )
        )
    for _ in range(2):  # z is the lower quantile (negative): Φ(z) = erfc(-z/√2)/2
        density = math.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi)
        z -= (0.5 * math.erfc(-z / math.sqrt(2.0)) - p) / density
    return -z if tail <= 0.5 else z


def wilson_interval(p: np.ndarray, n_eff: np.ndarray, alpha: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Two-sided Wilson score interval on the effective base, clipped to [0, 1] as statsmodels does.

    Equals `proportion_confint(p * n, n, alpha, method="wilson")`; NaN where the base is empty.
    """
    p = np.asarray(p, dtype=float)
    n = np.broadcast_to(np.asarray(n_eff, dtype=float), p.shape)
    ok = (n > 0) & np.isfinite(p)
    safe_n = np.where(ok, n, 1.0)
    z = normal_upper_quantile(alpha / 2)
    z2 = z * z
    with np.errstate(invalid="ignore"):
        denominator = 1 + z2 / safe_n
        centre = (p + z2 / (2 * safe_n)) / denominator
        half = z * np.sqrt(p * (1 - p) / safe_n + z2 / (4 * safe_n**2)) / denominator
    low = np.where(ok, np.clip(centre - half, 0, 1), np.nan)
    high = np.where(ok, np.clip(centre + half, 0, 1), np.nan)
    return low, high


def normal_two_sided_p(z: np.ndarray) -> np.ndarray:
    """P(|Z| ≥ |z|) = erfc(|z|/√2), accurate to the smallest double (no 1 - Φ cancellation)."""
    z = np.asarray(z, dtype=float)
    return np.asarray(_erfc(np.abs(z) / math.sqrt(2.0)), dtype=float)


def chi2_sf(statistic: np.ndarray, dof: np.ndarray) -> np.ndarray:
    """Upper tail of the chi-square distribution for integer degrees of freedom (SciPy's `chi2.sf`).

    Closed form of the regularised upper gamma function Q(k/2, x/2) for integer k:
    even k = 2m:   e^(-x/2) Σ_{i<m} (x/2)^i / i!
    odd  k = 2m+1: erfc(√(x/2)) + e^(-x/2) Σ_{1≤i≤m} (x/2)^(i-½) / Γ(i+½)
    Every term is positive (no cancellation); they are summed in log space, so huge statistics
    give tiny p-values down to the smallest double instead of overflowing or rounding to 0 early.
    """
    x = np.asarray(statistic, dtype=float)
    k = np.asarray(dof)
    x, k = np.broadcast_arrays(x, k)
    if np.any(k < 1) or np.any(k != np.round(k)):
        raise ValueError("degrees of freedom must be positive integers")
    k = k.astype(np.int64)
    result = np.ones(x.shape)
    positive = np.isfinite(x) & (x > 0)
    result[np.isnan(x)] = np.nan
    result[np.isposinf(x)] = 0.0
    if not positive.any():
        return result
    half = x[positive] / 2
    kk = k[positive]
    odd = kk % 2 == 1
    terms = kk // 2  # m: terms in the finite sum
    i = np.arange(max(int(terms.max()), 1))
    # Both sums as Σ_{i<m} (x/2)^(i+h) / Γ(i+h+1) with h = 0 (even k) or ½ (odd k).
    h = np.where(odd, 0.5, 0.0)[:, None]
    power = i[None, :] + h
    lgamma = np.vectorize(math.lgamma, otypes=[float])
    log_gamma = np.where(h > 0, lgamma(i + 1.5)[None, :], lgamma(i + 1.0)[None, :])
    used = i[None, :] < terms[:, None]
    log_terms = np.where(used, power * np.log(half)[:, None] - half[:, None] - log_gamma, -np.inf)
    top = log_terms.max(axis=1)
    finite_top = np.where(np.isfinite(top), top, 0.0)  # k = 1 has no terms: the series is 0
    scaled = np.exp(log_terms - finite_top[:, None]).sum(axis=1)
    series = np.where(np.isfinite(top), np.exp(finite_top + np.log(np.maximum(scaled, 1.0))), 0.0)
    head = np.where(odd, np.asarray(_erfc(np.sqrt(half)), dtype=float), 0.0)
    result[positive] = np.minimum(head + series, 1.0)
    return result


def pearson_p(tables: np.ndarray) -> np.ndarray:
    """Pearson chi-square p-values for a stack of contingency tables (..., rows, columns).

    The statistic and degrees of freedom of `chi2_contingency(table, correction=False)` after
    empty rows and columns are dropped (the tests compare the two), for the whole stack at once.
    NaN where a test is not defined (fewer than two non-empty rows or columns).
    """
    observed = np.asarray(tables, dtype=float)
    rows = observed.sum(axis=-1, keepdims=True)
    columns = observed.sum(axis=-2, keepdims=True)
    total = rows.sum(axis=-2, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = rows * columns / total
        cells = np.where(expected > 0, (observed - expected) ** 2 / np.where(expected > 0, expected, 1), 0.0)
    statistic = cells.sum(axis=(-2, -1))
    filled_rows = (rows[..., 0] > 0).sum(axis=-1)
    filled_columns = (columns[..., 0, :] > 0).sum(axis=-1)
    dof = np.maximum(filled_rows - 1, 0) * np.maximum(filled_columns - 1, 0)  # an all-empty table: 0, not 1
    return np.where(dof >= 1, chi2_sf(statistic, np.maximum(dof, 1)), np.nan)


def chi_square(observed: np.ndarray) -> float | None:
    """p-value of Pearson's chi-square on one groups × options table (no continuity correction)."""
    p = float(pearson_p(np.asarray(observed, dtype=float)[None])[0])
    return p if np.isfinite(p) else None


def chi_square_per_option(chosen: np.ndarray, bases: np.ndarray) -> np.ndarray:
    """Per option of a multi-select: chosen vs not chosen across groups (one 2 × groups table each)."""
    chosen = np.asarray(chosen, dtype=float)
    bases = np.asarray(bases, dtype=float)[:, None]
    tables = np.stack([chosen, bases - chosen], axis=-1)  # groups × options × 2
    return pearson_p(np.moveaxis(tables, 1, 0))  # options × groups × 2


def two_proportion_p(p1, n1, p2, n2) -> np.ndarray:
    """Two-sided p of the pooled column-proportion z-test (as SPSS CTABLES, no continuity correction).

    Vectorised over arrays; NaN where a test is not defined (empty group, or both shares 0 or 1).
    """
    p1, n1, p2, n2 = (np.asarray(v, dtype=float) for v in (p1, n1, p2, n2))
    with np.errstate(invalid="ignore", divide="ignore"):
        pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
        z = (p1 - p2) / np.sqrt(variance)
    defined = (n1 > 0) & (n2 > 0) & (variance > 0) & np.isfinite(z)
    return np.where(defined, normal_two_sided_p(np.where(defined, z, 0.0)), np.nan)


def adjust(p_values: np.ndarray, method: str) -> np.ndarray:
    """Multiple-comparison adjusted p-values for one family (one answer option); NaN stays NaN.

    Equal to statsmodels' `multipletests(p, method)[1]` for holm, bonferroni and fdr_bh.
    """
    p_values = np.asarray(p_values, dtype=float)
    result = np.full(p_values.shape, np.nan)
    ok = np.isfinite(p_values)
    count = int(ok.sum())
    if count == 0 or method == "none":
        return np.where(ok, p_values, np.nan)
    valid = p_values[ok]
    order = np.argsort(valid)
    ranked = valid[order]
    if method == "holm":  # step-down: the i-th smallest times (m - i), never below an earlier one
        stepped = np.maximum.accumulate(ranked * np.arange(count, 0, -1))
    elif method == "bonferroni":
        stepped = ranked * count
    elif method == "fdr_bh":  # step-up: m / rank times p, never above a later one
        stepped = np.minimum.accumulate((ranked * count / np.arange(1, count + 1))[::-1])[::-1]
    else:
        raise ValueError(f"unknown correction {method!r}")
    adjusted = np.empty(count)
    adjusted[order] = np.minimum(stepped, 1.0)
    result[ok] = adjusted
    return result
