//! Digests that recognise a catalog: one per object, to name what changed, and one of the
//! whole, made from those (so one serialisation pass gives both).

use std::collections::BTreeMap;
use std::fmt::Display;
use std::io;

use indexmap::IndexMap;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::model::Catalog;

/// What identifies a catalog.
pub struct Fingerprint {
    /// A digest of the whole catalog.
    pub whole: String,
    /// A short digest of each object, keyed by its kind and name (`tables public.orders`).
    pub objects: BTreeMap<String, String>,
}

/// The fingerprint of `catalog`: each object is serialised once, straight into its digest.
pub fn fingerprint(catalog: &Catalog) -> Fingerprint {
    let mut full = BTreeMap::new();
    let mut add = |kind: &str, name: String, digest: [u8; 32]| {
        full.insert(format!("{kind} {name}"), digest);
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
    digest_each(&mut add, "functions", &catalog.functions, |s| s.clone());
    digest_each(&mut add, "views", &catalog.views, to_text);
    digest_each(&mut add, "triggers", &catalog.triggers, |(table, name)| {
        format!("{table} {name}")
    });
    digest_each(&mut add, "policies", &catalog.policies, |(table, name)| {
        format!("{table} {name}")
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

    let mut whole = Sha256::new();
    for (key, digest) in &full {
        whole.update(key.as_bytes());
        whole.update(digest);
    }
    Fingerprint {
        whole: hex(&whole.finalize(), 12),
        objects: full
            .into_iter()
            .map(|(key, digest)| (key, hex(&digest, 6)))
            .collect(),
    }
}

fn digest_each<K, V: Serialize>(
    add: &mut impl FnMut(&str, String, [u8; 32]),
    kind: &str,
    objects: &IndexMap<K, V>,
    name: impl Fn(&K) -> String,
) {
    for (key, object) in objects {
        let mut digest = DigestWriter(Sha256::new());
        // writing into a digest cannot fail, and the model serialises without error
        serde_json::to_writer(&mut digest, object).expect("a catalog object serialises");
        add(kind, name(key), digest.0.finalize().into());
    }
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
