//! Objects created more than once: each is reported once, at its second definition, naming
//! the first and how many more there are. Where each object was created is kept in a map,
//! so that a file repeating one definition thousands of times costs a lookup per statement.

use super::{Builder, Place};

/// An object created again: where its report is, where it was first created, and how many
/// times it was created again.
pub(super) struct Repeat {
    problem: usize,
    verb: &'static str,
    first: Option<Place>,
    count: usize,
}

impl Builder<'_> {
    /// Records where `object` (``table `t` ``) is created, at a parse-tree location.
    pub(super) fn created_at(&mut self, object: String, location: i32) {
        let place = self.place(location);
        self.created_at.insert(object, place);
    }

    /// Reports `object` created (or `verb`, for columns: added) again: at its first repeat;
    /// further ones are counted.
    pub(super) fn repeated(
        &mut self,
        object: String,
        verb: &'static str,
        location: i32,
        help: &str,
    ) {
        if let Some(repeat) = self.repeats.get_mut(&object) {
            repeat.count += 1;
            return;
        }
        let first = self.created_at.get(&object).copied();
        let problem = self.problems.len();
        self.error(location, format!("{object} is {verb} twice"), help);
        self.repeats.insert(
            object,
            Repeat {
                problem,
                verb,
                first,
                count: 1,
            },
        );
    }

    /// Completes the messages of repeated objects with the first place and the count.
    pub(super) fn report_repeats(&mut self) {
        let repeats = std::mem::take(&mut self.repeats);
        for (object, repeat) in repeats {
            let times = if repeat.count == 1 {
                "twice".to_string()
            } else {
                format!("{} times", repeat.count + 1)
            };
            let first = repeat.first.map(|place| {
                let span = self.problem_at(place, String::new(), "").span;
                format!(" (first at {span})")
            });
            self.problems[repeat.problem].message = format!(
                "{object} is {} {times}{}",
                repeat.verb,
                first.unwrap_or_default()
            );
        }
    }
}
