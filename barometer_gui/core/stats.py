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


def preload() -> None:
    """Import scipy and statsmodels now (2-4 s), e.g. in the import worker, so the first click is instant."""
    import scipy.special
    import scipy.stats  # noqa: F401
    import statsmodels.stats.multitest
    import statsmodels.stats.proportion  # noqa: F401


def effective_base(sum_w: np.ndarray, sum_w2: np.ndarray) -> np.ndarray:
    """Kish's n_eff = (Σw)² / Σw²: the unweighted sample size with the same precision; 0 when empty."""
    sum_w = np.asarray(sum_w, dtype=float)
    sum_w2 = np.asarray(sum_w2, dtype=float)
    safe = np.where(sum_w2 > 0, sum_w2, 1.0)
    return np.where(sum_w2 > 0, sum_w * sum_w / safe, 0.0)


def kish_effective_base(weights: np.ndarray) -> float:
    return float(effective_base(weights.sum(), (weights**2).sum()))


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


def pearson_p(tables: np.ndarray) -> np.ndarray:
    """Pearson chi-square p-values for a stack of contingency tables (..., rows, columns).

    The statistic and degrees of freedom of `chi2_contingency(table, correction=False)` after
    empty rows and columns are dropped (the tests compare the two). Computed for the whole stack
    at once because SciPy's per-call overhead would dominate a table with many options or items.
    NaN where a test is not defined (fewer than two non-empty rows or columns).
    """
    from scipy.stats import chi2

    observed = np.asarray(tables, dtype=float)
    rows = observed.sum(axis=-1, keepdims=True)
    columns = observed.sum(axis=-2, keepdims=True)
    total = rows.sum(axis=-2, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = rows * columns / total
        cells = np.where(expected > 0, (observed - expected) ** 2 / np.where(expected > 0, expected, 1), 0.0)
    statistic = cells.sum(axis=(-2, -1))
    dof = ((rows[..., 0] > 0).sum(axis=-1) - 1) * ((columns[..., 0, :] > 0).sum(axis=-1) - 1)
    return np.where(dof >= 1, chi2.sf(statistic, np.maximum(dof, 1)), np.nan)


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
    from scipy.special import ndtr

    p1, n1, p2, n2 = (np.asarray(v, dtype=float) for v in (p1, n1, p2, n2))
    with np.errstate(invalid="ignore", divide="ignore"):
        pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
        z = (p1 - p2) / np.sqrt(variance)
    p = 2 * ndtr(-np.abs(z))
    return np.where((n1 > 0) & (n2 > 0) & (variance > 0) & np.isfinite(z), p, np.nan)


def adjust(p_values: np.ndarray, method: str) -> np.ndarray:
    """Multiple-comparison adjusted p-values for one family (one answer option); NaN stays NaN.

    Holm is computed here because statsmodels' Holm branch runs a full `gc.collect()` on every
    call (about 50 ms in a loaded GUI process, once per option); the result equals
    `multipletests(method="holm")`, which the tests check. Other methods use statsmodels.
    """
    p_values = np.asarray(p_values, dtype=float)
    result = np.full(p_values.shape, np.nan)
    ok = np.isfinite(p_values)
    count = int(ok.sum())
    if count == 0 or method == "none":
        return np.where(ok, p_values, np.nan)
    valid = p_values[ok]
    if method == "holm":
        order = np.argsort(valid)
        stepped = np.maximum.accumulate(valid[order] * np.arange(count, 0, -1))
        adjusted = np.empty(count)
        adjusted[order] = np.minimum(stepped, 1.0)
    else:
        from statsmodels.stats.multitest import multipletests

        adjusted = multipletests(valid, method=method)[1]
    result[ok] = adjusted
    return result
