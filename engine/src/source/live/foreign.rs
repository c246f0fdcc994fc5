//! Foreign data wrappers, servers, user mappings and foreign tables (not those of
//! extensions). A foreign table's owner and grants are read with the tables'.

use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::{
    AclObject, Catalog, ForeignColumn, ForeignDataWrapper, ForeignOptions, ForeignServer,
    ForeignTable, MappedUser, QualifiedName, UserMapping,
};

const WRAPPERS: &str = include_str!("queries/foreign_data_wrappers.sql");
const SERVERS: &str = include_str!("queries/foreign_servers.sql");
const MAPPINGS: &str = include_str!("queries/user_mappings.sql");
const TABLES: &str = include_str!("queries/foreign_tables.sql");

/// A column of `foreign_tables.sql`'s JSON.
#[derive(serde::Deserialize)]
struct ColumnRow {
    name: String,
    #[serde(rename = "type")]
    type_name: String,
    not_null: bool,
    options: Vec<String>,
}

/// `{name=value, …}` as the catalogs keep options.
fn options(list: Vec<String>) -> ForeignOptions {
    ForeignOptions(
        (list.into_iter())
            .map(|option| match option.split_once('=') {
                Some((name, value)) => (name.to_string(), value.to_string()),
                None => (option, String::new()),
            })
            .collect(),
    )
}

/// Adds the database's foreign data wrappers, servers and user mappings.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let what = "foreign data wrappers";
    for row in reader.query(tx, what, WRAPPERS)? {
        let function = |schema: &str, name: &str| -> Result<Option<QualifiedName>, Error> {
            let schema = reader.get::<Option<String>>(&row, what, schema)?;
            let name = reader.get::<Option<String>>(&row, what, name)?;
            Ok(schema.zip(name).map(|(s, n)| QualifiedName::new(s, n)))
        };
        let wrapper = ForeignDataWrapper {
            name: reader.get(&row, what, "name")?,
            handler: function("handler_schema", "handler_name")?,
            validator: function("validator_schema", "validator_name")?,
            options: options(reader.get(&row, what, "options")?),
            comment: reader.get(&row, what, "comment")?,
        };
        let owner = reader.get::<Option<String>>(&row, what, "owner")?;
        catalog.set_owner(AclObject::ForeignDataWrapper(wrapper.name.clone()), owner);
        (catalog.foreign_data_wrappers).insert(wrapper.name.clone(), wrapper);
    }
    let what = "foreign servers";
    for row in reader.query(tx, what, SERVERS)? {
        let server = ForeignServer {
            name: reader.get(&row, what, "name")?,
            wrapper: reader.get(&row, what, "wrapper")?,
            server_type: reader.get(&row, what, "server_type")?,
            version: reader.get(&row, what, "version")?,
            options: options(reader.get(&row, what, "options")?),
            comment: reader.get(&row, what, "comment")?,
        };
        let owner = reader.get::<Option<String>>(&row, what, "owner")?;
        catalog.set_owner(AclObject::ForeignServer(server.name.clone()), owner);
        catalog.foreign_servers.insert(server.name.clone(), server);
    }
    let what = "user mappings";
    for row in reader.query(tx, what, MAPPINGS)? {
        let kind: String = reader.get(&row, what, "kind")?;
        let user = match kind.as_str() {
            "public" => MappedUser::Public,
            "current" => MappedUser::Current,
            _ => MappedUser::Role(reader.get(&row, what, "role")?),
        };
        let mapping = UserMapping {
            user,
            server: reader.get(&row, what, "server")?,
            options: options(reader.get(&row, what, "options")?),
        };
        let key = (mapping.server.clone(), mapping.user.clone());
        catalog.user_mappings.insert(key, mapping);
    }
    let what = "foreign tables";
    for row in reader.query(tx, what, TABLES)? {
        let name = QualifiedName::new(
            reader.get::<String>(&row, what, "schema")?,
            reader.get::<String>(&row, what, "name")?,
        );
        let columns: String = reader.get(&row, what, "columns")?;
        let columns: Vec<ColumnRow> = serde_json::from_str(&columns)
            .map_err(|e| reader.error(what, format!("columns of `{name}`: {e}")))?;
        let table = ForeignTable {
            name: name.clone(),
            columns: (columns.into_iter())
                .map(|c| ForeignColumn {
                    name: c.name,
                    type_name: c.type_name,
                    not_null: c.not_null,
                    options: options(c.options),
                })
                .collect(),
            server: reader.get(&row, what, "server")?,
            options: options(reader.get(&row, what, "options")?),
            comment: reader.get(&row, what, "comment")?,
        };
        catalog.foreign_tables.insert(name, table);
    }
    Ok(())
}
