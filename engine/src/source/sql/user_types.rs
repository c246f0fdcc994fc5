//! `CREATE DOMAIN`, `ALTER DOMAIN`, `CREATE TYPE … AS (…)` and its `ALTER TYPE … ATTRIBUTE`
//! forms, `CREATE TYPE … AS RANGE`, `CREATE COLLATION` and `CREATE AGGREGATE`.

use pg_query::protobuf::{
    AlterDomainStmt, AlterTableStmt, AlterTableType, ColumnDef, CompositeTypeStmt, ConstrType,
    CreateDomainStmt, CreateRangeStmt, DefineStmt, ObjectType,
};
use pg_query::{Node, NodeEnum};

use super::tables::{collation_name, default_expression};
use super::{qualified_name, Builder};
use crate::model::{
    AclObject, Attribute, Collation, CompositeType, Domain, QualifiedName, RangeType,
};
use crate::normalize::aggregate::aggregate;
use crate::normalize::definitions::{relation_name, string_of};
use crate::normalize::names::make_object_name;
use crate::normalize::types::type_name_text;
use crate::normalize::user_types::{domain_constraint, range_options};

impl Builder<'_> {
    pub(super) fn create_domain(&mut self, stmt: &CreateDomainStmt) {
        let name = qualified_name(&stmt.domainname);
        self.check_schema(&name.schema, 0);
        let base_type = stmt
            .type_name
            .as_ref()
            .map(type_name_text)
            .unwrap_or_default();
        let mut domain = Domain {
            name: name.clone(),
            collation: stmt
                .coll_clause
                .as_ref()
                .and_then(|c| collation_name(&c.collname)),
            default: None,
            not_null: false,
            constraints: Default::default(),
            comment: None,
            base_type,
        };
        for constraint in &stmt.constraints {
            if let Some(NodeEnum::Constraint(c)) = &constraint.node {
                apply_domain_constraint(&mut domain, c);
            }
        }
        self.catalog.domains.insert(name.clone(), domain);
        self.created(AclObject::Type(name));
    }

    pub(super) fn alter_domain(&mut self, stmt: &AlterDomainStmt) {
        let name = qualified_name(&stmt.type_name);
        let Some(domain) = self.catalog.domains.get_mut(&name) else {
            return self.error(
                0,
                format!("domain `{name}` is altered but not created"),
                "create the domain before altering it",
            );
        };
        match stmt.subtype.as_str() {
            "T" => {
                domain.default = stmt
                    .def
                    .as_deref()
                    .and_then(|e| default_expression(e, &domain.base_type))
            }
            "N" => domain.not_null = false,
            "O" => domain.not_null = true,
            "C" => {
                if let Some(NodeEnum::Constraint(c)) =
                    stmt.def.as_ref().and_then(|d| d.node.as_ref())
                {
                    apply_domain_constraint(domain, c);
                }
            }
            "X" => {
                domain.constraints.shift_remove(&stmt.name);
            }
            "V" => {
                if let Some(constraint) = domain.constraints.get_mut(&stmt.name) {
                    constraint.not_valid = false;
                }
            }
            _ => {}
        }
    }

    pub(super) fn create_composite_type(&mut self, stmt: &CompositeTypeStmt) {
        let Some(relation) = &stmt.typevar else {
            return;
        };
        let name = relation_name(relation);
        self.check_schema(&name.schema, relation.location);
        let attributes = stmt
            .coldeflist
            .iter()
            .filter_map(|c| match &c.node {
                Some(NodeEnum::ColumnDef(column)) => Some(attribute(column)),
                _ => None,
            })
            .collect();
        self.created(AclObject::Type(name.clone()));
        self.catalog.composite_types.insert(
            name.clone(),
            CompositeType {
                name,
                attributes,
                comment: None,
            },
        );
    }

    /// `ALTER TYPE … ADD / DROP / ALTER ATTRIBUTE` (an `ALTER TABLE` on the type's relation).
    pub(super) fn alter_composite_type(&mut self, stmt: &AlterTableStmt, name: &QualifiedName) {
        let Some(composite) = self.catalog.composite_types.get_mut(name) else {
            return;
        };
        for cmd in &stmt.cmds {
            let Some(NodeEnum::AlterTableCmd(cmd)) = &cmd.node else {
                continue;
            };
            let def = match cmd.def.as_deref().and_then(|d| d.node.as_ref()) {
                Some(NodeEnum::ColumnDef(def)) => Some(attribute(def)),
                _ => None,
            };
            let attributes = &mut composite.attributes;
            match (AlterTableType::try_from(cmd.subtype), def) {
                (Ok(AlterTableType::AtAddColumn), Some(new)) => attributes.push(new),
                (Ok(AlterTableType::AtDropColumn), _) => attributes.retain(|a| a.name != cmd.name),
                (Ok(AlterTableType::AtAlterColumnType), Some(new)) => {
                    if let Some(old) = attributes.iter_mut().find(|a| a.name == cmd.name) {
                        old.type_name = new.type_name;
                        old.collation = new.collation;
                    }
                }
                _ => self.catalog.unsupported.push(crate::model::Unsupported {
                    kind: "ALTER TYPE".into(),
                    schema: Some(name.schema.clone()),
                    name: name.name.clone(),
                }),
            }
        }
    }

    pub(super) fn create_range_type(&mut self, stmt: &CreateRangeStmt) {
        let name = qualified_name(&stmt.type_name);
        self.check_schema(&name.schema, 0);
        let mut subtype = String::new();
        let mut written = Vec::new();
        for param in &stmt.params {
            let Some(NodeEnum::DefElem(option)) = &param.node else {
                continue;
            };
            let value = option.arg.as_deref().map(option_text).unwrap_or_default();
            match option.defname.as_str() {
                "subtype" => subtype = value,
                "collation" => {
                    let names = match option.arg.as_deref().and_then(|a| a.node.as_ref()) {
                        Some(NodeEnum::TypeName(t)) => t.names.clone(),
                        _ => Vec::new(),
                    };
                    if let Some(collation) = collation_name(&names) {
                        written.push(("collation".to_string(), collation));
                    }
                }
                other => written.push((other.to_string(), value)),
            }
        }
        let options = range_options(&name, written);
        self.created(AclObject::Type(name.clone()));
        self.catalog.range_types.insert(
            name.clone(),
            RangeType {
                name,
                subtype,
                options,
                comment: None,
            },
        );
    }

    /// `CREATE AGGREGATE`, `CREATE COLLATION`, `CREATE OPERATOR`, `CREATE TEXT SEARCH
    /// DICTIONARY | CONFIGURATION`; text search parsers and templates are not modelled.
    pub(super) fn define(&mut self, stmt: &DefineStmt) {
        match ObjectType::try_from(stmt.kind) {
            Ok(ObjectType::ObjectAggregate) if !stmt.oldstyle => {
                let aggregate = aggregate(stmt, None);
                self.check_schema(&aggregate.name.schema, 0);
                let signature = aggregate.signature();
                let comment = self
                    .catalog
                    .functions
                    .get(&signature)
                    .and_then(|f| f.comment.clone());
                self.catalog.functions.insert(
                    signature,
                    crate::model::Function {
                        comment,
                        ..aggregate
                    },
                );
            }
            Ok(ObjectType::ObjectCollation) => self.create_collation(stmt),
            Ok(ObjectType::ObjectOperator) => self.create_operator(stmt),
            Ok(ObjectType::ObjectTsdictionary) => self.create_text_search_dictionary(stmt),
            Ok(ObjectType::ObjectTsconfiguration) => self.create_text_search_configuration(stmt),
            kind => {
                // text search parsers and templates named as the live loader lists them
                let kind = match kind {
                    Ok(ObjectType::ObjectTsparser) => "text search parser".into(),
                    Ok(ObjectType::ObjectTstemplate) => "text search template".into(),
                    kind => kind
                        .map(|k| k.as_str_name().trim_start_matches("Object").to_lowercase())
                        .unwrap_or_default(),
                };
                let name = qualified_name(&stmt.defnames);
                self.unsupported(&kind, Some(name.schema), &name.name);
            }
        }
    }

    fn create_collation(&mut self, stmt: &DefineStmt) {
        let name = qualified_name(&stmt.defnames);
        self.check_schema(&name.schema, 0);
        let mut collation = Collation {
            name: name.clone(),
            provider: "libc".into(),
            locale: None,
            lc_collate: None,
            lc_ctype: None,
            deterministic: true,
            any_encoding: false,
            comment: None,
        };
        let mut locale = None;
        for option in &stmt.definition {
            let Some(NodeEnum::DefElem(option)) = &option.node else {
                continue;
            };
            let value = option.arg.as_deref().map(option_text).unwrap_or_default();
            match option.defname.as_str() {
                "from" => {
                    let names = match option.arg.as_deref().and_then(|a| a.node.as_ref()) {
                        Some(NodeEnum::List(list)) => list.items.clone(),
                        _ => Vec::new(),
                    };
                    collation = self.copied_collation(&name, &names);
                }
                "provider" => collation.provider = value.to_lowercase(),
                "locale" => locale = Some(value),
                "lc_collate" => collation.lc_collate = Some(value),
                "lc_ctype" => collation.lc_ctype = Some(value),
                "deterministic" => {
                    collation.deterministic = !matches!(value.as_str(), "false" | "0" | "off")
                }
                _ => {}
            }
        }
        if let Some(locale) = locale {
            if collation.provider == "libc" {
                collation.lc_collate = Some(locale.clone());
                collation.lc_ctype = Some(locale);
            } else {
                collation.locale = Some(locale);
            }
        }
        self.catalog.collations.insert(name, collation);
    }

    /// `CREATE COLLATION name FROM existing`: a collation of the files, or a system one whose
    /// properties follow from its name (`C`, `POSIX`, `und-x-icu`, `en_US.utf8`).
    fn copied_collation(&self, name: &QualifiedName, from: &[Node]) -> Collation {
        let source = qualified_name(from);
        if let Some(existing) = self.catalog.collations.get(&source) {
            return Collation {
                name: name.clone(),
                comment: None,
                ..existing.clone()
            };
        }
        let (provider, locale, libc) = match source.name.strip_suffix("-x-icu") {
            Some(icu) => ("icu", Some(icu.to_string()), None),
            None => ("libc", None, Some(source.name.clone())),
        };
        Collation {
            name: name.clone(),
            provider: provider.into(),
            locale,
            lc_collate: libc.clone(),
            lc_ctype: libc,
            deterministic: true,
            any_encoding: matches!(source.name.as_str(), "C" | "POSIX"),
            comment: None,
        }
    }
}

fn attribute(column: &ColumnDef) -> Attribute {
    Attribute {
        name: column.colname.clone(),
        type_name: column
            .type_name
            .as_ref()
            .map(type_name_text)
            .unwrap_or_default(),
        collation: column
            .coll_clause
            .as_ref()
            .and_then(|c| collation_name(&c.collname)),
    }
}

/// A CHECK, NOT NULL, NULL or DEFAULT clause of `CREATE DOMAIN` / `ALTER DOMAIN … ADD`.
fn apply_domain_constraint(domain: &mut Domain, c: &pg_query::protobuf::Constraint) {
    match ConstrType::try_from(c.contype) {
        Ok(ConstrType::ConstrNotnull) => domain.not_null = true,
        Ok(ConstrType::ConstrNull) => domain.not_null = false,
        Ok(ConstrType::ConstrDefault) => {
            domain.default = c
                .raw_expr
                .as_deref()
                .and_then(|e| default_expression(e, &domain.base_type))
        }
        Ok(ConstrType::ConstrCheck) => {
            let name = if c.conname.is_empty() {
                // as the server names it: `<domain>_check`, then `…_check1`, `…_check2`
                (0..)
                    .map(|n| {
                        let label = if n == 0 {
                            "check".to_string()
                        } else {
                            format!("check{n}")
                        };
                        make_object_name(&domain.name.name, None, &label)
                    })
                    .find(|n| !domain.constraints.contains_key(n))
                    .expect("an unused name")
            } else {
                c.conname.clone()
            };
            domain
                .constraints
                .insert(name.clone(), domain_constraint(c, &name));
        }
        _ => {}
    }
}

/// An option value as text: a type or function name as `format_type` prints it, a keyword,
/// a string or a number.
fn option_text(arg: &Node) -> String {
    match &arg.node {
        Some(NodeEnum::TypeName(t)) => type_name_text(t),
        Some(NodeEnum::String(s)) => s.sval.clone(),
        Some(NodeEnum::Integer(i)) => i.ival.to_string(),
        Some(NodeEnum::Float(f)) => f.fval.clone(),
        Some(NodeEnum::Boolean(b)) => b.boolval.to_string(),
        Some(NodeEnum::List(list)) => {
            let parts: Vec<String> = list.items.iter().filter_map(string_of).collect();
            parts.join(".")
        }
        _ => String::new(),
    }
}
