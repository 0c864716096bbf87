//! Adjacency lists of every vertex in one flat array (compressed sparse rows).

#[derive(Clone, Debug, Default)]
pub struct Csr {
    start: Vec<usize>,
    list: Vec<usize>,
}

impl Csr {
    /// Row `a` lists every `b` of the pairs `(a, b)`, in pair order; pairs
    /// naming a row at or beyond `len` are left out.
    pub fn from_pairs(len: usize, pairs: &[(usize, usize)]) -> Csr {
        let mut start = vec![0usize; len + 1];
        for &(a, _) in pairs {
            if a < len {
                if let Some(s) = start.get_mut(a + 1) {
                    *s += 1;
                }
            }
        }
        let mut sum = 0;
        for s in start.iter_mut() {
            sum += *s;
            *s = sum;
        }
        let mut fill = start.clone();
        let mut list = vec![0usize; sum];
        for &(a, b) in pairs {
            if let Some(f) = fill.get_mut(a).filter(|_| a < len) {
                if let Some(slot) = list.get_mut(*f) {
                    *slot = b;
                }
                *f += 1;
            }
        }
        Csr { start, list }
    }

    /// Row `v` (empty for an unknown row).
    pub fn of(&self, v: usize) -> &[usize] {
        match (self.start.get(v), self.start.get(v + 1)) {
            (Some(&a), Some(&b)) => self.list.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}
