"""Statistical tests and intervals, from well-kept libraries, imported lazily.

scipy.stats and statsmodels cost 2-4 s to import; they are loaded the first
time a table is computed, never at start-up.
"""

from __future__ import annotations

import numpy as np

CORRECTIONS = {
    "holm": "Holm",
    "bonferroni": "Bonferroni",
    "fdr_bh": "Benjamini-Hochberg (FDR)",
    "none": "ingen korreksjon",
}


def kish_effective_base(weights: np.ndarray) -> float:
    """Kish's n_eff = (Σw)² / Σw²: the sample size an unweighted sample would need for the same precision."""
    total = float(weights.sum())
    squares = float((weights**2).sum())
    return total * total / squares if squares > 0 else 0.0


def wilson_interval(p: np.ndarray, n_eff: np.ndarray, alpha: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """95 % Wilson score interval on the effective base (statsmodels' default would be Wald)."""
    from statsmodels.stats.proportion import proportion_confint

    p = np.asarray(p, dtype=float)
    n = np.broadcast_to(np.asarray(n_eff, dtype=float), p.shape)
    low = np.full(p.shape, np.nan)
    high = np.full(p.shape, np.nan)
    ok = (n > 0) & np.isfinite(p)
    if ok.any():
        lo, hi = proportion_confint(p[ok] * n[ok], n[ok], alpha=alpha, method="wilson")
        low[ok], high[ok] = lo, hi
    return low, high


def chi_square(observed: np.ndarray) -> float | None:
    """p-value of Pearson's chi-square on a groups × options table (no continuity correction)."""
    from scipy.stats import chi2_contingency

    table = np.asarray(observed, dtype=float)
    table = table[:, table.sum(axis=0) > 0]
    table = table[table.sum(axis=1) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return None
    return float(chi2_contingency(table, correction=False).pvalue)


def two_proportion_p(p1: float, n1: float, p2: float, n2: float) -> float | None:
    """Two-sided p of the pooled column-proportion z-test (as SPSS CTABLES, without continuity correction)."""
    from scipy.stats import norm

    if n1 <= 0 or n2 <= 0:
        return None
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance <= 0:
        return None
    z = (p1 - p2) / np.sqrt(variance)
    return float(2 * norm.sf(abs(z)))


def adjust(p_values: list[float], method: str) -> list[float]:
    """Multiple-comparison adjusted p-values for one family (one answer option)."""
    if not p_values or method == "none":
        return list(p_values)
    from statsmodels.stats.multitest import multipletests

    return [float(v) for v in multipletests(p_values, method=method)[1]]
