//! Digests that recognise a catalog: of the whole, and of each object to name what changed.
//! Both are serialised straight into the digest, never held as text.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::io;

use indexmap::IndexMap;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::model::Catalog;

/// A stable digest of a catalog, to recognise the database a plan was made for.
pub fn fingerprint(catalog: &Catalog) -> String {
    hex(&digest(catalog), 12)
}

/// A short digest of each object of a catalog, keyed by its kind and name
/// (`tables public.orders`): what tells two catalogs apart object by object.
pub fn object_digests(catalog: &Catalog) -> BTreeMap<String, String> {
    let mut digests = BTreeMap::new();
    let mut add = |kind: &str, name: String, digest: [u8; 32]| {
        digests.insert(format!("{kind} {name}"), hex(&digest, 6));
    };
    digest_each(&mut add, "schemas", &catalog.schemas, |name| name.clone());
    digest_each(&mut add, "extensions", &catalog.extensions, |name| {
        name.clone()
    });
    digest_each(&mut add, "enums", &catalog.enums, to_text);
    digest_each(&mut add, "domains", &catalog.domains, to_text);
    digest_each(
        &mut add,
        "composite_types",
        &catalog.composite_types,
        to_text,
    );
    digest_each(&mut add, "range_types", &catalog.range_types, to_text);
    digest_each(&mut add, "collations", &catalog.collations, to_text);
    digest_each(&mut add, "sequences", &catalog.sequences, to_text);
    digest_each(&mut add, "tables", &catalog.tables, to_text);
    digest_each(&mut add, "indexes", &catalog.indexes, to_text);
    digest_each(&mut add, "statistics", &catalog.statistics, to_text);
    digest_each(&mut add, "functions", &catalog.functions, |s| s.clone());
    digest_each(&mut add, "views", &catalog.views, to_text);
    digest_each(&mut add, "triggers", &catalog.triggers, |(table, name)| {
        format!("{table} {name}")
    });
    digest_each(&mut add, "policies", &catalog.policies, |(table, name)| {
        format!("{table} {name}")
    });
    digest_each(&mut add, "rules", &catalog.rules, |(table, name)| {
        format!("{table} {name}")
    });
    digest_each(&mut add, "casts", &catalog.casts, |(source, target)| {
        format!("({source} AS {target})")
    });
    digest_each(
        &mut add,
        "text_search_dictionaries",
        &catalog.text_search_dictionaries,
        to_text,
    );
    digest_each(
        &mut add,
        "text_search_configurations",
        &catalog.text_search_configurations,
        to_text,
    );
    digest_each(&mut add, "operators", &catalog.operators, Clone::clone);
    digest_each(
        &mut add,
        "operator_families",
        &catalog.operator_families,
        |(name, method)| format!("{name} USING {method}"),
    );
    digest_each(
        &mut add,
        "operator_classes",
        &catalog.operator_classes,
        |(name, method)| format!("{name} USING {method}"),
    );
    digest_each(
        &mut add,
        "event_triggers",
        &catalog.event_triggers,
        |name| name.clone(),
    );
    // secret option values are redacted in the digests, as everywhere they are serialised
    digest_each(
        &mut add,
        "foreign_data_wrappers",
        &catalog.foreign_data_wrappers,
        |name| name.clone(),
    );
    digest_each(&mut add, "servers", &catalog.foreign_servers, |name| {
        name.clone()
    });
    digest_each(
        &mut add,
        "user_mappings",
        &catalog.user_mappings,
        |(server, user)| format!("{user} {server}"),
    );
    digest_each(&mut add, "subscriptions", &catalog.subscriptions, |name| {
        name.clone()
    });
    digest_each(&mut add, "privileges", &catalog.privileges, |object| {
        object.describe()
    });
    digest_each(
        &mut add,
        "default_privileges",
        &catalog.default_privileges,
        |key| {
            let role = key.role.as_deref().unwrap_or("current role");
            let schema = key.schema.as_deref().unwrap_or("every schema");
            format!("{} for {role} in {schema}", key.objects.keyword())
        },
    );
    digest_each(&mut add, "owners", &catalog.owners, |object| {
        object.describe()
    });
    digests
}

fn digest_each<K, V: Serialize>(
    add: &mut impl FnMut(&str, String, [u8; 32]),
    kind: &str,
    objects: &IndexMap<K, V>,
    name: impl Fn(&K) -> String,
) {
    for (key, object) in objects {
        add(kind, name(key), digest(object));
    }
}

/// The SHA-256 of the JSON form of `value`.
fn digest(value: &impl Serialize) -> [u8; 32] {
    let mut writer = DigestWriter(Sha256::new());
    // writing into a digest cannot fail, and the model serialises without error
    serde_json::to_writer(&mut writer, value).expect("the catalog model serialises");
    writer.0.finalize().into()
}

fn to_text(name: &impl Display) -> String {
    name.to_string()
}

fn hex(bytes: &[u8], length: usize) -> String {
    bytes
        .iter()
        .take(length)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Feeds serialised bytes to a digest, without holding the text.
struct DigestWriter(Sha256);

impl io::Write for DigestWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
