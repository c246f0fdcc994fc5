//! What a desired state needs of the server a plan is for. Some of what the model holds
//! came with a PostgreSQL release (`UNIQUE NULLS NOT DISTINCT` with 15, `MAINTAIN` with
//! 17…); a plan whose desired state uses one, for a database whose server is older, is
//! refused before anything is planned, naming each use, the feature and the version that
//! introduced it, rather than failing half-way through `up.sql`. So is what the server's
//! build lacks: a compression method, an extension version it cannot install.

use crate::error::Error;
use crate::model::{Catalog, STORED_OPTIONS};

/// A feature of the desired state that not every supported server has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Feature {
    ColumnCompression,
    MultirangeTypeName,
    SqlStandardBody,
    NullsNotDistinct,
    SetColumnList,
    SecurityInvoker,
    PublishedColumns,
    PublishedRows,
    PublishedSchemas,
    Maintain,
    StatisticsExpressions,
    /// A subscription option, with the version that introduced it.
    SubscriptionOption(&'static str, u32),
}

impl Feature {
    fn name(self) -> &'static str {
        match self {
            Feature::ColumnCompression => "a column's COMPRESSION",
            Feature::MultirangeTypeName => "a range type's multirange_type_name",
            Feature::SqlStandardBody => "a SQL-standard function body (BEGIN ATOMIC or RETURN)",
            Feature::NullsNotDistinct => "UNIQUE NULLS NOT DISTINCT",
            Feature::SetColumnList => "ON DELETE SET NULL/SET DEFAULT with a column list",
            Feature::SecurityInvoker => "a view's security_invoker",
            Feature::PublishedColumns => "a publication's column list",
            Feature::PublishedRows => "a publication's row filter (WHERE)",
            Feature::PublishedSchemas => "a publication's TABLES IN SCHEMA",
            Feature::Maintain => "the MAINTAIN privilege",
            Feature::StatisticsExpressions => "extended statistics on expressions",
            Feature::SubscriptionOption(option, _) => option,
        }
    }

    /// The major version that introduced it.
    fn since(self) -> u32 {
        match self {
            Feature::ColumnCompression
            | Feature::MultirangeTypeName
            | Feature::SqlStandardBody
            | Feature::StatisticsExpressions => 14,
            Feature::NullsNotDistinct
            | Feature::SetColumnList
            | Feature::SecurityInvoker
            | Feature::PublishedColumns
            | Feature::PublishedRows
            | Feature::PublishedSchemas => 15,
            Feature::Maintain => 17,
            Feature::SubscriptionOption(_, since) => since,
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
            let canonical = &constraint.definition.canonical;
            let object = || format!("constraint `{}` on `{}`", constraint.name, table.name);
            if nulls_not_distinct(canonical) {
                uses.push((Feature::NullsNotDistinct, object()));
            }
            if canonical.contains("\"fk_del_set_cols\":[{") {
                uses.push((Feature::SetColumnList, object()));
            }
        }
    }
    for range in catalog.range_types.values() {
        if range
            .options
            .iter()
            .any(|o| o.starts_with("multirange_type_name"))
        {
            uses.push((
                Feature::MultirangeTypeName,
                format!("type `{}`", range.name),
            ));
        }
    }
    for function in catalog.functions.values() {
        if function.definition.canonical.contains("\"sql_body\":{") {
            uses.push((
                Feature::SqlStandardBody,
                format!(
                    "{} `{}`",
                    function.keyword().to_lowercase(),
                    function.signature()
                ),
            ));
        }
    }
    for view in catalog.views.values() {
        if view
            .options
            .iter()
            .any(|o| o.starts_with("security_invoker"))
        {
            uses.push((Feature::SecurityInvoker, format!("view `{}`", view.name)));
        }
    }
    for publication in catalog.publications.values() {
        let object = || format!("publication `{}`", publication.name);
        if publication.tables.iter().any(|t| t.columns.is_some()) {
            uses.push((Feature::PublishedColumns, object()));
        }
        if publication.tables.iter().any(|t| t.row_filter.is_some()) {
            uses.push((Feature::PublishedRows, object()));
        }
        if !publication.schemas.is_empty() {
            uses.push((Feature::PublishedSchemas, object()));
        }
    }
    for statistics in catalog.statistics.values() {
        if !statistics.expressions.is_empty() {
            let object = format!("statistics `{}`", statistics.name);
            uses.push((Feature::StatisticsExpressions, object));
        }
    }
    for subscription in catalog.subscriptions.values() {
        for (option, _, since) in STORED_OPTIONS {
            if subscription.options.contains_key(option) {
                let object = format!("subscription `{}`", subscription.name);
                uses.push((Feature::SubscriptionOption(option, since), object));
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

/// Refuses `desired` for the database `server` names, whose catalog is `current`, where its
/// server lacks a feature `desired` uses or an extension version it asks for (one not
/// installed there already).
pub fn check(desired: &Catalog, current: &Catalog, server: &str) -> Result<(), Error> {
    let Some(version_num) = current.cluster.version_num else {
        return Ok(());
    };
    let major = version_num / 10000;
    let mut lacking: Vec<(Feature, String)> = uses(desired)
        .into_iter()
        .filter(|(feature, _)| feature.since() > major)
        .collect();
    lacking.sort();
    let mut list: Vec<String> = lacking
        .iter()
        .map(|(feature, object)| {
            format!(
                "{} (PostgreSQL {}+): {object}",
                feature.name(),
                feature.since()
            )
        })
        .collect();
    list.extend(missing_extensions(desired, current));
    list.extend(missing_compression(desired, current));
    if list.is_empty() {
        return Ok(());
    }
    Err(Error::ServerTooOld {
        server: server.to_string(),
        version: format!("{major}.{}", version_num % 100),
        uses: list.join("; "),
    })
}

/// The columns of `desired` whose compression method `current`'s server was built without
/// (`lz4` needs a server built with it).
fn missing_compression(desired: &Catalog, current: &Catalog) -> Vec<String> {
    let Some(methods) = &current.cluster.compression_methods else {
        return Vec::new();
    };
    let mut missing = Vec::new();
    for table in desired.tables.values() {
        for column in table.columns.values() {
            match &column.compression {
                Some(method) if !methods.contains(method) => missing.push(format!(
                    "compression method {method} (it has {}): column `{}.{}`",
                    methods.join(", "),
                    table.name,
                    column.name
                )),
                _ => {}
            }
        }
    }
    missing
}

/// The extensions of `desired` that `current`'s server cannot install: at the version
/// pinned, or at all; one installed already as asked is not checked.
fn missing_extensions(desired: &Catalog, current: &Catalog) -> Vec<String> {
    let Some(available) = &current.cluster.extension_versions else {
        return Vec::new();
    };
    desired
        .extensions
        .values()
        .filter(|wanted| {
            current
                .extensions
                .get(&wanted.name)
                .is_none_or(|installed| {
                    wanted.version.is_some() && wanted.version != installed.version
                })
        })
        .filter_map(|wanted| {
            let versions: Vec<&str> = available
                .iter()
                .filter(|(name, _)| *name == wanted.name)
                .map(|(_, version)| version.as_str())
                .collect();
            match &wanted.version {
                _ if versions.is_empty() => Some(format!(
                    "extension `{}` (not installable there)",
                    wanted.name
                )),
                Some(version) if !versions.contains(&version.as_str()) => Some(format!(
                    "extension `{}` version {version} (it has {})",
                    wanted.name,
                    versions.join(", ")
                )),
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Extension;
    use crate::source::{sql, SqlFile};

    fn offline(text: &str) -> Catalog {
        sql::load(&[SqlFile {
            name: "to.sql".into(),
            text: text.into(),
        }])
        .expect("the file loads")
    }

    /// An empty database of a server of `version_num`, which can install `extensions`.
    fn server(version_num: u32, extensions: &[(&str, &str)]) -> Catalog {
        let mut catalog = Catalog::default();
        catalog.cluster.version_num = Some(version_num);
        catalog.cluster.extension_versions = Some(
            extensions
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
        );
        catalog
    }

    fn refusal(desired: &Catalog, current: &Catalog) -> Option<String> {
        check(desired, current, "db").err().map(|e| e.to_string())
    }

    #[test]
    fn a_feature_is_refused_before_its_version_and_named_with_it() {
        let desired = offline(
            "CREATE TABLE t (a int, b text COMPRESSION pglz, UNIQUE NULLS NOT DISTINCT (a));
             CREATE UNIQUE INDEX t_b ON t (b) NULLS NOT DISTINCT;
             GRANT MAINTAIN ON t TO PUBLIC;
             CREATE VIEW v WITH (security_invoker = true) AS SELECT a FROM t;
             CREATE FUNCTION one() RETURNS int LANGUAGE sql RETURN 1;
             CREATE FUNCTION two() RETURNS int LANGUAGE sql AS 'SELECT 2';",
        );
        let message = refusal(&desired, &server(130023, &[])).expect("refused on 13");
        assert!(message.contains("PostgreSQL 13.23 (db)"), "{message}");
        assert!(
            message.contains("a column's COMPRESSION (PostgreSQL 14+): column `public.t.b`"),
            "{message}"
        );
        assert!(
            message.contains("UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+): constraint"),
            "{message}"
        );
        assert!(message.contains("index `public.t_b`"), "{message}");
        assert!(
            message.contains("MAINTAIN privilege (PostgreSQL 17+)"),
            "{message}"
        );
        assert!(
            message.contains("security_invoker (PostgreSQL 15+): view `public.v`"),
            "{message}"
        );
        assert!(
            message.contains("(BEGIN ATOMIC or RETURN) (PostgreSQL 14+): function `public.one()`"),
            "{message}"
        );
        assert!(!message.contains("two()"), "{message}");
        let newer = offline(
            "CREATE TABLE s (a int, b int);
             CREATE STATISTICS s_sum ON (a + b), a FROM s;
             CREATE SUBSCRIPTION sub CONNECTION 'host=x' PUBLICATION p
                 WITH (connect = false, slot_name = NONE, binary = true, failover = true);",
        );
        let message = refusal(&newer, &server(140000, &[])).expect("refused on 14");
        assert!(!message.contains("statistics on expressions"), "{message}");
        assert!(!message.contains("binary"), "{message}");
        assert!(
            message.contains("failover (PostgreSQL 17+): subscription `sub`"),
            "{message}"
        );
        let message = refusal(&newer, &server(130000, &[])).expect("refused on 13");
        assert!(
            message.contains(
                "extended statistics on expressions (PostgreSQL 14+): statistics `public.s_sum`"
            ),
            "{message}"
        );
        assert!(message.contains("binary (PostgreSQL 14+)"), "{message}");
        let on_16 = refusal(&desired, &server(160004, &[])).expect("refused on 16");
        assert!(!on_16.contains("NULLS NOT DISTINCT"), "{on_16}");
        assert_eq!(refusal(&desired, &server(170000, &[])), None);
        let mut without_lz4 = server(180000, &[]);
        without_lz4.cluster.compression_methods = Some(vec!["pglz".into()]);
        let lz4 = offline("CREATE TABLE t (a text COMPRESSION lz4, b text COMPRESSION pglz);");
        assert_eq!(
            refusal(&lz4, &without_lz4).as_deref(),
            Some(
                "the desired state uses what PostgreSQL 18.0 (db) does not have: compression \
                 method lz4 (it has pglz): column `public.t.a`; plan for a server that has \
                 them, or leave these out of the desired state"
            )
        );
    }

    #[test]
    fn an_extension_version_the_server_cannot_install_is_refused_unless_installed() {
        let desired = offline("CREATE EXTENSION pg_trgm VERSION '1.6'; CREATE EXTENSION hstore;");
        let available = [("pg_trgm", "1.5"), ("hstore", "1.8")];
        let message = refusal(&desired, &server(130023, &available)).expect("refused");
        assert!(
            message.contains("extension `pg_trgm` version 1.6 (it has 1.5)"),
            "{message}"
        );
        assert!(!message.contains("hstore"), "{message}");
        assert!(refusal(&desired, &server(130023, &[("pg_trgm", "1.5")]))
            .unwrap()
            .contains("extension `hstore` (not installable there)"));
        let mut installed = server(130023, &available);
        installed.extensions.insert(
            "pg_trgm".into(),
            Extension {
                name: "pg_trgm".into(),
                schema: "public".into(),
                version: Some("1.6".into()),
                comment: None,
            },
        );
        assert_eq!(refusal(&desired, &installed), None);
    }
}
