//! Steps for casts. They lock no table; a dropped cast is breaks-application, since queries
//! that convert with it (explicitly, or implicitly in an assignment or expression) fail.

use super::Step;
use crate::diff::Change;
use crate::hazard::HazardKind;
use crate::model::Cast;
use crate::render::ddl::casts as ddl;

/// The steps of a cast change.
pub(super) fn steps(change: &Change) -> Vec<Step> {
    match change {
        Change::CreateCast(cast) => vec![Step::new(
            format!("create cast `{}`", describe(cast)),
            ddl::create_cast(cast),
            vec![ddl::drop_cast(cast)],
        )],
        Change::DropCast { cast, recreated } => {
            let step = Step::new(
                format!("drop cast `{}`", describe(cast)),
                vec![ddl::drop_cast(cast)],
                ddl::create_cast(cast),
            );
            if *recreated {
                return vec![step];
            }
            vec![step.hazard(
                HazardKind::BreaksApplication,
                format!(
                    "queries converting with cast `{}` fail once it is dropped",
                    describe(cast)
                ),
            )]
        }
        _ => Vec::new(),
    }
}

fn describe(cast: &Cast) -> String {
    format!("({} AS {})", cast.source, cast.target)
}
