//! A table renamed while both applications run: expand renames it and leaves an updatable
//! view under the old name, through which the old application reads and writes the table;
//! contract drops the view.

use crate::diff::Pair;
use crate::model::{AclObject, QualifiedName};
use crate::plan::steps::Context;
use crate::plan::{LockLevel, Phase, Step};
use crate::render::ddl;
use crate::render::ddl::staging::compatibility_view;

pub fn steps(name: Pair<&QualifiedName>, context: &Context) -> Vec<Step> {
    let (old, new) = (name.from, name.to);
    // the catalog before the plan is read with the table renamed already
    let acl = context
        .privileges_before(&AclObject::Table(new.clone()))
        .cloned()
        .unwrap_or_default();
    let row_security = context.table_before(new).is_some_and(|t| t.row_security);
    let view = compatibility_view(old, new, &acl, row_security);
    let mut sql = vec![ddl::rename_table(old, new)];
    sql.extend(view.clone());
    let rename = Step::new(
        format!("rename table `{old}` to `{new}`, leaving a view `{old}` for the old application"),
        sql,
        vec![
            ddl::staging::drop_compatibility_view(old),
            ddl::rename_table(new, old),
        ],
    )
    .lock(LockLevel::AccessExclusive);
    let drop_view = Step::new(
        format!("drop the view `{old}` that kept the old name of `{new}`"),
        vec![ddl::staging::drop_compatibility_view(old)],
        view,
    )
    .lock(LockLevel::AccessExclusive)
    .in_phase(Phase::Contract);
    vec![rename, drop_view]
}
