//! `ALTER DOMAIN … ADD CONSTRAINT`, which checks every column of the domain's type in every
//! table while they are locked; and `CREATE DOMAIN … CHECK`, whose check can later only be
//! changed that way.

use pg_query::protobuf::ConstrType;
use pg_query::NodeEnum;

use super::{Check, Findings};
use crate::hazard::HazardKind;
use crate::normalize::definitions::string_of;

pub fn check(check: &Check, out: &mut Findings) {
    match check.statement.node {
        NodeEnum::AlterDomainStmt(stmt) if stmt.subtype == "C" => {
            let validated = match stmt.def.as_deref().and_then(|d| d.node.as_ref()) {
                Some(NodeEnum::Constraint(c)) => !c.skip_validation,
                _ => true,
            };
            if validated {
                let domain: Vec<String> = stmt.type_name.iter().filter_map(string_of).collect();
                out.add(
                    HazardKind::ValidationScan,
                    check.statement.start,
                    format!("adding a constraint to domain `{}` checks every column of that type in every table, while writes to them wait", domain.join(".")),
                    "add it `NOT VALID` and `VALIDATE CONSTRAINT` it in a separate statement, or put a check on the tables instead",
                );
            }
        }
        NodeEnum::CreateDomainStmt(stmt) => {
            let has_check = stmt.constraints.iter().any(|node| {
                matches!(&node.node, Some(NodeEnum::Constraint(c)) if c.contype == ConstrType::ConstrCheck as i32)
            });
            if has_check {
                let domain: Vec<String> = stmt.domainname.iter().filter_map(string_of).collect();
                out.add(
                    HazardKind::DiscouragedType,
                    check.statement.start,
                    format!("domain `{}` has a check, which can only be changed by scanning every column of that type", domain.join(".")),
                    "put the check on the tables' columns, where it can be replaced `NOT VALID`",
                );
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn adding_a_domain_constraint_scans_every_column_of_the_type() {
        let sql = "ALTER DOMAIN email ADD CONSTRAINT has_at CHECK (VALUE LIKE '%@%');\nALTER DOMAIN email ADD CONSTRAINT has_dot CHECK (VALUE LIKE '%.%') NOT VALID;\n";
        assert_eq!(lines(sql, "validation-scan"), [1]);
    }

    #[test]
    fn a_domain_created_with_a_check_is_discouraged() {
        let sql =
            "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');\nCREATE DOMAIN name AS text;\n";
        assert_eq!(lines(sql, "discouraged-type"), [1]);
    }
}
