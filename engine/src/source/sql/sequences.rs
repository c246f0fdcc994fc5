//! `CREATE SEQUENCE`, `ALTER SEQUENCE`, and the option lists they share with identity
//! columns.

use pg_query::protobuf::{AlterSeqStmt, CreateSeqStmt};
use pg_query::{Node, NodeEnum};

use super::Builder;
use crate::model::{AclObject, QualifiedName, Sequence, SequenceOptions};
use crate::normalize::definitions::{relation_name, string_of};
use crate::normalize::types::type_name_text;

/// Applies a sequence option list to `base`. `explicit` says which bounds were given, so that
/// a change of data type or direction moves only the bounds that were defaults.
pub(super) fn apply_options(base: &SequenceOptions, options: &[Node]) -> SequenceOptions {
    let mut data_type = base.data_type.clone();
    let mut increment = base.increment;
    let (mut min, mut max, mut start, mut cache, mut cycle) = (None, None, None, None, None);
    for option in options {
        let Some(NodeEnum::DefElem(option)) = &option.node else {
            continue;
        };
        let arg = option.arg.as_deref();
        match option.defname.as_str() {
            "as" => {
                if let Some(Node {
                    node: Some(NodeEnum::TypeName(t)),
                }) = arg
                {
                    data_type = type_name_text(t);
                }
            }
            "increment" => increment = number(arg).unwrap_or(increment),
            "minvalue" => min = Some(number(arg)),
            "maxvalue" => max = Some(number(arg)),
            "start" => start = number(arg),
            "cache" => cache = number(arg),
            "cycle" => cycle = Some(boolean(arg)),
            _ => {}
        }
    }
    let defaults = SequenceOptions::defaults(&data_type, increment);
    let was_default = SequenceOptions::defaults(&base.data_type, base.increment);
    // a bound keeps its old value unless it was the old default, then it follows the new one
    let keep = |old: i64, old_default: i64, new_default: i64| {
        if old == old_default {
            new_default
        } else {
            old
        }
    };
    let min_value = match min {
        Some(Some(v)) => v,
        Some(None) => defaults.min_value,
        None => keep(base.min_value, was_default.min_value, defaults.min_value),
    };
    let max_value = match max {
        Some(Some(v)) => v,
        Some(None) => defaults.max_value,
        None => keep(base.max_value, was_default.max_value, defaults.max_value),
    };
    let default_start = if increment > 0 { min_value } else { max_value };
    let old_default_start = if base.increment > 0 {
        base.min_value
    } else {
        base.max_value
    };
    SequenceOptions {
        data_type,
        start: start.unwrap_or(keep(base.start, old_default_start, default_start)),
        increment,
        min_value,
        max_value,
        cache: cache.unwrap_or(base.cache),
        cycle: cycle.unwrap_or(base.cycle),
    }
}

/// `OWNED BY table.column`, `OWNED BY NONE`, or nothing said.
pub(super) fn owned_by(options: &[Node]) -> Option<Option<(QualifiedName, String)>> {
    options.iter().find_map(|option| {
        let Some(NodeEnum::DefElem(option)) = &option.node else {
            return None;
        };
        if option.defname != "owned_by" {
            return None;
        }
        let Some(NodeEnum::List(list)) = option.arg.as_ref().and_then(|a| a.node.as_ref()) else {
            return Some(None);
        };
        let parts: Vec<String> = list.items.iter().filter_map(string_of).collect();
        Some(match parts.as_slice() {
            [schema, table, column] => Some((QualifiedName::new(schema, table), column.clone())),
            [table, column] => Some((QualifiedName::new("public", table), column.clone())),
            _ => None,
        })
    })
}

fn number(arg: Option<&Node>) -> Option<i64> {
    match arg?.node.as_ref()? {
        NodeEnum::Integer(i) => Some(i.ival as i64),
        NodeEnum::Float(f) => f.fval.parse().ok(),
        _ => None,
    }
}

fn boolean(arg: Option<&Node>) -> bool {
    match arg.and_then(|a| a.node.as_ref()) {
        Some(NodeEnum::Boolean(b)) => b.boolval,
        Some(NodeEnum::Integer(i)) => i.ival != 0,
        _ => true,
    }
}

impl Builder<'_> {
    pub(super) fn create_sequence(&mut self, stmt: &CreateSeqStmt) {
        let Some(relation) = &stmt.sequence else {
            return;
        };
        let name = relation_name(relation);
        if stmt.if_not_exists && self.catalog.sequences.contains_key(&name) {
            return;
        }
        self.check_schema(&name.schema, relation.location);
        self.names.take(&name.schema, &name.name);
        let options = apply_options(&SequenceOptions::defaults("bigint", 1), &stmt.options);
        let owned_by = owned_by(&stmt.options).flatten();
        self.catalog.sequences.insert(
            name.clone(),
            Sequence {
                name: name.clone(),
                options,
                owned_by,
                comment: None,
            },
        );
        self.created(AclObject::Sequence(name));
    }

    pub(super) fn alter_sequence(&mut self, stmt: &AlterSeqStmt) {
        let Some(relation) = &stmt.sequence else {
            return;
        };
        let name = relation_name(relation);
        let Some(sequence) = self.catalog.sequences.get_mut(&name) else {
            if !stmt.missing_ok {
                self.error(
                    relation.location,
                    format!("sequence `{name}` is altered but not created"),
                    "create the sequence before altering it",
                );
            }
            return;
        };
        sequence.options = apply_options(&sequence.options, &stmt.options);
        if let Some(owner) = owned_by(&stmt.options) {
            sequence.owned_by = owner;
        }
    }
}
