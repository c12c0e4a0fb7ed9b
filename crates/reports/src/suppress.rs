//! Small-cell suppression. A count below the threshold (but not zero) is
//! shown as "<k" (primary suppression); then, so that no total or
//! difference reveals it, every equation of the table (a row with its
//! total, a column with its total, the totals with the grand total) that
//! would leave exactly one figure unknown has one more figure hidden
//! (complementary suppression): the smallest shown figure of that
//! equation, else its total. This repeats until every equation hides
//! none or at least two figures.
//!
//! A table is `rows × columns` counts with their row totals, column totals
//! and grand total; a one-way table has one column and no column totals.

/// How a figure shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Shown,
    /// Below the threshold: shows as "<k".
    Small,
    /// Hidden so that a total cannot reveal a small figure.
    Hidden,
}

/// A table of counts and its totals. Positions are `(row, column)`, with
/// `rows` for the totals row and `columns` for the totals column.
#[derive(Debug, Clone)]
pub struct Counts {
    pub rows: usize,
    pub columns: usize,
    /// `(rows + 1) × (columns + 1)` figures, row-major, totals last.
    pub figures: Vec<u64>,
    /// Whether the table crosses two dimensions (else the column totals
    /// are the cells themselves and only the grand total is an equation).
    pub two_way: bool,
}

impl Counts {
    pub fn new(rows: usize, columns: usize, two_way: bool) -> Counts {
        Counts {
            rows,
            columns,
            figures: vec![0; (rows + 1) * (columns + 1)],
            two_way,
        }
    }

    pub fn index(&self, row: usize, column: usize) -> usize {
        row * (self.columns + 1) + column
    }

    pub fn get(&self, row: usize, column: usize) -> u64 {
        self.figures[self.index(row, column)]
    }

    pub fn add(&mut self, row: usize, column: usize, n: u64) {
        let i = self.index(row, column);
        self.figures[i] += n;
    }

    /// The equations that tie figures together: (members, total).
    fn equations(&self) -> Vec<(Vec<usize>, usize)> {
        let (r, c) = (self.rows, self.columns);
        let mut out = vec![];
        if self.two_way {
            for row in 0..=r {
                out.push((
                    (0..c).map(|col| self.index(row, col)).collect(),
                    self.index(row, c),
                ));
            }
            for col in 0..=c {
                out.push((
                    (0..r).map(|row| self.index(row, col)).collect(),
                    self.index(r, col),
                ));
            }
        } else {
            for col in 0..c {
                out.push((
                    (0..r).map(|row| self.index(row, col)).collect(),
                    self.index(r, col),
                ));
            }
        }
        out
    }
}

/// The marks of every figure of `t` (same positions), for threshold `k`.
pub fn suppress(t: &Counts, k: u64) -> Vec<Mark> {
    let mut marks: Vec<Mark> = t
        .figures
        .iter()
        .map(|&n| {
            if n > 0 && n < k {
                Mark::Small
            } else {
                Mark::Shown
            }
        })
        .collect();
    if !marks.contains(&Mark::Small) {
        return marks;
    }
    let equations = t.equations();
    loop {
        let mut changed = false;
        for (members, total) in &equations {
            let hidden = members
                .iter()
                .chain(std::iter::once(total))
                .filter(|&&i| marks[i] != Mark::Shown)
                .count();
            if hidden != 1 {
                continue;
            }
            let complement = members
                .iter()
                .copied()
                .filter(|&i| marks[i] == Mark::Shown)
                .min_by_key(|&i| (t.figures[i], i))
                .unwrap_or(*total);
            if marks[complement] == Mark::Shown {
                marks[complement] = Mark::Hidden;
                changed = true;
            }
        }
        if !changed {
            return marks;
        }
    }
}

/// A ratio's marks: hidden wherever its numerator or denominator is not
/// shown, or its denominator is below the threshold.
pub fn ratio_marks(
    numerator: &[Mark],
    denominator: &[Mark],
    denominators: &[u64],
    k: u64,
) -> Vec<Mark> {
    numerator
        .iter()
        .zip(denominator)
        .zip(denominators)
        .map(|((&n, &d), &den)| {
            if n == Mark::Shown && d == Mark::Shown && (den == 0 || den >= k) {
                Mark::Shown
            } else {
                Mark::Hidden
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_way(cells: &[u64]) -> Counts {
        let mut t = Counts::new(cells.len(), 1, false);
        for (i, &n) in cells.iter().enumerate() {
            t.add(i, 0, n);
            t.add(cells.len(), 0, n);
        }
        t
    }

    /// Whether some equation of `t` has exactly one figure not shown.
    fn revealed(t: &Counts, marks: &[Mark]) -> bool {
        t.equations().iter().any(|(members, total)| {
            members
                .iter()
                .chain(std::iter::once(total))
                .filter(|&&i| marks[i] != Mark::Shown)
                .count()
                == 1
        })
    }

    #[test]
    fn a_small_cell_hides_with_the_next_smallest_so_the_total_cannot_reveal_it() {
        let t = one_way(&[3, 40, 12, 0]);
        let m = suppress(&t, 5);
        assert_eq!(m[t.index(0, 0)], Mark::Small);
        // The zero is the smallest other figure: hiding it leaves 3 + x = 3.
        assert_eq!(m[t.index(3, 0)], Mark::Hidden);
        assert_eq!(m[t.index(1, 0)], Mark::Shown);
        assert_eq!(m[t.index(2, 0)], Mark::Shown);
        assert_eq!(m[t.index(4, 0)], Mark::Shown, "the total stays");
        assert!(!revealed(&t, &m));
    }

    #[test]
    fn nothing_is_hidden_when_nothing_is_small_and_zeros_show() {
        let t = one_way(&[0, 7, 5]);
        assert!(suppress(&t, 5).iter().all(|m| *m == Mark::Shown));
    }

    #[test]
    fn a_small_total_hides_with_its_cells() {
        let t = one_way(&[2, 1]);
        let m = suppress(&t, 5);
        for row in 0..=2 {
            assert_eq!(m[t.index(row, 0)], Mark::Small, "{m:?}");
        }
        assert!(!revealed(&t, &m));
    }

    #[test]
    fn a_crossed_table_hides_in_rows_columns_and_totals_until_nothing_is_revealed() {
        // rows: women, men; columns: Kenya, Senegal, Brazil.
        let cells = [[2, 30, 9], [14, 25, 40]];
        let mut t = Counts::new(2, 3, true);
        for (r, row) in cells.iter().enumerate() {
            for (c, &n) in row.iter().enumerate() {
                t.add(r, c, n);
                t.add(r, 3, n);
                t.add(2, c, n);
                t.add(2, 3, n);
            }
        }
        let m = suppress(&t, 5);
        assert_eq!(m[t.index(0, 0)], Mark::Small);
        assert!(!revealed(&t, &m));
        let hidden = m.iter().filter(|x| **x == Mark::Hidden).count();
        assert!(hidden >= 3, "a row, a column and a corner: {m:?}");
        assert_eq!(
            m[t.index(2, 3)],
            Mark::Shown,
            "the grand total is large and stays"
        );
    }

    #[test]
    fn generated_tables_never_leave_one_unknown_in_an_equation() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % 12
        };
        for _ in 0..500 {
            let (rows, cols) = (1 + next() as usize % 5, 1 + next() as usize % 4);
            let mut t = Counts::new(rows, cols, cols > 1);
            for r in 0..rows {
                for c in 0..cols {
                    let n = next();
                    t.add(r, c, n);
                    if t.two_way {
                        t.add(r, cols, n);
                        t.add(rows, c, n);
                        t.add(rows, cols, n);
                    } else {
                        t.add(rows, c, n);
                    }
                }
            }
            let m = suppress(&t, 5);
            assert!(!revealed(&t, &m), "{t:?} {m:?}");
            for (i, &n) in t.figures.iter().enumerate() {
                if n > 0 && n < 5 {
                    assert_ne!(m[i], Mark::Shown, "{t:?}");
                }
            }
        }
    }
}
