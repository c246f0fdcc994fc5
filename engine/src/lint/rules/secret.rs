//! A secret option (a user mapping's `password`, an `api_token`…) or a subscription's
//! connection with a password written into a migration: the file, and so version control,
//! holds the secret. Values are never repeated in the
//! finding.

use pg_query::protobuf::DefElemAction;
use pg_query::{Node, NodeEnum};

use super::{Check, Findings};
use crate::hazard::HazardKind;
use crate::model::is_secret;
use crate::normalize::subscription::conninfo;

pub fn check(check: &Check, out: &mut Findings) {
    let (what, options): (String, &[Node]) = match check.statement.node {
        NodeEnum::CreateSubscriptionStmt(s) => {
            return connection(check, &s.subname, &s.conninfo, out)
        }
        NodeEnum::AlterSubscriptionStmt(s) => {
            return connection(check, &s.subname, &s.conninfo, out)
        }
        NodeEnum::CreateUserMappingStmt(s) => (
            format!("user mapping on server `{}`", s.servername),
            &s.options,
        ),
        NodeEnum::AlterUserMappingStmt(s) => (
            format!("user mapping on server `{}`", s.servername),
            &s.options,
        ),
        NodeEnum::CreateForeignServerStmt(s) => (format!("server `{}`", s.servername), &s.options),
        NodeEnum::AlterForeignServerStmt(s) => (format!("server `{}`", s.servername), &s.options),
        NodeEnum::CreateFdwStmt(s) => (format!("foreign data wrapper `{}`", s.fdwname), &s.options),
        NodeEnum::AlterFdwStmt(s) => (format!("foreign data wrapper `{}`", s.fdwname), &s.options),
        _ => return,
    };
    for option in options {
        let Some(NodeEnum::DefElem(option)) = &option.node else {
            continue;
        };
        let dropped = option.defaction == DefElemAction::DefelemDrop as i32;
        if dropped || !is_secret(&option.defname) {
            continue;
        }
        out.add(
            HazardKind::SecretRequired,
            check.statement.start,
            format!(
                "{what} sets secret option `{}` from a literal: the secret is in this file",
                option.defname
            ),
            "set it from a psql variable (OPTIONS (SET password :'secret')) or outside the migrations, and keep the value out of version control",
        );
    }
}

/// A connection string with a password in it.
fn connection(check: &Check, subscription: &str, text: &str, out: &mut Findings) {
    if !conninfo(text).is_ok_and(|c| c.holds_secret()) {
        return;
    }
    out.add(
        HazardKind::SecretRequired,
        check.statement.start,
        format!(
            "subscription `{subscription}` connects with a password written in its connection: the secret is in this file"
        ),
        "leave the password out of the connection (the subscriber's ~/.pgpass, or passfile=…) and keep it out of version control",
    );
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn a_secret_written_into_a_migration_is_found_and_never_repeated() {
        let sql = "CREATE SERVER s FOREIGN DATA WRAPPER w OPTIONS (host 'h');\n\
                   CREATE USER MAPPING FOR app SERVER s OPTIONS (user 'app', password 'Hunter2');\n\
                   ALTER USER MAPPING FOR app SERVER s OPTIONS (DROP password);\n\
                   ALTER SERVER s OPTIONS (ADD api_token 'Hunter2');\n\
                   CREATE SUBSCRIPTION u CONNECTION 'host=h password=Hunter2' PUBLICATION p WITH (connect = false, slot_name = NONE);\n\
                   ALTER SUBSCRIPTION u CONNECTION 'postgresql://app:Hunter2@h/db';\n\
                   ALTER SUBSCRIPTION u CONNECTION 'host=h passfile=/etc/pgpass';\n";
        assert_eq!(lines(sql, "secret-required"), [2, 4, 5, 6]);
        let file = crate::source::SqlFile {
            name: "test.sql".into(),
            text: sql.into(),
        };
        let findings = crate::lint::lint(
            &file,
            &crate::lint::Settings::default(),
            &crate::lint::Context::default(),
        )
        .unwrap();
        assert!(findings
            .iter()
            .all(|f| !format!("{f:?}").contains("Hunter2")));
    }
}
