//! `CREATE`, `ALTER` and `DROP SUBSCRIPTION`. `RENAME` is in `drops.rs`, `COMMENT` in
//! `comments.rs`, `OWNER TO` in `privileges.rs`.

use pg_query::protobuf::{
    AlterSubscriptionStmt, AlterSubscriptionType, CreateSubscriptionStmt, DropSubscriptionStmt,
};

use super::Builder;
use crate::model::AclObject;
use crate::normalize::subscription::{conninfo, enabled, publications, set_options, subscription};

impl Builder<'_> {
    pub(super) fn create_subscription(&mut self, stmt: &CreateSubscriptionStmt) {
        let what = format!("subscription `{}`", stmt.subname);
        if self.catalog.subscriptions.contains_key(&stmt.subname) {
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        let subscription = match subscription(stmt) {
            Ok(subscription) => subscription,
            Err(reason) => {
                return self.error(
                    0,
                    format!("{what} cannot be created: {reason}"),
                    "fix its options as CREATE SUBSCRIPTION would require",
                )
            }
        };
        self.created_at(what, 0);
        let object = AclObject::Subscription(subscription.name.clone());
        self.catalog
            .subscriptions
            .insert(subscription.name.clone(), subscription);
        self.catalog.set_owner(object, self.current_role.clone());
    }

    /// `CONNECTION`, `SET`/`ADD`/`DROP PUBLICATION`, `SET (…)`, `ENABLE` and `DISABLE`;
    /// `REFRESH` and `SKIP` change nothing the model holds.
    pub(super) fn alter_subscription(&mut self, stmt: &AlterSubscriptionStmt) {
        let Some(subscription) = self.catalog.subscriptions.get_mut(&stmt.subname) else {
            return self.error(
                0,
                format!("subscription `{}` is altered but not created", stmt.subname),
                "create the subscription before altering it",
            );
        };
        let named = publications(&stmt.publication);
        let result = match AlterSubscriptionType::try_from(stmt.kind) {
            Ok(AlterSubscriptionType::AlterSubscriptionConnection) => {
                conninfo(&stmt.conninfo).map(|c| subscription.conninfo = c)
            }
            Ok(AlterSubscriptionType::AlterSubscriptionSetPublication) => {
                subscription.publications = named;
                Ok(())
            }
            Ok(AlterSubscriptionType::AlterSubscriptionAddPublication) => {
                subscription.publications.extend(named);
                subscription.publications.sort();
                subscription.publications.dedup();
                Ok(())
            }
            Ok(AlterSubscriptionType::AlterSubscriptionDropPublication) => {
                subscription.publications.retain(|p| !named.contains(p));
                Ok(())
            }
            Ok(AlterSubscriptionType::AlterSubscriptionOptions) => {
                set_options(subscription, &stmt.options)
            }
            Ok(AlterSubscriptionType::AlterSubscriptionEnabled) => {
                enabled(&stmt.options).and_then(|enabled| {
                    if enabled && subscription.slot_name.is_none() {
                        return Err("a subscription without a slot cannot be enabled".into());
                    }
                    subscription.enabled = enabled;
                    Ok(())
                })
            }
            _ => Ok(()),
        };
        if let Err(reason) = result {
            self.error(
                0,
                format!(
                    "subscription `{}` cannot be altered: {reason}",
                    stmt.subname
                ),
                "fix the ALTER SUBSCRIPTION as the server would require",
            );
        }
    }

    pub(super) fn drop_subscription(&mut self, stmt: &DropSubscriptionStmt) {
        if self
            .catalog
            .subscriptions
            .shift_remove(&stmt.subname)
            .is_none()
            && !stmt.missing_ok
        {
            self.error(
                0,
                format!("DROP of `{}`, which is not created", stmt.subname),
                "remove the DROP, or add IF EXISTS",
            );
        }
    }

    /// `ALTER SUBSCRIPTION old RENAME TO new`, with its owner.
    pub(super) fn rename_subscription(&mut self, old: &str, new: &str) {
        let Some(mut subscription) = self.catalog.subscriptions.shift_remove(old) else {
            return self.error(
                0,
                format!("subscription `{old}` is renamed but not created"),
                "check the subscription name",
            );
        };
        subscription.name = new.to_string();
        self.catalog
            .subscriptions
            .insert(new.to_string(), subscription);
        self.catalog.rename_acls(|object| match object {
            AclObject::Subscription(name) if name == old => {
                Some(AclObject::Subscription(new.to_string()))
            }
            _ => None,
        });
    }
}
