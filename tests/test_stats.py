"""The numpy statistics equal SciPy and statsmodels (test-only dependencies) over many random inputs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import chi2, chi2_contingency, norm
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

from barometer_gui.core import stats

ROOT = Path(__file__).resolve().parent.parent
METHODS = ("holm", "bonferroni", "fdr_bh")


def _close(ours, reference, rtol=1e-9):
    """Relative agreement, down to p-values SciPy still represents (it flushes to 0 below ≈ 1e-308)."""
    ours, reference = np.asarray(ours, float), np.asarray(reference, float)
    shown = reference > 1e-290
    assert ours[shown] == pytest.approx(reference[shown], rel=rtol, abs=0)
    assert np.all(ours[~shown] < 1e-280)


def test_corrections_equal_statsmodels_on_random_families():
    rng = np.random.default_rng(4)
    for _ in range(300):
        size = int(rng.integers(1, 40))
        p = 10 ** rng.uniform(-300, 0, size) if rng.random() < 0.3 else rng.uniform(0, 0.3, size)
        if size > 3:
            p[rng.integers(0, size, 2)] = p[0]  # ties
        for method in METHODS:
            assert stats.adjust(p, method) == pytest.approx(multipletests(p, method=method)[1], rel=1e-12)


def test_adjust_keeps_nan_out_of_the_family():
    for method in METHODS:
        adjusted = stats.adjust(np.array([0.01, np.nan, 0.02]), method)
        assert np.isnan(adjusted[1])
        assert adjusted[[0, 2]] == pytest.approx(multipletests([0.01, 0.02], method=method)[1])
    assert np.isnan(stats.adjust(np.array([np.nan]), "holm")).all()


def test_chi2_sf_equals_scipy_for_integer_degrees_of_freedom():
    rng = np.random.default_rng(7)
    for dof in [*range(1, 41), 51, 100, 101, 333, 1000, 2001]:
        x = np.concatenate([rng.uniform(0, 4 * dof, 50), [1e-10, 0.5, 10.0 * dof + 50, 1300.0, 1400.0]])
        _close(stats.chi2_sf(x, dof), chi2.sf(x, dof))


def test_chi2_sf_edges():
    assert stats.chi2_sf(np.array([0.0, np.inf]), 3).tolist() == [1.0, 0.0]
    assert np.isnan(stats.chi2_sf(np.nan, 2))
    tiny = float(stats.chi2_sf(1500.0, 1))  # SciPy says 0.0; the true value is ≈ 1e-327 → smallest doubles
    assert 0.0 <= tiny < 1e-320
    with pytest.raises(ValueError):
        stats.chi2_sf(1.0, 0)


def test_chi_square_per_option_equals_scipy():
    rng = np.random.default_rng(9)
    bases = np.array([120.0, 80.0, 45.5, 10.0])
    chosen = np.floor(bases[:, None] * rng.uniform(0.05, 0.95, (4, 6)))
    p = stats.chi_square_per_option(chosen, bases)
    for j in range(6):
        table = np.column_stack([chosen[:, j], bases - chosen[:, j]])
        assert p[j] == pytest.approx(chi2_contingency(table, correction=False).pvalue, rel=1e-9)


def test_chi_square_per_option_undefined_when_nobody_chose():
    p = stats.chi_square_per_option(np.array([[0.0, 3.0], [0.0, 5.0]]), np.array([10.0, 10.0]))
    assert np.isnan(p[0]) and np.isfinite(p[1])


def test_pearson_p_equals_scipy_on_random_tables_with_empty_rows_and_columns():
    rng = np.random.default_rng(11)
    for shape in ((2, 2), (3, 5), (6, 4), (2, 12), (15, 7)):
        for _ in range(40):
            scale = 10 ** rng.uniform(0.5, 5)  # large counts give p-values far below 1e-100
            table = np.floor(rng.uniform(0, scale, shape) * rng.uniform(0.1, 1, shape[1]))
            if rng.random() < 0.5:
                table[rng.integers(0, shape[0])] = 0  # an empty group
            ours = stats.chi_square(table)
            kept = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
            if kept.shape[0] < 2 or kept.shape[1] < 2:
                assert ours is None
            else:
                _close([ours], [chi2_contingency(kept, correction=False).pvalue])


def test_two_proportion_z_equals_statsmodels_pooled_test():
    rng = np.random.default_rng(13)
    n1, n2 = rng.integers(5, 200_000, 500), rng.integers(5, 200_000, 500)
    c1, c2 = np.floor(n1 * rng.uniform(0, 1, 500)), np.floor(n2 * rng.uniform(0, 1, 500))
    ours = stats.two_proportion_p(c1 / n1, n1, c2 / n2, n2)
    reference = [proportions_ztest([a, b], [m, n])[1] for a, b, m, n in zip(c1, c2, n1, n2, strict=True)]
    _close(ours, reference, rtol=1e-8)
    assert ours.min() < 1e-200  # the random draws reach far into the tail
    assert np.isnan(stats.two_proportion_p(0.0, 10, 0.0, 10))
    assert np.isnan(stats.two_proportion_p(0.5, 0, 0.2, 10))


def test_wilson_equals_statsmodels():
    rng = np.random.default_rng(17)
    p = np.concatenate([rng.uniform(0, 1, 400), [0.0, 1.0, 1e-9]])
    n = np.concatenate([10 ** rng.uniform(0, 5, 400), [3.0, 3.0, 1e6]])
    for alpha in (0.05, 0.01, 0.1, 0.32):
        low, high = stats.wilson_interval(p, n, alpha=alpha)
        ref_low, ref_high = proportion_confint(p * n, n, alpha=alpha, method="wilson")
        assert low == pytest.approx(ref_low, rel=1e-9, abs=1e-15)
        assert high == pytest.approx(ref_high, rel=1e-9, abs=1e-15)


def test_wilson_is_nan_for_an_empty_base():
    low, high = stats.wilson_interval(np.array([0.5, np.nan]), np.array([0.0, 10.0]))
    assert np.isnan(low).all() and np.isnan(high).all()


def test_normal_quantile_equals_scipy():
    for tail in (1e-300, 1e-12, 1e-4, 0.001, 0.005, 0.025, 0.05, 0.16, 0.5, 0.7, 0.975, 1 - 1e-9):
        assert stats.normal_upper_quantile(tail) == pytest.approx(norm.isf(tail), rel=1e-12, abs=1e-15)


def test_tables_need_neither_scipy_nor_statsmodels():
    code = (
        "import sys, io, contextlib\n"
        "from barometer_gui.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    run(['table', '--demo', '-q', 'q1', '--by', 'kommunestorrelse'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'scipy', 'statsmodels'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert result.stdout.strip() == "[]", result.stderr
