//! The storage a column gets from its type, so that both sources report `SET STORAGE` only
//! where it differs (the live side compares `attstorage` with the type's `typstorage`).

use crate::model::{Catalog, Storage, TypeOwner};

/// Built-in types that are stored `main` (compressed, kept inline where possible).
const MAIN: [&str; 3] = ["numeric", "cidr", "inet"];

/// Built-in types stored `plain` (the fixed-length ones, and `tsquery`): the rest, and the
/// types of extensions, are taken as `extended`, as variable-length types mostly are.
const PLAIN: [&str; 43] = [
    "tsquery",
    "gtsvector",
    "regcollation",
    "regdictionary",
    "bigint",
    "smallint",
    "integer",
    "oid",
    "tid",
    "xid",
    "xid8",
    "cid",
    "boolean",
    "\"char\"",
    "name",
    "real",
    "double precision",
    "money",
    "macaddr",
    "macaddr8",
    "aclitem",
    "date",
    "time without time zone",
    "time with time zone",
    "timestamp without time zone",
    "timestamp with time zone",
    "interval",
    "uuid",
    "pg_lsn",
    "point",
    "lseg",
    "box",
    "line",
    "circle",
    "regproc",
    "regprocedure",
    "regoper",
    "regoperator",
    "regclass",
    "regtype",
    "regrole",
    "regnamespace",
    "regconfig",
];

/// The storage PostgreSQL gives a column of `type_name` (as `format_type` prints it), in
/// `catalog`, which may define it.
pub fn type_storage(type_name: &str, catalog: &Catalog) -> Storage {
    if type_name.ends_with("[]") {
        return Storage::Extended;
    }
    // typmods (`numeric(10,2)`, `timestamp(3) with time zone`) do not change the storage
    let base: String = match type_name.split_once('(') {
        Some((before, rest)) => {
            let after = rest.split_once(')').map_or("", |(_, after)| after);
            format!("{}{after}", before.trim_end())
        }
        None => type_name.to_string(),
    };
    let base = base.as_str();
    if MAIN.contains(&base) {
        return Storage::Main;
    }
    if PLAIN.contains(&base) {
        return Storage::Plain;
    }
    match catalog.user_types().get(base) {
        Some(TypeOwner::Type(name)) if catalog.enums.contains_key(name) => Storage::Plain,
        Some(TypeOwner::Type(name)) => match catalog.domains.get(name) {
            Some(domain) => type_storage(&domain.base_type, catalog),
            None => Storage::Extended,
        },
        _ => Storage::Extended,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typmods_and_arrays_keep_the_storage_of_their_type() {
        let catalog = Catalog::default();
        assert_eq!(type_storage("numeric(10,2)", &catalog), Storage::Main);
        assert_eq!(
            type_storage("timestamp(3) with time zone", &catalog),
            Storage::Plain
        );
        assert_eq!(type_storage("integer[]", &catalog), Storage::Extended);
        assert_eq!(
            type_storage("character varying(20)", &catalog),
            Storage::Extended
        );
    }
}
