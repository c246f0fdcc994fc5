//! Subscriptions from their statements, for both sources: the file's `CREATE SUBSCRIPTION`
//! and `ALTER SUBSCRIPTION … SET (…)`, or the `CREATE SUBSCRIPTION` the live loader builds
//! from `pg_subscription`. Options are kept as the server stores them, defaults left out,
//! so that a file spelling the defaults equals a database.

use std::collections::BTreeMap;

use pg_query::protobuf::CreateSubscriptionStmt;
use pg_query::{Node, NodeEnum};

use super::definitions::string_of;
use super::view::option_value;
use crate::model::{Conninfo, ForeignOptions, Subscription, STORED_OPTIONS};

/// The model of `CREATE SUBSCRIPTION`, or what makes the server refuse it.
pub fn subscription(stmt: &CreateSubscriptionStmt) -> Result<Subscription, String> {
    let mut subscription = Subscription {
        name: stmt.subname.clone(),
        conninfo: conninfo(&stmt.conninfo)?,
        publications: publications(&stmt.publication),
        enabled: true,
        slot_name: Some(stmt.subname.clone()),
        options: BTreeMap::new(),
        comment: None,
    };
    let given = options(&stmt.options);
    let flag = |name: &str, default: bool| -> Result<bool, String> {
        given.get(name).map_or(Ok(default), |v| boolean(name, v))
    };
    let connect = flag("connect", true)?;
    subscription.enabled = flag("enabled", connect)?;
    let create_slot = flag("create_slot", connect)?;
    if !connect && (subscription.enabled || create_slot || flag("copy_data", false)?) {
        return Err(
            "connect = false and enabled, create_slot or copy_data = true are mutually exclusive"
                .into(),
        );
    }
    for (name, value) in &given {
        match name.as_str() {
            "connect" | "enabled" | "create_slot" | "copy_data" => {}
            _ => set_option(&mut subscription, name, value)?,
        }
    }
    if subscription.slot_name.is_none() && (subscription.enabled || create_slot) {
        return Err("slot_name = NONE needs enabled = false and create_slot = false".into());
    }
    Ok(subscription)
}

/// `ALTER SUBSCRIPTION … SET (…)`: the slot and stored options.
pub fn set_options(subscription: &mut Subscription, options: &[Node]) -> Result<(), String> {
    for (name, value) in self::options(options) {
        set_option(subscription, &name, &value)?;
    }
    if subscription.slot_name.is_none() && subscription.enabled {
        return Err("an enabled subscription needs a slot: disable it first".into());
    }
    Ok(())
}

/// The publication names of a `PUBLICATION` list, sorted.
pub fn publications(names: &[Node]) -> Vec<String> {
    let mut names: Vec<String> = names.iter().filter_map(string_of).collect();
    names.sort();
    names.dedup();
    names
}

/// `ENABLE` and `DISABLE` parse as `SET (enabled = …)`.
pub fn enabled(options: &[Node]) -> Result<bool, String> {
    let given = self::options(options);
    boolean(
        "enabled",
        given.get("enabled").map_or("true", String::as_str),
    )
}

/// A connection string as libpq reads it: `keyword=value` pairs, or a URI as written.
pub fn conninfo(text: &str) -> Result<Conninfo, String> {
    let trimmed = text.trim();
    if trimmed.starts_with("postgresql://") || trimmed.starts_with("postgres://") {
        return Ok(Conninfo::Uri(trimmed.to_string()));
    }
    let mut keywords = BTreeMap::new();
    let mut chars = trimmed.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            break;
        }
        let mut keyword = String::new();
        while let Some(c) = chars.next_if(|c| *c != '=' && !c.is_whitespace()) {
            keyword.push(c);
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.next() != Some('=') {
            return Err(format!(
                "connection keyword `{keyword}` has no `=` and value"
            ));
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let quoted = chars.next_if_eq(&'\'').is_some();
        let mut value = String::new();
        loop {
            match chars.next() {
                Some('\\') => value.extend(chars.next()),
                Some('\'') if quoted => break,
                Some(c) if quoted || !c.is_whitespace() => value.push(c),
                Some(_) => break,
                None if quoted => return Err("unterminated quoted connection value".into()),
                None => break,
            }
        }
        keywords.insert(keyword, value);
    }
    Ok(Conninfo::Keywords(ForeignOptions(keywords)))
}

/// `name = value` of a `WITH (…)` list; a bare name means `true`.
fn options(options: &[Node]) -> BTreeMap<String, String> {
    (options.iter())
        .filter_map(|option| match &option.node {
            Some(NodeEnum::DefElem(def)) => Some((
                def.defname.clone(),
                (def.arg.as_deref()).map_or_else(|| "true".to_string(), option_value),
            )),
            _ => None,
        })
        .collect()
}

fn set_option(subscription: &mut Subscription, name: &str, value: &str) -> Result<(), String> {
    if name == "slot_name" {
        subscription.slot_name = (value != "none").then(|| value.to_string());
        return Ok(());
    }
    let Some((_, default, _)) = STORED_OPTIONS.iter().find(|(n, ..)| *n == name) else {
        return Err(format!("unrecognized subscription parameter `{name}`"));
    };
    let value = match name {
        "streaming" => match value {
            "parallel" => value.to_string(),
            _ => on_off(boolean(name, value)?).to_string(),
        },
        "origin" | "synchronous_commit" => value.to_string(),
        _ => boolean(name, value)?.to_string(),
    };
    if value == *default {
        subscription.options.remove(name);
    } else {
        subscription.options.insert(name.to_string(), value);
    }
    Ok(())
}

fn on_off(value: bool) -> &'static str {
    if value {
        "on"
    } else {
        "off"
    }
}

/// A boolean as the server reads an option's (`true`, `on`, `1` and their opposites).
fn boolean(name: &str, value: &str) -> Result<bool, String> {
    match value {
        "true" | "on" | "1" => Ok(true),
        "false" | "off" | "0" => Ok(false),
        _ => Err(format!("`{name}` needs a boolean value, not `{value}`")),
    }
}
