//! Event triggers from the file's `CREATE EVENT TRIGGER` (the live loader reads the same
//! parts from `pg_event_trigger`).

use pg_query::protobuf::CreateEventTrigStmt;
use pg_query::NodeEnum;

use super::definitions::string_of;
use super::function::function_name;
use crate::model::{EventTrigger, TriggerEnabled};

/// The model of an event trigger: tags upper-cased and sorted, as the server compares them.
pub fn event_trigger(stmt: &CreateEventTrigStmt) -> EventTrigger {
    let mut tags = Vec::new();
    for filter in &stmt.whenclause {
        let Some(NodeEnum::DefElem(filter)) = &filter.node else {
            continue;
        };
        if let Some(NodeEnum::List(list)) = filter.arg.as_deref().and_then(|a| a.node.as_ref()) {
            tags.extend(list.items.iter().filter_map(string_of));
        }
    }
    EventTrigger {
        name: stmt.trigname.clone(),
        event: stmt.eventname.to_lowercase(),
        tags: normalize_tags(tags),
        function: function_name(&stmt.funcname),
        enabled: TriggerEnabled::Origin,
        comment: None,
    }
}

/// Upper case, sorted, without repeats.
pub fn normalize_tags(tags: Vec<String>) -> Vec<String> {
    let mut tags: Vec<String> = tags.into_iter().map(|t| t.to_uppercase()).collect();
    tags.sort();
    tags.dedup();
    tags
}

/// `ENABLE`, `ENABLE REPLICA`, `ENABLE ALWAYS`, `DISABLE` as `ALTER EVENT TRIGGER` and
/// `pg_event_trigger.evtenabled` spell them (`O`, `R`, `A`, `D`).
pub fn enabled_state(code: &str) -> TriggerEnabled {
    match code {
        "D" => TriggerEnabled::Disabled,
        "R" => TriggerEnabled::Replica,
        "A" => TriggerEnabled::Always,
        _ => TriggerEnabled::Origin,
    }
}
