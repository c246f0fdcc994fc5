//! A column type change that rewrites an existing table, or that rounds or reformats its
//! values. The planner's rules decide: with `--db` the current type is known
//! (`varchar(10)` → `varchar(20)` is free, `integer` → `bigint` rewrites, `text` →
//! `integer` may lose values); without it, only a change to `text` or `varchar` without
//! `USING` is taken as the widening it usually is, and a type the file created (an enum
//! recreated with other values) always rewrites.

use pg_query::protobuf::AlterTableType;

use super::{column_def, Check, Findings};
use crate::hazard::HazardKind;
use crate::lint::state::qualified;
use crate::normalize::types::type_name_text;
use crate::plan::{loses_values, type_change_rewrites};

pub fn check(check: &Check, out: &mut Findings) {
    let Some((table, cmds)) = check.alter_stored_table() else {
        return;
    };
    for cmd in cmds {
        if cmd.subtype != AlterTableType::AtAlterColumnType as i32 {
            continue;
        }
        let Some(type_name) = column_def(cmd).and_then(|c| c.type_name.as_ref()) else {
            continue;
        };
        let using = column_def(cmd).is_some_and(|c| c.raw_default.is_some());
        let to = type_name_text(type_name);
        let from = check.context.column_type(&table, &cmd.name);
        let new_type = qualified(&type_name.names).is_some_and(|t| check.state.created_type(&t));
        let rewrites = new_type
            || match from {
                Some(from) => from != to && (using || type_change_rewrites(from, &to)),
                None => using || !(to == "text" || to.starts_with("character varying")),
            };
        if let Some(from) = from.filter(|from| *from != to && loses_values(from, &to)) {
            out.add(
                HazardKind::DataLoss,
                check.statement.at(type_name.location),
                format!("changing `{table}.{}` from {from} to {to} may round or reformat its values, and the rollback cannot bring them back", cmd.name),
                "keep the old column until the new values are checked: add a column of the new type, fill it, compare, then drop the old one",
            )
            .on(&table);
        }
        if rewrites {
            out.add(
                HazardKind::TableRewrite,
                check.statement.at(type_name.location),
                format!("changing the type of `{table}.{}` to {to} rewrites `{table}` and its indexes under an ACCESS EXCLUSIVE lock", cmd.name),
                "add a column of the new type, fill it by trigger and in batches, switch the application, then drop the old column (what `schemadiff plan` stages)",
            )
            .on(&table);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;
    use crate::lint::context::{Context, TableFacts};
    use crate::lint::{lint, Settings};
    use crate::model::QualifiedName;
    use crate::source::SqlFile;

    #[test]
    fn int_to_bigint_rewrites() {
        let sql = "ALTER TABLE events\n  ALTER COLUMN id TYPE bigint;\n";
        assert_eq!(lines(sql, "table-rewrite"), [2]);
    }

    #[test]
    fn widening_to_text_or_varchar_does_not() {
        let sql = "ALTER TABLE users ALTER COLUMN name TYPE varchar(200);\nALTER TABLE users ALTER COLUMN bio TYPE text;\n";
        assert!(lines(sql, "table-rewrite").is_empty());
    }

    #[test]
    fn a_column_moved_to_a_type_the_file_created_is_rewritten() {
        let sql = "ALTER TYPE mood RENAME TO mood_old;\nCREATE TYPE mood AS ENUM ('a', 'b');\nALTER TABLE people ALTER COLUMN m TYPE mood USING m::text::mood;\n";
        assert_eq!(lines(sql, "table-rewrite"), [3]);
    }

    #[test]
    fn the_database_says_whether_a_change_rewrites() {
        let table = QualifiedName::new("public", "users");
        let mut facts = TableFacts::default();
        facts
            .columns
            .insert("name".into(), "character varying(10)".into());
        facts.columns.insert("age".into(), "integer".into());
        let context = Context {
            tables: [(table, facts)].into(),
        };
        let file = SqlFile {
            name: "m.sql".into(),
            text: "ALTER TABLE users ALTER COLUMN name TYPE varchar(20);\nALTER TABLE users ALTER COLUMN age TYPE text;\n".into(),
        };
        let found = lint(&file, &Settings::default(), &context).unwrap();
        let ids: Vec<(&str, usize)> = (found.iter())
            .filter(|f| f.id != "discouraged-type" && f.id != "missing-lock-timeout")
            .map(|f| (f.id, f.span.line))
            .collect();
        assert_eq!(ids, [("table-rewrite", 2)]);
        let file = SqlFile {
            name: "m.sql".into(),
            text: "ALTER TABLE users ALTER COLUMN name TYPE integer USING name::integer;\n".into(),
        };
        let found = lint(&file, &Settings::default(), &context).unwrap();
        let ids: Vec<&str> = found.iter().map(|f| f.id).collect();
        assert_eq!(ids, ["missing-lock-timeout", "data-loss", "table-rewrite"]);
    }
}
