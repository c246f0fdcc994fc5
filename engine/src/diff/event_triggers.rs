//! Event triggers: created, dropped, enabled or disabled. A new event, tag list or function
//! drops and creates one (`ALTER EVENT TRIGGER` changes only its state, owner and name). Its
//! function is never dropped and created under it: a function without arguments that
//! returns `event_trigger` has no interface to change.

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::Catalog;

pub(super) fn diff_event_triggers(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    if catalogs.from.event_triggers.is_empty() && catalogs.to.event_triggers.is_empty() {
        return;
    }
    for (name, trigger) in &catalogs.to.event_triggers {
        let Some(old) = catalogs.from.event_triggers.get(name) else {
            out.push(Change::CreateEventTrigger(trigger.clone()));
            continue;
        };
        let redefined = (&old.event, &old.tags, &old.function)
            != (&trigger.event, &trigger.tags, &trigger.function);
        if redefined {
            out.push(Change::DropEventTrigger {
                trigger: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateEventTrigger(trigger.clone()));
            continue;
        }
        if old.enabled != trigger.enabled {
            out.push(Change::SetEventTriggerEnabled {
                name: name.clone(),
                enabled: Pair::new(old.enabled, trigger.enabled),
            });
        }
        diff_comment(
            CommentTarget::EventTrigger(name.clone()),
            Pair::new(&old.comment, &trigger.comment),
            out,
        );
    }
    for (name, trigger) in &catalogs.from.event_triggers {
        if !catalogs.to.event_triggers.contains_key(name) {
            out.push(Change::DropEventTrigger {
                trigger: trigger.clone(),
                recreated: false,
            });
        }
    }
}
