//! `CREATE`, `ALTER` and `DROP SUBSCRIPTION`. No statement here makes the server contact
//! the publisher: a subscription is created with `connect = false` and detached from its
//! slot before it is dropped, so every statement runs in a transaction and none waits on
//! another server. A password in the connection is never printed: a placeholder stands in.

use super::comment_sql;
use super::foreign::secret_text;
use crate::diff::CommentTarget;
use crate::model::{is_secret, Conninfo, Subscription, STORED_OPTIONS};
use crate::render::quote::{quote_ident, quote_literal};

/// `CREATE SUBSCRIPTION … WITH (connect = false, …)`, `ENABLE` when it is enabled, and its
/// comment.
pub fn create_subscription(subscription: &Subscription) -> Vec<String> {
    let name = quote_ident(&subscription.name);
    let mut options = vec!["connect = false".to_string(), slot(&subscription.slot_name)];
    options.extend((subscription.options.iter()).map(|(option, value)| option_sql(option, value)));
    let mut statements = vec![format!(
        "CREATE SUBSCRIPTION {name} CONNECTION {} PUBLICATION {} WITH ({})",
        conninfo(subscription),
        publications(&subscription.publications),
        options.join(", ")
    )];
    if subscription.enabled {
        statements.push(format!("ALTER SUBSCRIPTION {name} ENABLE"));
    }
    statements.extend(comment_sql(
        CommentTarget::Subscription(subscription.name.clone()),
        &subscription.comment,
    ));
    statements
}

/// Disabled and detached from its slot, then dropped: `DROP SUBSCRIPTION` would otherwise
/// connect to the publisher to drop the slot, outside any transaction. The slot stays
/// there.
pub fn drop_subscription(subscription: &Subscription) -> Vec<String> {
    let name = quote_ident(&subscription.name);
    let mut statements = Vec::new();
    if subscription.enabled {
        statements.push(format!("ALTER SUBSCRIPTION {name} DISABLE"));
    }
    if subscription.slot_name.is_some() {
        statements.push(format!("ALTER SUBSCRIPTION {name} SET ({})", slot(&None)));
    }
    statements.push(format!("DROP SUBSCRIPTION {name}"));
    statements
}

/// The `ALTER SUBSCRIPTION`s from `from` to `to`: disabled first when it is to be (or when
/// its slot changes, which needs it disabled), enabled last.
pub fn alter_subscription(from: &Subscription, to: &Subscription) -> Vec<String> {
    let name = quote_ident(&to.name);
    let pause = from.enabled && to.enabled && from.slot_name != to.slot_name;
    let mut statements = Vec::new();
    if from.enabled && (!to.enabled || pause) {
        statements.push(format!("ALTER SUBSCRIPTION {name} DISABLE"));
    }
    if from.connection_changes(to) {
        statements.push(format!(
            "ALTER SUBSCRIPTION {name} CONNECTION {}",
            conninfo(to)
        ));
    }
    if from.publications != to.publications {
        // without a refresh, which would contact the publisher outside a transaction
        statements.push(format!(
            "ALTER SUBSCRIPTION {name} SET PUBLICATION {} WITH (refresh = false)",
            publications(&to.publications)
        ));
    }
    let mut options: Vec<String> = (STORED_OPTIONS.iter())
        .filter(|(option, ..)| from.option(option) != to.option(option))
        .map(|(option, ..)| option_sql(option, to.option(option)))
        .collect();
    if from.slot_name != to.slot_name {
        options.push(slot(&to.slot_name));
    }
    if !options.is_empty() {
        statements.push(format!(
            "ALTER SUBSCRIPTION {name} SET ({})",
            options.join(", ")
        ));
    }
    if to.enabled && (!from.enabled || pause) {
        statements.push(format!("ALTER SUBSCRIPTION {name} ENABLE"));
    }
    statements
}

fn slot(slot_name: &Option<String>) -> String {
    match slot_name {
        Some(slot) => format!("slot_name = {}", quote_literal(slot)),
        None => "slot_name = NONE".to_string(),
    }
}

/// Booleans bare, other values as literals.
fn option_sql(option: &str, value: &str) -> String {
    match value {
        "true" | "false" => format!("{option} = {value}"),
        _ => format!("{option} = {}", quote_literal(value)),
    }
}

fn publications(names: &[String]) -> String {
    let names: Vec<String> = names.iter().map(|n| quote_ident(n)).collect();
    names.join(", ")
}

/// The connection as a literal, with a placeholder for a password (or for all of it when it
/// could not be read).
fn conninfo(subscription: &Subscription) -> String {
    let what = format!("subscription `{}`", subscription.name);
    let text = match &subscription.conninfo {
        Conninfo::Keywords(keywords) => {
            let pairs: Vec<String> = (keywords.0.iter())
                .map(|(keyword, value)| {
                    let value = if is_secret(keyword) {
                        secret_text(keyword, &what)
                    } else {
                        value.clone()
                    };
                    format!("{keyword}={}", conninfo_value(&value))
                })
                .collect();
            pairs.join(" ")
        }
        Conninfo::Uri(uri) => crate::error::redact_url(uri),
        Conninfo::Unreadable => secret_text("connection", &what),
    };
    quote_literal(&text)
}

/// A value as libpq reads it: quoted, with `\` and `'` escaped, unless it is one plain word.
fn conninfo_value(value: &str) -> String {
    let plain =
        !value.is_empty() && !(value.chars()).any(|c| c.is_whitespace() || c == '\'' || c == '\\');
    if plain {
        return value.to_string();
    }
    format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"))
}
