//! Changes that open data up: row level security disabled, a policy dropped, a privilege
//! granted to `PUBLIC` (every role, including ones created later).

use pg_query::protobuf::{AlterTableType, ObjectType, RoleSpecType};
use pg_query::NodeEnum;

use super::{Check, Findings};
use crate::hazard::HazardKind;
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
                    _ => continue,
                };
                out.add(
                    HazardKind::WeakensSecurity,
                    statement.start,
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
                let parts: Vec<String> = list.items.iter().filter_map(string_of).collect();
                let Some((policy, table)) = parts.split_last() else {
                    continue;
                };
                out.add(
                    HazardKind::WeakensSecurity,
                    statement.start,
                    format!("dropping policy `{policy}` on `{}` changes which rows each role sees: with no policy left, none; with others, possibly more", table.join(".")),
                    "create the replacement policy in the same transaction before dropping the old one",
                );
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
    fn grants_to_roles_and_enabling_rls_are_not() {
        let sql = "ALTER TABLE docs ENABLE ROW LEVEL SECURITY;\nGRANT SELECT ON docs TO reader;\nREVOKE ALL ON docs FROM PUBLIC;\n";
        assert!(lines(sql, "weakens-security").is_empty());
    }
}
