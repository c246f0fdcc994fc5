//! `CREATE EVENT TRIGGER` and `ALTER EVENT TRIGGER … ENABLE/DISABLE`. `DROP` and `RENAME` are
//! in `drops.rs`, `COMMENT` in `comments.rs`, `OWNER TO` in `privileges.rs`.

use pg_query::protobuf::{AlterEventTrigStmt, CreateEventTrigStmt};

use super::references::Target;
use super::Builder;
use crate::model::AclObject;
use crate::normalize::event_trigger::{enabled_state, event_trigger};

impl Builder<'_> {
    pub(super) fn create_event_trigger(&mut self, stmt: &CreateEventTrigStmt) {
        let trigger = event_trigger(stmt);
        let what = format!("event trigger `{}`", trigger.name);
        if self.catalog.event_triggers.contains_key(&trigger.name) {
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        self.created_at(what.clone(), 0);
        self.require(Target::TriggerFunction(trigger.function.clone()), 0, || {
            format!("{what} executes")
        });
        let object = AclObject::EventTrigger(trigger.name.clone());
        self.catalog
            .event_triggers
            .insert(trigger.name.clone(), trigger);
        self.catalog.set_owner(object, self.current_role.clone());
    }

    pub(super) fn alter_event_trigger(&mut self, stmt: &AlterEventTrigStmt) {
        let Some(trigger) = self.catalog.event_triggers.get_mut(&stmt.trigname) else {
            return self.error(
                0,
                format!(
                    "event trigger `{}` is altered but not created",
                    stmt.trigname
                ),
                "create the event trigger before altering it",
            );
        };
        trigger.enabled = enabled_state(&stmt.tgenabled);
    }

    /// `ALTER EVENT TRIGGER old RENAME TO new`, with its owner.
    pub(super) fn rename_event_trigger(&mut self, old: &str, new: &str) {
        let Some(mut trigger) = self.catalog.event_triggers.shift_remove(old) else {
            return self.error(
                0,
                format!("event trigger `{old}` is renamed but not created"),
                "check the event trigger name",
            );
        };
        trigger.name = new.to_string();
        self.catalog.event_triggers.insert(new.to_string(), trigger);
        self.catalog.rename_acls(|object| match object {
            AclObject::EventTrigger(name) if name == old => {
                Some(AclObject::EventTrigger(new.to_string()))
            }
            _ => None,
        });
    }
}
