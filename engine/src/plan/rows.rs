//! Lists numbered `0..len` in one allocation: the ordering graph keeps a list per wanted
//! object, and most have one entry or none, where a vector each cost 24 bytes and an
//! allocation of its own.

pub struct Rows<T> {
    /// Row `i` is `values[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    values: Vec<T>,
}

impl<T> Rows<T> {
    /// `len` rows from (row, value) pairs; each row keeps its values in the order given.
    pub fn new(len: usize, mut pairs: Vec<(u32, T)>) -> Self {
        // stable: a row's values stay in the order they were found
        pairs.sort_by_key(|&(row, _)| row);
        let mut starts = vec![0u32; len + 1];
        for &(row, _) in &pairs {
            starts[row as usize + 1] += 1;
        }
        for i in 0..len {
            starts[i + 1] += starts[i];
        }
        let values = pairs.into_iter().map(|(_, value)| value).collect();
        Rows { starts, values }
    }

    pub fn row(&self, row: usize) -> &[T] {
        &self.values[self.starts[row] as usize..self.starts[row + 1] as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = &[T]> {
        (self.starts.windows(2)).map(|bounds| &self.values[bounds[0] as usize..bounds[1] as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::Rows;

    #[test]
    fn each_row_holds_its_values_in_the_order_given() {
        let rows = Rows::new(4, vec![(2, 'a'), (0, 'b'), (2, 'c'), (0, 'd')]);
        assert_eq!(rows.row(0), ['b', 'd']);
        assert_eq!(rows.row(1), [] as [char; 0]);
        assert_eq!(rows.row(2), ['a', 'c']);
        assert_eq!(rows.row(3), [] as [char; 0]);
    }
}
