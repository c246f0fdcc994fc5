//! The names PostgreSQL generates for unnamed constraints, indexes and serial sequences
//! (`makeObjectName`, `ChooseRelationName`, `ChooseConstraintName` in the server).

use rustc_hash::FxHashSet;

/// `NAMEDATALEN - 1`: the longest identifier, in bytes.
pub const MAX_IDENTIFIER_BYTES: usize = 63;

/// `name1_name2_label`, with `name1` and `name2` shortened (the longer one first) so that
/// the whole fits in 63 bytes, never cutting a multibyte character.
pub fn make_object_name(name1: &str, name2: Option<&str>, label: &str) -> String {
    let overhead = label.len() + 1 + if name2.is_some() { 1 } else { 0 };
    let available = MAX_IDENTIFIER_BYTES - overhead;
    let (mut len1, mut len2) = (name1.len(), name2.map_or(0, str::len));
    while len1 + len2 > available {
        if len1 > len2 {
            len1 -= 1;
        } else {
            len2 -= 1;
        }
    }
    let mut name = clip(name1, len1).to_string();
    if let Some(name2) = name2 {
        name.push('_');
        name.push_str(clip(name2, len2));
    }
    name.push('_');
    name.push_str(label);
    name
}

/// `name` truncated to at most `bytes` bytes on a character boundary.
pub fn clip(name: &str, bytes: usize) -> &str {
    let mut end = bytes.min(name.len());
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// Column names joined with `_` as `ChooseIndexNameAddition` does: it stops once the
/// text reaches the identifier length.
pub fn column_addition(columns: &[&str]) -> String {
    let mut out = String::new();
    for column in columns {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(clip(column, MAX_IDENTIFIER_BYTES));
        if out.len() > MAX_IDENTIFIER_BYTES {
            break;
        }
    }
    out
}

/// The names already taken in each schema; relation and constraint names share it because
/// a primary key or unique constraint is both.
#[derive(Debug, Default)]
pub struct NamePool {
    taken: FxHashSet<(String, String)>,
}

impl NamePool {
    /// Marks `name` as used in `schema`.
    pub fn take(&mut self, schema: &str, name: &str) {
        self.taken.insert((schema.to_string(), name.to_string()));
    }

    /// Frees a name (the object was dropped or renamed).
    pub fn release(&mut self, schema: &str, name: &str) {
        self.taken.remove(&(schema.to_string(), name.to_string()));
    }

    /// The first free name of `name1_name2_label`, `…_label1`, `…_label2`…, now taken.
    pub fn choose(
        &mut self,
        schema: &str,
        name1: &str,
        name2: Option<&str>,
        label: &str,
    ) -> String {
        let mut pass = 0;
        loop {
            let modified_label = if pass == 0 {
                label.to_string()
            } else {
                format!("{label}{pass}")
            };
            let candidate = make_object_name(name1, name2, &modified_label);
            if !self
                .taken
                .contains(&(schema.to_string(), candidate.clone()))
            {
                self.take(schema, &candidate);
                return candidate;
            }
            pass += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_names_match_the_server() {
        assert_eq!(make_object_name("orders", None, "pkey"), "orders_pkey");
        assert_eq!(
            make_object_name("orders", Some("customer_id"), "fkey"),
            "orders_customer_id_fkey"
        );
        let long_table = "a".repeat(60);
        let name = make_object_name(&long_table, Some("email"), "key");
        assert_eq!(name.len(), 63);
        assert_eq!(name, format!("{}_email_key", "a".repeat(53)));
        // the longer part is shortened first
        let name = make_object_name(&"t".repeat(40), Some(&"c".repeat(40)), "idx");
        assert_eq!(name, format!("{}_{}_idx", "t".repeat(29), "c".repeat(29)));
    }

    #[test]
    fn collisions_get_numeric_suffixes() {
        let mut pool = NamePool::default();
        pool.take("public", "t_a_key");
        assert_eq!(pool.choose("public", "t", Some("a"), "key"), "t_a_key1");
        assert_eq!(pool.choose("public", "t", Some("a"), "key"), "t_a_key2");
        assert_eq!(pool.choose("other", "t", Some("a"), "key"), "t_a_key");
    }

    #[test]
    fn truncation_respects_character_boundaries() {
        assert_eq!(clip("aé", 2), "a");
    }
}
