use serde::{Serialize, Serializer};

/// An SQL expression (default, CHECK, index predicate, constraint definition).
///
/// `sql` is the text to emit, as the source wrote it (or as the server printed it);
/// `canonical` is the normalised parse tree (as JSON), and the only thing compared: two
/// expressions that differ only in how they are printed are equal.
#[derive(Clone, Debug, Eq)]
pub struct Expr {
    pub sql: String,
    pub canonical: String,
}

impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        self.canonical == other.canonical
    }
}

/// Serialised as the canonical form, so that equal catalogs serialise (and fingerprint)
/// equally whichever source they came from.
impl Serialize for Expr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.canonical)
    }
}
