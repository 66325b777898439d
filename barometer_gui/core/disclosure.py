"""Disclosure control that holds across every table a user can make from one file.

Suppressing small groups table by table is not enough: a filtered total minus
another filtered total, a benchmark's whole country minus its rest, or the
same group shown in one table and hidden in another gives the hidden answers
back. Statistical agencies that answer flexible queries from microdata either
perturb the numbers (cell-key method, ABS TableBuilder) or restrict the
queries to unions of pre-defined safe groups (global recoding of categories
plus query restriction; the partitioned statistical database of Chin &
Özsoyoglu). Barometer keeps exact numbers and does the latter:

* From the whole file, never from the table at hand, every variable a table can
  be broken down or filtered by gets its categories (and "uoppgitt", rows
  without a value) grouped into *safe blocks*: each block has at least
  `min_base` respondents, and at least `min_base` or no one in the question's
  base (per item of a grid). Small categories merge with a neighbour inside
  the block of the variable they nest in (fylke inside landsdel, kommune inside
  fylke: nesting is read from the data), so nested variables stay unions of
  each other's blocks.
* Two variables whose blocks nearly coincide (a block of one that is a block of
  the other plus or minus a few respondents) would leak through the
  difference of two plain tables. Per pair of variables the blocks form a
  weighted bipartite graph; a difference of such tables isolates exactly the
  respondents on the edges of a cut, so blocks are merged until every minimum
  cut (Stoer-Wagner) holds at least `min_base` respondents.
* Every population a table shows (filters, groups, own area, rest of the
  country, Totalt) is then a union of blocks: a filter value inside a larger
  block is widened to the block and a breakdown hides the members of a merged
  block, the same way in every table, chart and export.
* A table that crosses two background variables that do not nest (a filter on
  one, a breakdown, benchmark or filter on the other) is made only for pairs in
  a fixed-order family of accepted crossings: every combination of the pair's
  blocks has `min_base` respondents or none, and its combined blocks pass the
  cut test against every single variable and every pair accepted before it.
  So any two tables publish unions of blocks of two partitions that pass the
  cut test against each other. Crossing three variables, or crossing with a
  question used as a variable, is refused.

Not covered: a question used as a variable is checked against the background
variables and accepted crossings, not against another question used as a
variable; combinations of three or more tables that together (not pairwise)
isolate a few are not searched for.

Everything here is a pure function of the file, the question's base and the
minimum base, so the same request always gives the same answer.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.i18n import t
from barometer_gui.core.schema import Background, Survey

#: Most values a variable may have to break down or filter by (Norway has 357 kommuner).
MAX_CATEGORIES = 1000

#: Derived blocks and joint cells of recent tables: the same file and base give the same blocks, and
#: a session makes many tables of the same question with different breakdowns. Keyed by content.
_DERIVED: dict = {}
_CELLS: dict = {}
_CODES: dict = {}
_CROSSINGS: dict = {}


def _remember(cache: dict, key, value, size: int = 64) -> None:
    if len(cache) >= size:
        cache.pop(next(iter(cache)))
    cache[key] = value


@dataclass
class Partition:
    """One variable's categories grouped into safe blocks; code `len(categories)` means no value."""

    variable: Background
    categories: list
    codes: np.ndarray  # per row of the file
    block: np.ndarray  # per category code (missing last): block number
    parent: int | None = None

    def members(self, code: int) -> list[int]:
        return [int(c) for c in np.flatnonzero(self.block == self.block[code])]

    def name(self, code: int) -> str:
        return str(self.categories[code]) if code < len(self.categories) else t("uoppgitt")

    def names(self, codes: list[int]) -> str:
        names = [self.name(c) for c in codes]
        return and_list(names)


def categories(column: pd.Series) -> list:
    """Values present in a column, in the column's own order (categorical) or sorted."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        present = np.bincount(codes[codes >= 0], minlength=len(column.cat.categories)) > 0
        return [c for c, seen in zip(column.cat.categories, present, strict=True) if seen]
    return sorted(column.dropna().unique().tolist(), key=str)


def codes_of(column: pd.Series, wanted: list) -> np.ndarray:
    """Index into `wanted` per row (-1 for missing or other), without comparing strings row by row."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        position = {c: i for i, c in enumerate(wanted)}
        lookup = np.array([position.get(c, -1) for c in column.cat.categories] + [-1])
        return lookup[column.array.codes]
    return pd.Categorical(column.astype(object), categories=wanted).codes.astype(np.int64)


class Guard:
    """Safe blocks of every grouping variable for one question base, and the checks built on them."""

    def __init__(self, survey: Survey, base: np.ndarray, min_base: int, extra: list[Background]) -> None:
        """`base` is rows × items (True = in the question's base); `extra` are questions used as variables."""
        self.k = max(int(min_base), 1)
        background = [_partition(survey, b) for b in survey.background if b.kind != "numeric"]
        columns = {part.variable.column for part in background}
        extras = [_partition(survey, v) for v in extra if v.column not in columns]
        # A variable with more values than any table could show is no grouping variable at all
        # (e.g. a free-text answer): tables refuse it, so it needs no blocks.
        background = [part for part in background if len(part.categories) <= MAX_CATEGORIES]
        extras = [part for part in extras if len(part.categories) <= MAX_CATEGORIES]
        self._background = len(background)
        self.partitions = background + extras
        rows = len(survey.data)
        self.cell_of_row, self.cells = _joint_cells([p.codes for p in self.partitions], rows)
        counts = _cell_counts(self.cell_of_row, len(self.cells))
        self._counts = counts
        in_base = np.column_stack(
            [np.bincount(self.cell_of_row, weights=b, minlength=len(self.cells)) for b in base.T]
        )
        self.weights = (counts[:, None], in_base)
        sizes = tuple(len(part.categories) for part in self.partitions)
        key = (
            self.k,
            self._background,
            sizes,
            self.cells.tobytes(),
            self.cells.shape,
            in_base.tobytes(),
            in_base.shape,
        )
        self._key = key
        if key in _DERIVED:
            for part, (block, parent) in zip(self.partitions, _DERIVED[key], strict=True):
                part.block, part.parent = block.copy(), parent
            return
        self._nest()
        for weights in self.weights:
            self._derive(weights)
        if len(self.partitions) > self._background:
            fixed = [self._block_of_cell(q) for q in range(self._background)]
            fixed += [joint for _, joint in self.crossings()]
            for weights in self.weights:
                for p in range(self._background, len(self.partitions)):
                    self._merge_small(p, weights)
                    for other in fixed:
                        while (cut := self._weak_cut(self._block_of_cell(p), other, weights)) is not None:
                            if not self._merge_across(p, None, cut):
                                break
        _remember(_DERIVED, key, [(part.block.copy(), part.parent) for part in self.partitions])

    # ------------------------------------------------------------------ derivation

    def _nest(self) -> None:
        """Each background variable nests in the finest coarser variable it determines in the data."""
        order = sorted(range(self._background), key=lambda p: (len(self.partitions[p].categories), p))
        for rank, p in enumerate(order):
            candidates = [q for q in order[:rank] if _determines(self.cells[:, p], self.cells[:, q])]
            if candidates:
                self.partitions[p].parent = max(candidates, key=lambda q: len(self.partitions[q].categories))
        self._order = order

    def ancestors(self, p: int) -> list[int]:
        chain = []
        while self.partitions[p].parent is not None:
            p = self.partitions[p].parent
            chain.append(p)
        return chain

    def _nested(self, p: int, q: int) -> bool:
        return q in self.ancestors(p) or p in self.ancestors(q)

    def _derive(self, weights: np.ndarray) -> None:
        for p in self._order[: self._background]:
            self._merge_small(p, weights)
        self._repair(weights, range(self._background))

    def _block_of_cell(self, p: int) -> np.ndarray:
        return self.partitions[p].block[self.cells[:, p]]

    def _sizes(self, p: int, weights: np.ndarray) -> np.ndarray:
        blocks = self._block_of_cell(p)
        size = len(self.partitions[p].block)
        return np.column_stack([np.bincount(blocks, weights=w, minlength=size) for w in weights.T])

    def _unsafe(self, sizes: np.ndarray) -> np.ndarray:
        return ~((sizes < 0.5) | (sizes >= self.k - 1e-9)).all(axis=1)

    def _merge_small(self, p: int, weights: np.ndarray) -> None:
        """Merge each too-small block with its smaller neighbour inside the same parent block."""
        part = self.partitions[p]
        while True:
            sizes = self._sizes(p, weights)
            rows = np.bincount(self._block_of_cell(p), weights=self._counts, minlength=len(part.block))
            parents = self._parents_of_blocks(p)
            present = np.flatnonzero(rows > 0)
            siblings = np.bincount(parents[present] + 1, minlength=len(parents) + 1)
            small = present[self._unsafe(sizes[present]) & (siblings[parents[present] + 1] > 1)]
            if not len(small):
                return
            b = int(min(small, key=lambda b: (sizes[b].max(), b)))
            row = list(present[parents[present] == parents[b]])
            i = row.index(b)
            neighbours = [int(row[j]) for j in (i - 1, i + 1) if 0 <= j < len(row)]
            target = min(neighbours, key=lambda n: (sizes[n].max(), n))
            self._merge(p, b, target)

    def _parents_of_blocks(self, p: int) -> np.ndarray:
        """Per block of p, the block of its parent variable it lies in (-1 without a parent)."""
        parents = np.full(len(self.partitions[p].block), -1)
        parent = self.partitions[p].parent
        if parent is not None:
            parents[self._block_of_cell(p)] = self._block_of_cell(parent)
        return parents

    def _parent_block(self, p: int, b: int) -> int:
        return int(self._parents_of_blocks(p)[b])

    def _merge(self, p: int, a: int, b: int) -> None:
        """Merge blocks a and b of variable p (and, to keep nesting, their parents' blocks)."""
        parent = self.partitions[p].parent
        if parent is not None:
            pa, pb = self._parent_block(p, a), self._parent_block(p, b)
            if pa != pb and pa >= 0 and pb >= 0:
                self._merge(parent, pa, pb)
        part = self.partitions[p]
        keep, drop = min(a, b), max(a, b)
        part.block[part.block == drop] = keep

    def _repair(self, weights: np.ndarray, variables) -> None:
        """Merge blocks until no difference between tables on two variables isolates a small group.

        Merging only coarsens, and a coarser partition's cuts are a subset of the finer one's, so
        a pair that passed stays passed and one sweep over the pairs suffices.
        """
        for p, q in itertools.combinations(variables, 2):
            if self._nested(p, q):
                continue
            while (
                cut := self._weak_cut(self._block_of_cell(p), self._block_of_cell(q), weights)
            ) is not None:
                if not self._merge_across(p, q, cut):
                    break

    def _weak_cut(self, a: np.ndarray, b: np.ndarray, weights: np.ndarray):
        """A split of the blocks of a against b whose crossing cells hold 0 < n < min_base in the base."""
        na, nb = int(a.max(initial=-1)) + 1, int(b.max(initial=-1)) + 1
        for w in weights.T:
            edges = np.bincount(a * nb + b, weights=w, minlength=na * nb).reshape(na, nb)
            nonzero = edges[edges > 0]
            if nonzero.size == 0 or nonzero.min() >= self.k - 1e-9:
                continue
            graph = np.zeros((na + nb, na + nb))
            graph[:na, na:] = edges
            graph[na:, :na] = edges.T
            # A cut that splits nodes joined by an edge of min_base or more is never weak, so such
            # nodes are contracted first: the exact search then runs on a few super-nodes.
            groups = np.arange(na + nb)
            for number, members in enumerate(_components(graph >= self.k - 1e-9)):
                groups[members] = na + nb + number
            _, groups = np.unique(groups, return_inverse=True)
            onehot = np.zeros((na + nb, groups.max() + 1))
            onehot[np.arange(na + nb), groups] = 1.0
            contracted = onehot.T @ graph @ onehot
            np.fill_diagonal(contracted, 0.0)
            for component in _components(contracted > 0):
                weight, side = _min_cut(contracted[np.ix_(component, component)])
                if weight < self.k - 1e-9:
                    inside = np.isin(groups, component[side]) & (graph.sum(axis=1) > 0)
                    outside = np.isin(groups, component[~side]) & (graph.sum(axis=1) > 0)
                    return na, inside, outside
        return None

    def _merge_across(self, p: int, q: int | None, cut) -> bool:
        na, inside, outside = cut
        choices = [(p, inside[:na], outside[:na])]
        if q is not None:
            choices.append((q, inside[na:], outside[na:]))
        choices = [c for c in choices if c[1].any() and c[2].any()]
        if not choices:
            # Only when the whole base is under min_base (each side of a weak cut between safe
            # blocks holds both variables): then every table of it is suppressed anyway.
            return False
        variable, left, right = max(choices, key=lambda c: len(np.unique(self.partitions[c[0]].block)))
        self._merge(variable, int(np.flatnonzero(left)[0]), int(np.flatnonzero(right)[0]))
        return True

    # ------------------------------------------------------------------ use

    def index(self, variable: Background) -> int:
        for p, part in enumerate(self.partitions):
            if part.variable.column == variable.column:
                return p
        raise BarometerError(
            "«{variable}» har over {limit} ulike verdier og kan ikke brukes til å dele opp eller filtrere tabeller.",
            variable=variable.text,
            limit=MAX_CATEGORIES,
        )

    def crossings(self) -> list[tuple[tuple[int, int], np.ndarray]]:
        """The pairs of background variables a table may cross, with their joint blocks per cell.

        Taken in a fixed order; a pair is accepted if each combination of its blocks has min_base
        or no one and its joint blocks pass the cut test against every single variable and every
        pair accepted before it. Any two tables then publish unions of blocks of two partitions
        that pass the cut test against each other. The same file and base give the same list.
        """
        cached = _CROSSINGS.get(self._key)
        if cached is not None:
            return cached
        singles = [self._block_of_cell(q) for q in range(self._background)]
        accepted: list[tuple[tuple[int, int], np.ndarray]] = []
        for pair in itertools.combinations(range(self._background), 2):
            if self._nested(*pair):
                continue
            joint = self._joint(list(pair))
            others = singles + [j for _, j in accepted]
            if self._small_cell(joint) is None and not any(
                self._weak_cut(joint, other, w) is not None for w in self.weights for other in others
            ):
                accepted.append((pair, joint))
        _remember(_CROSSINGS, self._key, accepted)
        return accepted

    def _joint(self, variables: list[int]) -> np.ndarray:
        blocks = np.column_stack([self._block_of_cell(p) for p in variables])
        return np.unique(blocks, axis=0, return_inverse=True)[1].ravel()

    def _small_cell(self, joint: np.ndarray) -> int | None:
        """A cell of a combination of blocks with 0 < n < min_base (in all rows or in the base)."""
        for weights in self.weights:
            sizes = np.column_stack([np.bincount(joint, weights=w) for w in weights.T])
            unsafe = np.flatnonzero(self._unsafe(sizes))
            if len(unsafe):
                return int(np.flatnonzero(np.isin(joint, unsafe))[0])
        return None

    def check_crossing(self, used: list[int]) -> None:
        """Refuse a table that crosses variables whose combinations could be differenced down to a few."""
        finest = sorted({p for p in used if not any(q != p and p in self.ancestors(q) for q in used)})
        if len(finest) < 2 or self.k <= 1:
            return
        names = and_list([f"«{self.partitions[p].variable.text}»" for p in finest])
        if len(finest) > 2 or max(finest) >= self._background:
            raise BarometerError(
                "Tabellen krysser {names}. For å verne små grupper kan en tabell bare krysse to "
                "bakgrunnsvariabler (ikke spørsmål); bruk færre filtre eller ingen oppdeling.",
                names=names,
            )
        if any(pair == tuple(finest) for pair, _ in self.crossings()):
            return
        cell = self._small_cell(self._joint(finest))
        reason = (
            t(
                "noen kombinasjoner har færre enn {k} svar (f.eks. {example})",
                k=self.k,
                example=" + ".join(self.partitions[p].name(int(self.cells[cell, p])) for p in finest),
            )
            if cell is not None
            else t("forskjellen mot andre tabeller fra fila ville vise færre enn {k} svar", k=self.k)
        )
        raise BarometerError(
            "Tabellen krysser {names}, men {reason}; slike tabeller kan trekkes fra hverandre og "
            "avsløre enkeltsvar. Bruk bare én av variablene.",
            names=names,
            reason=reason,
        )


def _partition(survey: Survey, variable: Background) -> Partition:
    column = survey.data[variable.column]
    key = None
    if isinstance(column.dtype, pd.CategoricalDtype):
        # Same codes under the very same categories object: the same partition (held, so never reused).
        key = (variable.column, column.array.codes.tobytes())
        cached = _CODES.get(key)
        if cached is not None and cached[0] is column.array.categories:
            return Partition(variable, cached[1], cached[2], np.arange(len(cached[1]) + 1))
    present = categories(column)
    codes = codes_of(column, present)
    codes = np.where(codes < 0, len(present), codes).astype(np.int64)
    if key is not None:
        _remember(_CODES, key, (column.array.categories, present, codes))
    return Partition(variable, present, codes, np.arange(len(present) + 1))


def _joint_cells(columns: list[np.ndarray], rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Cell number per row and each cell's codes, for the cross-classification of all variables.

    Cached by the identity of the (cached, never changed) code arrays, which the cache holds.
    """
    key = (rows, *(id(c) for c in columns))  # rows too: with no variables the key is otherwise always ()
    cached = _CELLS.get(key)
    if cached is not None and all(a is b for a, b in zip(cached[0], columns, strict=True)):
        return cached[1]
    codes = np.column_stack(columns) if columns else np.zeros((rows, 0), dtype=np.int64)
    if codes.shape[1] == 0 or rows == 0:
        result = np.zeros(rows, dtype=np.int64), np.zeros((int(rows > 0), codes.shape[1]), dtype=np.int64)
    elif float(np.prod(codes.max(axis=0) + 1.0)) >= 2**62:
        unique, inverse = np.unique(codes, axis=0, return_inverse=True)
        result = inverse.ravel(), unique
    else:
        dims = codes.max(axis=0) + 1
        unique, inverse = np.unique(np.ravel_multi_index(codes.T, dims), return_inverse=True)
        result = inverse.ravel(), np.column_stack(np.unravel_index(unique, dims))
    _remember(_CELLS, key, (list(columns), result), size=8)
    return result


def _cell_counts(cell_of_row: np.ndarray, cells: int) -> np.ndarray:
    key = ("counts", id(cell_of_row))
    cached = _CELLS.get(key)
    if cached is None or cached[0] is not cell_of_row:
        cached = (cell_of_row, np.bincount(cell_of_row, minlength=cells).astype(float))
        _remember(_CELLS, key, cached, size=16)
    return cached[1]


def _determines(child: np.ndarray, parent: np.ndarray) -> bool:
    """Every value of `child` (per cell) goes with one value of `parent`."""
    pairs = child.astype(np.int64) * (int(parent.max(initial=0)) + 1) + parent
    return len(np.unique(pairs)) == len(np.unique(child))


def _components(linked: np.ndarray) -> list[np.ndarray]:
    """Connected components (of two or more nodes) of a boolean adjacency matrix."""
    seen = np.zeros(len(linked), dtype=bool)
    components = []
    for start in range(len(linked)):
        if seen[start] or not linked[start].any():
            continue
        frontier = np.zeros(len(linked), dtype=bool)
        frontier[start] = True
        while True:
            grown = frontier | linked[frontier].any(axis=0)
            if (grown == frontier).all():
                break
            frontier = grown
        seen |= frontier
        components.append(np.flatnonzero(frontier))
    return components


def _min_cut(graph: np.ndarray) -> tuple[float, np.ndarray]:
    """Stoer-Wagner global minimum cut of a connected weighted graph; returns its weight and one side."""
    n = len(graph)
    weights = graph.astype(float).copy()
    np.fill_diagonal(weights, 0.0)
    merged = [[i] for i in range(n)]
    alive = np.ones(n, dtype=bool)
    best, best_side = np.inf, np.zeros(n, dtype=bool)
    for _ in range(n - 1):
        added = ~alive
        first = int(np.flatnonzero(alive)[0])
        added[first] = True
        connection = weights[first].copy()
        previous = last = first
        while not added.all():
            previous, last = last, int(np.argmax(np.where(added, -np.inf, connection)))
            added[last] = True
            connection += weights[last]
        cut = float(weights[last][alive].sum())
        if cut < best:
            best, best_side = cut, np.zeros(n, dtype=bool)
            best_side[merged[last]] = True
        weights[previous] += weights[last]
        weights[:, previous] += weights[:, last]
        weights[previous, previous] = 0.0
        weights[last], weights[:, last] = 0.0, 0.0
        merged[previous] += merged[last]
        alive[last] = False
    return best, best_side


def and_list(names: list[str]) -> str:
    """«Oslo, Akershus og Østfold» / «Oslo, Akershus and Østfold»."""
    if len(names) < 2:
        return names[0] if names else ""
    return t("{first} og {last}", first=", ".join(names[:-1]), last=names[-1])
