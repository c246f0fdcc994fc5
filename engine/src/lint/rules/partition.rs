//! Attaching or detaching a partition, or changing what a table inherits from, on tables in
//! use: rows appear in or disappear from the running application's queries on the parent,
//! and attaching scans the partition for rows outside its bound.

use pg_query::protobuf::AlterTableType;
use pg_query::NodeEnum;

use super::{Check, Findings};
use crate::hazard::HazardKind;
use crate::normalize::definitions::relation_name;

pub fn check(check: &Check, out: &mut Findings) {
    let Some((table, cmds)) = check.alter_existing_table() else {
        return;
    };
    for cmd in cmds {
        let start = check.at_command(cmd);
        let other = match cmd.def.as_deref().and_then(|d| d.node.as_ref()) {
            Some(NodeEnum::PartitionCmd(partition)) => partition.name.as_ref(),
            Some(NodeEnum::RangeVar(parent)) => Some(parent),
            _ => None,
        };
        let Some(other) = other.map(relation_name) else {
            continue;
        };
        let message = match AlterTableType::try_from(cmd.subtype) {
            Ok(AlterTableType::AtAttachPartition) => {
                out.add(
                    HazardKind::ValidationScan,
                    start,
                    format!("attaching `{other}` to `{table}` scans every row of `{other}` for one outside its bound, under lock"),
                    "add a check constraint matching the bound (`NOT VALID`, then validated) before attaching: PostgreSQL then skips the scan",
                )
                .on(&other);
                format!("attaching `{other}` makes its rows appear in every query on `{table}`")
            }
            Ok(AlterTableType::AtDetachPartition) => {
                format!(
                    "detaching `{other}` makes its rows disappear from every query on `{table}`"
                )
            }
            Ok(AlterTableType::AtAddInherit) => {
                format!("making `{table}` inherit from `{other}` makes its rows appear in every query on `{other}`")
            }
            Ok(AlterTableType::AtDropInherit) => {
                format!("`{table}` no longer inheriting from `{other}` makes its rows disappear from every query on `{other}`")
            }
            _ => continue,
        };
        out.add(
            HazardKind::BreaksApplication,
            start,
            message,
            "check which queries read the parent, and deploy the application that expects the new rows first",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn attaching_scans_and_moves_rows_in_and_out_of_view() {
        let sql = "ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\nALTER TABLE events DETACH PARTITION events_2020;\nALTER TABLE archive_2020 INHERIT archive;\n";
        assert_eq!(lines(sql, "breaks-application"), [1, 2, 3]);
        assert_eq!(lines(sql, "validation-scan"), [1]);
    }
}
