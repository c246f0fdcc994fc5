//! Steps for subscriptions. They lock no table and never contact the publisher (see
//! `render::ddl::subscriptions`). A step whose connection holds a password carries the
//! `secret-required` hazard, as a foreign server's does.

use super::Step;
use crate::diff::Change;
use crate::hazard::HazardKind;
use crate::model::Subscription;
use crate::render::ddl::subscriptions as ddl;

/// The steps of a subscription change.
pub(super) fn steps(change: &Change) -> Vec<Step> {
    match change {
        Change::CreateSubscription(s) => {
            let step = Step::new(
                format!("create subscription `{}`", s.name),
                ddl::create_subscription(s),
                ddl::drop_subscription(s),
            );
            vec![secret(step, s)]
        }
        Change::DropSubscription(s) => {
            let step = Step::new(
                format!("drop subscription `{}`", s.name),
                ddl::drop_subscription(s),
                ddl::create_subscription(s),
            );
            // one without a slot replicates nothing, and leaves nothing behind
            let Some(slot) = &s.slot_name else {
                return vec![step];
            };
            vec![step.hazard(
                HazardKind::BreaksApplication,
                format!(
                    "subscription `{}` stops replicating; its slot `{slot}` stays on the publisher, where it holds back WAL until dropped there (pg_drop_replication_slot('{slot}')) or until the rollback uses it again",
                    s.name
                ),
            )]
        }
        Change::AlterSubscription(s) => {
            let step = Step::new(
                format!("alter subscription `{}`", s.to.name),
                ddl::alter_subscription(&s.from, &s.to),
                ddl::alter_subscription(&s.to, &s.from),
            );
            if s.from.connection_changes(&s.to) {
                return vec![secret(step, &s.to)];
            }
            vec![step]
        }
        _ => Vec::new(),
    }
}

/// The step with the `secret-required` hazard when the connection it sets holds a secret.
fn secret(step: Step, subscription: &Subscription) -> Step {
    if !subscription.conninfo.holds_secret() {
        return step;
    }
    step.hazard(
        HazardKind::SecretRequired,
        format!(
            "subscription `{}` connects with a password (or a connection that could not be read), whose value is never printed: replace the placeholder and run the step by hand (apply refuses it)",
            subscription.name
        ),
    )
}
