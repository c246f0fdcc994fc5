//! What a desired state needs of the server a plan is for. Some of what the model holds
//! came with a PostgreSQL release (`UNIQUE NULLS NOT DISTINCT` with 15, `MAINTAIN` with
//! 17…); a plan whose desired state uses one, for a database whose server is older, is
//! refused before anything is planned, naming each use, the feature and the version that
//! introduced it, rather than failing half-way through `up.sql`.

use crate::error::Error;
use crate::model::Catalog;

/// A feature of the desired state that not every supported server has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Feature {
    ColumnCompression,
    NullsNotDistinct,
    Maintain,
}

impl Feature {
    fn name(self) -> &'static str {
        match self {
            Feature::ColumnCompression => "a column's COMPRESSION",
            Feature::NullsNotDistinct => "UNIQUE NULLS NOT DISTINCT",
            Feature::Maintain => "the MAINTAIN privilege",
        }
    }

    /// The major version that introduced it.
    fn since(self) -> u32 {
        match self {
            Feature::ColumnCompression => 14,
            Feature::NullsNotDistinct => 15,
            Feature::Maintain => 17,
        }
    }
}

/// Each use of a feature in `catalog`, with the object that makes it, in catalog order.
fn uses(catalog: &Catalog) -> Vec<(Feature, String)> {
    let mut uses = Vec::new();
    for table in catalog.tables.values() {
        for column in table.columns.values().filter(|c| c.compression.is_some()) {
            uses.push((
                Feature::ColumnCompression,
                format!("column `{}.{}`", table.name, column.name),
            ));
        }
        for constraint in table.constraints.values() {
            if nulls_not_distinct(&constraint.definition.canonical) {
                uses.push((
                    Feature::NullsNotDistinct,
                    format!("constraint `{}` on `{}`", constraint.name, table.name),
                ));
            }
        }
    }
    for index in catalog.indexes.values() {
        if nulls_not_distinct(&index.definition.canonical) {
            uses.push((Feature::NullsNotDistinct, format!("index `{}`", index.name)));
        }
    }
    for privileges in catalog.privileges.values() {
        if privileges.grants.iter().any(|g| g.privilege == "MAINTAIN") {
            uses.push((
                Feature::Maintain,
                format!("grant on {}", privileges.object.describe()),
            ));
        }
    }
    for defaults in catalog.default_privileges.values() {
        if defaults.grants.iter().any(|g| g.privilege == "MAINTAIN") {
            uses.push((Feature::Maintain, "ALTER DEFAULT PRIVILEGES".to_string()));
        }
    }
    uses
}

/// A constraint's or an index's canonical parse tree asks for `NULLS NOT DISTINCT`.
fn nulls_not_distinct(canonical: &str) -> bool {
    canonical.contains("\"nulls_not_distinct\":true")
}

/// Refuses `desired` for a server of `version_num` (`server_version_num`) that lacks a
/// feature it uses; `server` names the database in the message.
pub fn check(desired: &Catalog, version_num: u32, server: &str) -> Result<(), Error> {
    let major = version_num / 10000;
    let mut lacking: Vec<(Feature, String)> = uses(desired)
        .into_iter()
        .filter(|(feature, _)| feature.since() > major)
        .collect();
    if lacking.is_empty() {
        return Ok(());
    }
    lacking.sort();
    let list: Vec<String> = lacking
        .iter()
        .map(|(feature, object)| {
            format!(
                "{} (PostgreSQL {}+): {object}",
                feature.name(),
                feature.since()
            )
        })
        .collect();
    Err(Error::ServerTooOld {
        server: server.to_string(),
        version: format!("{major}.{}", version_num % 100),
        uses: list.join("; "),
    })
}
