//! A primary key, unique or exclusion constraint added to an existing table without an
//! index built beforehand: the index is built while writes wait.

use pg_query::protobuf::ConstrType;

use super::{added_constraints, Check, Findings};
use crate::hazard::HazardKind;

const HELP: &str = "build the index first with `CREATE UNIQUE INDEX CONCURRENTLY`, then add the constraint `USING INDEX`";

pub fn check(check: &Check, out: &mut Findings) {
    let Some((table, cmds)) = check.alter_existing_table() else {
        return;
    };
    for cmd in cmds {
        for constraint in added_constraints(cmd) {
            let kind = match ConstrType::try_from(constraint.contype) {
                Ok(ConstrType::ConstrPrimary) => "primary key",
                Ok(ConstrType::ConstrUnique) => "unique constraint",
                Ok(ConstrType::ConstrExclusion) => "exclusion constraint",
                _ => continue,
            };
            if !constraint.indexname.is_empty() {
                continue;
            }
            out.add(
                HazardKind::BlockingIndexBuild,
                check.statement.at(constraint.location),
                format!(
                    "adding a {kind} to `{table}` builds its index while writes to `{table}` wait"
                ),
                HELP,
            )
            .on(&table);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn a_key_without_an_index_builds_one_blocking() {
        let sql = "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);\nALTER TABLE users ADD PRIMARY KEY (id);\n";
        assert_eq!(lines(sql, "blocking-index-build"), [1, 2]);
    }

    #[test]
    fn a_key_using_an_index_built_concurrently_is_safe() {
        let sql = "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;\n";
        assert!(lines(sql, "blocking-index-build").is_empty());
    }
}
