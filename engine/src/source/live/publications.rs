//! Publications: one query, whose rows are turned into the `CREATE PUBLICATION` statements
//! that would make them and parsed in one pg_query call, so that the file's statements and
//! the server's go through one normaliser.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::{AclObject, Catalog};
use crate::normalize::publication::publication;
use crate::render::quote::quote_ident;

const QUERY: &str = include_str!("queries/publications.sql");
const OBJECTS: &str = include_str!("queries/publication_objects.sql");
const OBJECTS_BEFORE_15: &str = include_str!("queries/publication_objects_pg14.sql");
const WHAT: &str = "publications";

pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let objects = match catalog.cluster.version_num {
        Some(number) if number < 150000 => OBJECTS_BEFORE_15,
        _ => OBJECTS,
    };
    let query = QUERY.replace("{objects}", objects);
    let mut statements = String::new();
    let mut extras = Vec::new();
    for row in reader.query(tx, WHAT, &query)? {
        let name: String = reader.get(&row, WHAT, "name")?;
        let all_tables: bool = reader.get(&row, WHAT, "all_tables")?;
        let objects: Option<String> = reader.get(&row, WHAT, "objects")?;
        let publish: String = reader.get(&row, WHAT, "publish")?;
        let via_partition_root: bool = reader.get(&row, WHAT, "via_partition_root")?;
        statements.push_str(&format!("CREATE PUBLICATION {}", quote_ident(&name)));
        match (all_tables, objects.filter(|o| !o.is_empty())) {
            (true, _) => statements.push_str(" FOR ALL TABLES"),
            (false, Some(objects)) => statements.push_str(&format!(" FOR {objects}")),
            (false, None) => {}
        }
        statements.push_str(&format!(
            " WITH (publish = '{publish}', publish_via_partition_root = {via_partition_root});\n"
        ));
        extras.push((
            reader.get::<Option<String>>(&row, WHAT, "comment")?,
            reader.get::<Option<String>>(&row, WHAT, "owner")?,
        ));
    }
    let parsed = pg_query::parse(&statements, 0)
        .map_err(|e| reader.error(WHAT, format!("a printed publication does not parse: {e}")))?;
    for (raw, (comment, owner)) in parsed.protobuf.stmts.iter().zip(extras) {
        let Some(NodeEnum::CreatePublicationStmt(stmt)) =
            raw.stmt.as_ref().and_then(|s| s.node.as_ref())
        else {
            continue;
        };
        let mut publication = publication(stmt);
        publication.comment = comment;
        catalog.set_owner(AclObject::Publication(publication.name.clone()), owner);
        catalog
            .publications
            .insert(publication.name.clone(), publication);
    }
    Ok(())
}
