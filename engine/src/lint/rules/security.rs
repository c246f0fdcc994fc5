//! Row level security and privileges. Changes that open data up: row level security
//! disabled, a policy dropped, a privilege granted to `PUBLIC` (every role, including ones
//! created later). And the reverse on a table in use: row level security enabled or forced
//! hides every row no policy allows from the running application.

use pg_query::protobuf::{AlterTableType, ObjectType, RoleSpecType};
use pg_query::NodeEnum;

use super::{Check, Findings};
use crate::hazard::HazardKind;
use crate::lint::state::qualified;
use crate::normalize::definitions::string_of;

pub fn check(check: &Check, out: &mut Findings) {
    let statement = check.statement;
    match statement.node {
        NodeEnum::AlterTableStmt(_) => {
            let Some((table, cmds)) = check.alter_existing_table() else {
                return;
            };
            for cmd in cmds {
                let what = match AlterTableType::try_from(cmd.subtype) {
                    Ok(AlterTableType::AtDisableRowSecurity) => "disabling row level security",
                    Ok(AlterTableType::AtNoForceRowSecurity) => "`NO FORCE ROW LEVEL SECURITY`",
                    Ok(
                        AlterTableType::AtEnableRowSecurity | AlterTableType::AtForceRowSecurity,
                    ) => {
                        out.add(
                            HazardKind::BreaksApplication,
                            check.at_command(cmd),
                            format!("turning row level security on for `{table}` hides every row no policy allows from the roles the application uses"),
                            "create the policies the application needs first, in the same transaction",
                        );
                        continue;
                    }
                    _ => continue,
                };
                out.add(
                    HazardKind::WeakensSecurity,
                    check.at_command(cmd),
                    format!("{what} on `{table}` lets every role with a privilege on it see and change rows its policies hid"),
                    "keep row level security on and change the policies instead",
                );
            }
        }
        NodeEnum::DropStmt(stmt) if stmt.remove_type == ObjectType::ObjectPolicy as i32 => {
            for node in &stmt.objects {
                let Some(NodeEnum::List(list)) = &node.node else {
                    continue;
                };
                let Some((policy, table)) = list.items.split_last() else {
                    continue;
                };
                let (Some(policy), Some(table)) = (string_of(policy), qualified(table)) else {
                    continue;
                };
                out.add(
                    HazardKind::WeakensSecurity,
                    statement.start,
                    format!("dropping policy `{policy}` on `{table}` changes which rows each role sees: with no policy left, none; with others, possibly more"),
                    "create the replacement policy in the same transaction before dropping the old one",
                )
                .dropping(format!("policy {policy} on {table}"));
            }
        }
        NodeEnum::GrantStmt(stmt) if stmt.is_grant => {
            let to_public = stmt.grantees.iter().any(|node| {
                matches!(&node.node, Some(NodeEnum::RoleSpec(r)) if r.roletype == RoleSpecType::RolespecPublic as i32)
            });
            if to_public {
                out.add(
                    HazardKind::WeakensSecurity,
                    statement.start,
                    "granting to `PUBLIC` gives the privilege to every role, including ones created later".into(),
                    "grant to the roles that need it",
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
    fn opening_data_up_is_found() {
        let sql = "ALTER TABLE docs DISABLE ROW LEVEL SECURITY;\nDROP POLICY owner_only ON docs;\nGRANT SELECT ON docs TO PUBLIC;\n";
        assert_eq!(lines(sql, "weakens-security"), [1, 2, 3]);
    }

    #[test]
    fn grants_to_roles_and_revokes_are_not() {
        let sql = "GRANT SELECT ON docs TO reader;\nREVOKE ALL ON docs FROM PUBLIC;\n";
        assert!(lines(sql, "weakens-security").is_empty());
    }

    #[test]
    fn row_level_security_turned_on_hides_rows_from_the_application() {
        let sql = "ALTER TABLE docs ENABLE ROW LEVEL SECURITY;\nCREATE TABLE fresh (id bigint);\nALTER TABLE fresh ENABLE ROW LEVEL SECURITY;\n";
        assert_eq!(lines(sql, "breaks-application"), [1]);
        assert!(lines(sql, "weakens-security").is_empty());
    }
}
