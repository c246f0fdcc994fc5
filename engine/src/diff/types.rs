//! Domains, composite types, range types and collations.

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::Catalog;

pub(super) fn diff_domains(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for domain in catalogs.to.domains.values() {
        let Some(old) = catalogs.from.domains.get(&domain.name) else {
            out.push(Change::CreateDomain(domain.clone()));
            continue;
        };
        // the base type and collation cannot be altered: the domain is dropped and created
        if old.base_type != domain.base_type || old.collation != domain.collation {
            out.push(Change::DropDomain(old.clone()));
            out.push(Change::CreateDomain(domain.clone()));
            continue;
        }
        let unchanged_but_comment = old.default == domain.default
            && old.not_null == domain.not_null
            && old.constraints == domain.constraints;
        if !unchanged_but_comment {
            out.push(Change::AlterDomain(Pair::boxed(
                old.clone(),
                domain.clone(),
            )));
        }
        diff_comment(
            CommentTarget::Domain(domain.name.clone()),
            Pair::new(&old.comment, &domain.comment),
            out,
        );
    }
    for domain in catalogs.from.domains.values() {
        if !catalogs.to.domains.contains_key(&domain.name) {
            out.push(Change::DropDomain(domain.clone()));
        }
    }
}

pub(super) fn diff_composite_types(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for composite in catalogs.to.composite_types.values() {
        let Some(old) = catalogs.from.composite_types.get(&composite.name) else {
            out.push(Change::CreateCompositeType(composite.clone()));
            continue;
        };
        let attributes_only = |t: &crate::model::CompositeType| crate::model::CompositeType {
            comment: None,
            ..t.clone()
        };
        if attributes_only(old) != attributes_only(composite) {
            out.push(Change::AlterCompositeType(Pair::new(
                old.clone(),
                composite.clone(),
            )));
        }
        diff_comment(
            CommentTarget::Type(composite.name.clone()),
            Pair::new(&old.comment, &composite.comment),
            out,
        );
    }
    for composite in catalogs.from.composite_types.values() {
        if !catalogs.to.composite_types.contains_key(&composite.name) {
            out.push(Change::DropCompositeType(composite.clone()));
        }
    }
}

pub(super) fn diff_range_types(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for range in catalogs.to.range_types.values() {
        match catalogs.from.range_types.get(&range.name) {
            None => out.push(Change::CreateRangeType(range.clone())),
            Some(old) if old.subtype != range.subtype || old.options != range.options => {
                out.push(Change::DropRangeType(old.clone()));
                out.push(Change::CreateRangeType(range.clone()));
            }
            Some(old) => diff_comment(
                CommentTarget::Type(range.name.clone()),
                Pair::new(&old.comment, &range.comment),
                out,
            ),
        }
    }
    for range in catalogs.from.range_types.values() {
        if !catalogs.to.range_types.contains_key(&range.name) {
            out.push(Change::DropRangeType(range.clone()));
        }
    }
}

pub(super) fn diff_collations(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for collation in catalogs.to.collations.values() {
        let Some(old) = catalogs.from.collations.get(&collation.name) else {
            out.push(Change::CreateCollation(collation.clone()));
            continue;
        };
        let without_comment = |c: &crate::model::Collation| crate::model::Collation {
            comment: None,
            ..c.clone()
        };
        if without_comment(old) != without_comment(collation) {
            out.push(Change::DropCollation(old.clone()));
            out.push(Change::CreateCollation(collation.clone()));
            continue;
        }
        diff_comment(
            CommentTarget::Collation(collation.name.clone()),
            Pair::new(&old.comment, &collation.comment),
            out,
        );
    }
    for collation in catalogs.from.collations.values() {
        if !catalogs.to.collations.contains_key(&collation.name) {
            out.push(Change::DropCollation(collation.clone()));
        }
    }
}
