//! `CREATE`, `ALTER` and `DROP EVENT TRIGGER`.

use super::comment_sql;
use crate::diff::CommentTarget;
use crate::model::{EventTrigger, TriggerEnabled};
use crate::render::quote::{quote_ident, quote_literal};

/// `CREATE EVENT TRIGGER …`, its enabled state when not the default, and its comment.
pub fn create_event_trigger(trigger: &EventTrigger) -> Vec<String> {
    let name = quote_ident(&trigger.name);
    let mut sql = format!("CREATE EVENT TRIGGER {name} ON {}", trigger.event);
    if !trigger.tags.is_empty() {
        let tags: Vec<String> = trigger.tags.iter().map(|t| quote_literal(t)).collect();
        sql.push_str(&format!(" WHEN TAG IN ({})", tags.join(", ")));
    }
    sql.push_str(&format!(" EXECUTE FUNCTION {}()", trigger.function));
    let mut statements = vec![sql];
    if trigger.enabled != TriggerEnabled::Origin {
        statements.push(set_event_trigger_enabled(&trigger.name, trigger.enabled));
    }
    statements.extend(comment_sql(
        CommentTarget::EventTrigger(trigger.name.clone()),
        &trigger.comment,
    ));
    statements
}

pub fn drop_event_trigger(name: &str) -> String {
    format!("DROP EVENT TRIGGER {}", quote_ident(name))
}

pub fn set_event_trigger_enabled(name: &str, enabled: TriggerEnabled) -> String {
    let action = match enabled {
        TriggerEnabled::Origin => "ENABLE",
        TriggerEnabled::Disabled => "DISABLE",
        TriggerEnabled::Replica => "ENABLE REPLICA",
        TriggerEnabled::Always => "ENABLE ALWAYS",
    };
    format!("ALTER EVENT TRIGGER {} {action}", quote_ident(name))
}
