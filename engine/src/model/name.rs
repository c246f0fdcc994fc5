use std::fmt;

use serde::{Deserialize, Serialize};

use crate::render::quote::{quote_ident, quote_qualified};

/// `schema.name`, unquoted; rendering quotes where PostgreSQL needs it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct QualifiedName {
    pub schema: String,
    pub name: String,
}

impl QualifiedName {
    pub fn new(schema: impl Into<String>, name: impl Into<String>) -> Self {
        QualifiedName {
            schema: schema.into(),
            name: name.into(),
        }
    }

    /// The way `format_type` prints a type with `search_path = public`: unqualified in
    /// `public`, qualified elsewhere.
    pub fn type_display(&self) -> String {
        if self.schema == "public" {
            quote_ident(&self.name)
        } else {
            quote_qualified(self)
        }
    }
}

/// Always schema-qualified and quoted where needed: the form used in emitted SQL.
impl fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&quote_qualified(self))
    }
}
