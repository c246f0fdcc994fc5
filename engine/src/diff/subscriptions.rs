//! Subscriptions: created, dropped, or altered in place. `ALTER SUBSCRIPTION` changes
//! everything the model holds (connection, publications, options, slot, enabled state), so
//! a subscription is never dropped and created again.

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Catalog, Subscription};

pub(super) fn diff_subscriptions(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for (name, subscription) in &catalogs.to.subscriptions {
        let Some(old) = catalogs.from.subscriptions.get(name) else {
            out.push(Change::CreateSubscription(subscription.clone()));
            continue;
        };
        if altered(old, subscription) {
            out.push(Change::AlterSubscription(Pair::boxed(
                old.clone(),
                subscription.clone(),
            )));
        }
        diff_comment(
            CommentTarget::Subscription(name.clone()),
            Pair::new(&old.comment, &subscription.comment),
            out,
        );
    }
    for (name, subscription) in &catalogs.from.subscriptions {
        if !catalogs.to.subscriptions.contains_key(name) {
            out.push(Change::DropSubscription(subscription.clone()));
        }
    }
}

/// Whether anything but the comment changes (a connection that cannot be read aside).
fn altered(from: &Subscription, to: &Subscription) -> bool {
    from.connection_changes(to)
        || (
            &from.publications,
            from.enabled,
            &from.slot_name,
            &from.options,
        ) != (&to.publications, to.enabled, &to.slot_name, &to.options)
}
