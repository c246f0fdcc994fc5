//! Steps for event triggers. They lock no table: they change what DDL does, not what the
//! application's statements do.

use super::Step;
use crate::diff::Change;
use crate::render::ddl::event_triggers as ddl;

/// The steps of an event trigger change.
pub(super) fn steps(change: &Change) -> Vec<Step> {
    match change {
        Change::CreateEventTrigger(trigger) => vec![Step::new(
            format!("create event trigger `{}`", trigger.name),
            ddl::create_event_trigger(trigger),
            vec![ddl::drop_event_trigger(&trigger.name)],
        )],
        // no hazard: the application's statements do not fire event triggers, and DDL the
        // plan runs between a drop and the creation is the plan's own
        Change::DropEventTrigger { trigger, .. } => vec![Step::new(
            format!("drop event trigger `{}`", trigger.name),
            vec![ddl::drop_event_trigger(&trigger.name)],
            ddl::create_event_trigger(trigger),
        )],
        Change::SetEventTriggerEnabled { name, enabled } => vec![Step::new(
            format!("{} event trigger `{name}`", super::rules::verb(enabled.to)),
            vec![ddl::set_event_trigger_enabled(name, enabled.to)],
            vec![ddl::set_event_trigger_enabled(name, enabled.from)],
        )],
        _ => Vec::new(),
    }
}
