//! A foreign key or check added to an existing table without `NOT VALID`: every row is
//! checked while writes wait.

use pg_query::protobuf::ConstrType;

use super::{added_constraints, Check, Findings};
use crate::hazard::HazardKind;

pub fn check(check: &Check, out: &mut Findings) {
    let Some((table, cmds)) = check.alter_stored_table() else {
        return;
    };
    for cmd in cmds {
        // a column's own constraints cannot be `NOT VALID`: they are checked at once
        for constraint in added_constraints(cmd) {
            let kind = match ConstrType::try_from(constraint.contype) {
                Ok(ConstrType::ConstrForeign) => "foreign key",
                Ok(ConstrType::ConstrCheck) => "check",
                _ => continue,
            };
            if constraint.skip_validation {
                continue;
            }
            let name = match constraint.conname.as_str() {
                "" => String::new(),
                name => format!(" `{name}`"),
            };
            out.add(
                HazardKind::ValidationScan,
                check.statement.at(constraint.location),
                format!("adding {kind}{name} to `{table}` checks every row while writes to `{table}` wait"),
                "add it `NOT VALID`, then `VALIDATE CONSTRAINT` in a separate statement: validation lets reads and writes go on (for a new column: add the column, then the constraint)",
            )
            .on(&table);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn a_validated_foreign_key_or_check_scans() {
        let sql = "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);\nALTER TABLE orders\n  ADD CONSTRAINT positive CHECK (total > 0);\n";
        assert_eq!(lines(sql, "validation-scan"), [1, 3]);
    }

    #[test]
    fn a_column_added_with_a_foreign_key_is_checked_at_once() {
        let sql = "ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);\n";
        assert_eq!(lines(sql, "validation-scan"), [1]);
    }

    #[test]
    fn not_valid_then_validate_is_the_safe_way() {
        let sql = "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;\n";
        assert!(lines(sql, "validation-scan").is_empty());
    }
}
