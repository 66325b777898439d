"""The vectorised statistics equal the library functions they stand in for."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import chi2_contingency
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

from barometer_gui.core import stats


def test_holm_equals_statsmodels():
    rng = np.random.default_rng(4)
    for size in (1, 2, 5, 17):
        p = rng.uniform(0, 0.2, size)
        assert stats.adjust(p, "holm") == pytest.approx(multipletests(p, method="holm")[1])
        assert stats.adjust(p, "bonferroni") == pytest.approx(multipletests(p, method="bonferroni")[1])
        assert stats.adjust(p, "fdr_bh") == pytest.approx(multipletests(p, method="fdr_bh")[1])


def test_adjust_keeps_nan_out_of_the_family():
    adjusted = stats.adjust(np.array([0.01, np.nan, 0.02]), "holm")
    assert np.isnan(adjusted[1])
    assert adjusted[[0, 2]] == pytest.approx(multipletests([0.01, 0.02], method="holm")[1])


def test_chi_square_per_option_equals_scipy():
    rng = np.random.default_rng(9)
    bases = np.array([120.0, 80.0, 45.5, 10.0])
    chosen = np.floor(bases[:, None] * rng.uniform(0.05, 0.95, (4, 6)))
    p = stats.chi_square_per_option(chosen, bases)
    for j in range(6):
        table = np.column_stack([chosen[:, j], bases - chosen[:, j]])
        assert p[j] == pytest.approx(chi2_contingency(table, correction=False).pvalue)


def test_chi_square_per_option_undefined_when_nobody_chose():
    p = stats.chi_square_per_option(np.array([[0.0, 3.0], [0.0, 5.0]]), np.array([10.0, 10.0]))
    assert np.isnan(p[0]) and np.isfinite(p[1])


def test_two_proportion_z_equals_statsmodels_pooled_test():
    p = stats.two_proportion_p(0.30, 200, 0.42, 150)
    _, expected = proportions_ztest([60, 63], [200, 150])
    assert float(p) == pytest.approx(expected)
    assert np.isnan(stats.two_proportion_p(0.0, 10, 0.0, 10))


def test_pearson_p_equals_scipy_on_tables_with_empty_rows_and_columns():
    rng = np.random.default_rng(11)
    for shape in ((2, 2), (3, 5), (6, 4)):
        for _ in range(10):
            table = rng.integers(0, 30, shape).astype(float)
            table[rng.integers(0, shape[0])] = 0  # an empty group
            ours = stats.chi_square(table)
            kept = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
            if kept.shape[0] < 2 or kept.shape[1] < 2:
                assert ours is None
            else:
                assert ours == pytest.approx(chi2_contingency(kept, correction=False).pvalue)
