//! Dropping a subscription that existed before the file: its replication stops, and a slot
//! detached from it first (`SET (slot_name = NONE)`, so that the drop does not contact the
//! publisher) stays on the publisher, holding back WAL there.

use pg_query::NodeEnum;

use super::{Check, Findings};
use crate::hazard::HazardKind;

pub fn check(check: &Check, out: &mut Findings) {
    let NodeEnum::DropSubscriptionStmt(stmt) = check.statement.node else {
        return;
    };
    if check.state.creates(&subscription_key(&stmt.subname)) {
        return;
    }
    out.add(
        HazardKind::BreaksApplication,
        check.statement.start,
        format!(
            "dropping subscription `{}` stops its replication; a slot detached from it first stays on the publisher",
            stmt.subname
        ),
        "make sure nothing needs its tables kept up to date, drop a detached slot on the publisher (pg_drop_replication_slot), and allow the hazard on this statement",
    );
}

/// The `State::creates` key of a subscription.
pub(in crate::lint) fn subscription_key(name: &str) -> String {
    format!("subscription {name}")
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn dropping_a_subscription_stops_its_replication() {
        let sql = "ALTER SUBSCRIPTION mirror DISABLE;\n\
                   ALTER SUBSCRIPTION mirror SET (slot_name = NONE);\n\
                   DROP SUBSCRIPTION mirror;\n\
                   CREATE SUBSCRIPTION scratch CONNECTION 'host=h' PUBLICATION p WITH (connect = false, slot_name = NONE);\n\
                   DROP SUBSCRIPTION scratch;\n";
        assert_eq!(lines(sql, "breaks-application"), [3]);
    }
}
