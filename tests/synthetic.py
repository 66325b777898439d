"""Generated surveys for engine tests: canonical columns built directly, so expected numbers are independent."""

from __future__ import annotations

import numpy as np
import pandas as pd

from barometer_gui.core.schema import Background, QType, Question, Survey

OPTIONS = ["Ja", "Nei", "Vet ikke"]
GROUPS = ["Nord", "Sør", "Vest"]
SCALE = ["Hemmer mye", "Hemmer litt", "Nøytral", "Fremmer litt", "Fremmer mye", "Vet ikke"]


def make_survey(n: int = 400, seed: int = 1, group_sizes: dict[str, int] | None = None) -> Survey:
    rng = np.random.default_rng(seed)
    if group_sizes:
        region = [g for g, size in group_sizes.items() for _ in range(size)]
        n = len(region)
    else:
        region = list(rng.choice(GROUPS, size=n, p=[0.5, 0.3, 0.2]))
    answer = rng.choice([*OPTIONS, None], size=n, p=[0.4, 0.4, 0.1, 0.1])
    asked = rng.random(n) < 0.8
    multi = (rng.random((n, 3)) < [0.7, 0.3, 0.1]).astype(float)
    multi[~asked] = np.nan
    grid = [rng.choice([*SCALE, None], size=n) for _ in range(2)]
    data = pd.DataFrame(
        {
            "s": pd.Categorical(answer, categories=OPTIONS, ordered=True),
            "m::1": multi[:, 0],
            "m::2": multi[:, 1],
            "m::3": multi[:, 2],
            "g::1": pd.Categorical(grid[0], categories=SCALE, ordered=True),
            "g::2": pd.Categorical(grid[1], categories=SCALE, ordered=True),
            "x": np.where(rng.random(n) < 0.9, rng.gamma(2, 2, n), np.nan),
            "bg::region": pd.Categorical(region, categories=GROUPS, ordered=True),
            "w": rng.uniform(0.3, 3.0, n),
            "blank": pd.Categorical([None] * n, categories=OPTIONS),
        }
    )
    questions = [
        Question("s", "Har dere en strategi?", QType.SINGLE, ["s"], OPTIONS),
        Question("m", "Samarbeid", QType.MULTI, ["m::1", "m::2", "m::3"], ["Kommuner", "Private", "Staten"]),
        Question("g", "Hva fremmer?", QType.GRID, ["g::1", "g::2"], SCALE, ["Ledelse", "Økonomi"]),
        Question("x", "Årsverk", QType.NUMERIC, ["x"]),
        Question("blank", "Ingen svarte", QType.SINGLE, ["blank"], OPTIONS),
    ]
    background = [Background("region", "Region", "categorical", "bg::region")]
    return Survey(data, questions, background, "test", weights=["w"])
