//! Definitions built from the file's trees once per distinct tree: a large file repeats a
//! few (`PRIMARY KEY (id)`, `CHECK (qty >= 0)`, `DEFAULT now()`) thousands of times, and
//! building one is a round trip through the parser's deparser.

use rustc_hash::FxHashMap;

use pg_query::{protobuf, Node};
use serde::Serialize;

use super::tables::default_expression;
use crate::model::{Constraint, Expr};
use crate::normalize::definitions;

#[derive(Default)]
pub(super) struct DefinitionMemo {
    /// By tree, the name left out: the constraint as built with an empty name.
    constraints: FxHashMap<String, Constraint>,
    /// By column type and tree.
    defaults: FxHashMap<(String, String), Option<Expr>>,
}

impl DefinitionMemo {
    /// [`definitions::constraint`] printed from the tree.
    pub(super) fn constraint(&mut self, node: &mut protobuf::Constraint, name: &str) -> Constraint {
        // the key and the definition leave the name out
        let conname = std::mem::take(&mut node.conname);
        let built = (self.constraints)
            .entry(location_free_tree(node))
            .or_insert_with(|| definitions::constraint(node, "", None));
        node.conname = conname;
        Constraint {
            name: name.to_string(),
            ..built.clone()
        }
    }

    /// [`default_expression`].
    pub(super) fn default_expression(&mut self, node: &Node, type_name: &str) -> Option<Expr> {
        let key = (type_name.to_string(), location_free_tree(node));
        (self.defaults.entry(key))
            .or_insert_with(|| default_expression(node, type_name))
            .clone()
    }
}

/// The JSON form of a tree without its source locations (`"location":12`), which are all
/// that tells two copies of one definition apart.
fn location_free_tree(node: &impl Serialize) -> String {
    let json = serde_json::to_string(node).unwrap_or_default();
    let mut key = String::with_capacity(json.len());
    let mut rest = json.as_str();
    while let Some(at) = rest.find("location\":") {
        let (before, after) = rest.split_at(at + "location\":".len());
        key.push_str(before);
        rest = after.trim_start_matches(|c: char| c == '-' || c.is_ascii_digit());
    }
    key.push_str(rest);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_of(sql: &str) -> Node {
        let parsed = pg_query::parse(sql, 0).unwrap();
        let Some(pg_query::NodeEnum::CreateStmt(create)) =
            parsed.protobuf.stmts[0].stmt.clone().unwrap().node
        else {
            panic!("not a CREATE TABLE");
        };
        let Some(pg_query::NodeEnum::ColumnDef(column)) = create.table_elts[0].node.clone() else {
            panic!("not a column");
        };
        let Some(pg_query::NodeEnum::Constraint(default)) = column.constraints[0].node.clone()
        else {
            panic!("not a constraint");
        };
        *default.raw_expr.unwrap()
    }

    #[test]
    fn copies_at_other_places_share_a_key_and_other_trees_do_not() {
        let near = default_of("CREATE TABLE t (a int DEFAULT 1 + 2)");
        let far = default_of("CREATE TABLE long_name (a int    DEFAULT 1 + 2)");
        let other = default_of("CREATE TABLE t (a int DEFAULT 1 + 3)");
        assert_eq!(location_free_tree(&near), location_free_tree(&far));
        assert_ne!(location_free_tree(&near), location_free_tree(&other));
        let mut memo = DefinitionMemo::default();
        let first = memo.default_expression(&near, "integer").unwrap();
        let second = memo.default_expression(&far, "integer").unwrap();
        assert_eq!(first.sql, "1 + 2");
        assert_eq!((first.sql, first.canonical), (second.sql, second.canonical));
    }
}
