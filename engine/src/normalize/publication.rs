//! Publications from their statements, for both sources: the file's `CREATE PUBLICATION` and
//! `ALTER PUBLICATION`, or the `CREATE PUBLICATION` the live loader builds from the catalog.
//! Options are kept as the server stores them, so that a file spelling the defaults equals a
//! database.

use pg_query::protobuf::{CreatePublicationStmt, PublicationObjSpecType};
use pg_query::{Node, NodeEnum};

use super::definitions::{deparse_expr, relation_name, string_of};
use super::expr::{normalize, referenced_columns, to_json};
use super::view::{option_value, strip_qualifiers};
use crate::model::{Expr, Publication, PublishedTable, ALL_OPERATIONS};

/// The model of `CREATE PUBLICATION`.
pub fn publication(stmt: &CreatePublicationStmt) -> Publication {
    let mut publication = Publication {
        all_tables: stmt.for_all_tables,
        ..Publication::empty(&stmt.pubname)
    };
    let (tables, schemas) = published_objects(&stmt.pubobjects);
    add_objects(&mut publication, tables, schemas);
    set_options(&mut publication, &stmt.options);
    publication
}

/// The tables and schemas of a `FOR …` or `ADD`/`DROP`/`SET` list.
pub fn published_objects(objects: &[Node]) -> (Vec<PublishedTable>, Vec<String>) {
    let mut tables = Vec::new();
    let mut schemas = Vec::new();
    // after the first, a name without a keyword continues the kind before it
    let mut kind = PublicationObjSpecType::PublicationobjTable;
    for object in objects {
        let Some(NodeEnum::PublicationObjSpec(spec)) = &object.node else {
            continue;
        };
        match PublicationObjSpecType::try_from(spec.pubobjtype) {
            Ok(PublicationObjSpecType::PublicationobjContinuation) | Err(_) => {}
            Ok(other) => kind = other,
        }
        match kind {
            PublicationObjSpecType::PublicationobjTablesInSchema => schemas.push(spec.name.clone()),
            // both sources read with `search_path = public`
            PublicationObjSpecType::PublicationobjTablesInCurSchema => {
                schemas.push("public".to_string())
            }
            _ => tables.extend(spec.pubtable.as_deref().and_then(published_table)),
        }
    }
    (tables, schemas)
}

fn published_table(spec: &pg_query::protobuf::PublicationTable) -> Option<PublishedTable> {
    let table = relation_name(spec.relation.as_ref()?);
    let columns = (!spec.columns.is_empty()).then(|| {
        let mut columns: Vec<String> = spec.columns.iter().filter_map(string_of).collect();
        columns.sort();
        columns
    });
    let mut filter_columns = Vec::new();
    let row_filter = spec.where_clause.as_deref().map(|node| {
        let mut tree = to_json(node);
        normalize(&mut tree);
        strip_qualifiers(&mut tree, std::slice::from_ref(&table.name));
        referenced_columns(&tree, &mut filter_columns);
        Expr {
            sql: deparse_expr(node),
            canonical: tree.to_string().into(),
        }
    });
    filter_columns.sort();
    filter_columns.dedup();
    Some(PublishedTable {
        table,
        columns,
        row_filter,
        filter_columns,
    })
}

/// Adds tables and schemas to a publication, keeping both lists sorted; a table listed
/// again takes its new column list and filter.
pub fn add_objects(
    publication: &mut Publication,
    tables: Vec<PublishedTable>,
    schemas: Vec<String>,
) {
    for table in tables {
        publication.tables.retain(|t| t.table != table.table);
        publication.tables.push(table);
    }
    publication.tables.sort_by(|a, b| a.table.cmp(&b.table));
    publication.schemas.extend(schemas);
    publication.schemas.sort();
    publication.schemas.dedup();
}

/// `WITH (…)` of `CREATE PUBLICATION` or `ALTER PUBLICATION … SET (…)`: an option not
/// written keeps its value.
pub fn set_options(publication: &mut Publication, options: &[Node]) {
    for option in options {
        let Some(NodeEnum::DefElem(def)) = &option.node else {
            continue;
        };
        let value = def.arg.as_deref().map(option_value);
        match def.defname.as_str() {
            "publish" => {
                let listed = value.unwrap_or_default();
                let listed: Vec<&str> = listed.split(',').map(str::trim).collect();
                publication.publish = ALL_OPERATIONS
                    .iter()
                    .filter(|o| listed.contains(o))
                    .map(|o| o.to_string())
                    .collect();
            }
            "publish_via_partition_root" => {
                publication.via_partition_root =
                    value.is_none_or(|v| matches!(v.as_str(), "true" | "on" | "1" | "yes"))
            }
            _ => {}
        }
    }
}
