//! `-- schemadiff:allow <id> …`: a comment on a statement's lines, or on the lines just
//! before it, that silences those hazards for that statement deliberately.

use crate::hazard::HazardKind;

const MARKER: &str = "schemadiff:allow";

/// The hazards one statement's comment allows, and where the comment is.
#[derive(Debug)]
pub struct Allowed {
    pub ids: Vec<HazardKind>,
    pub offset: usize,
}

/// The allow comment of the statement that ends at `end`, the previous one ending at
/// `leading`; an unknown id is a problem at its offset. A comment on the line where the
/// previous statement ends belongs to that statement, not to this one.
pub fn read(text: &str, leading: usize, end: usize) -> Result<Option<Allowed>, (usize, String)> {
    let from = match text[leading..].find('\n') {
        Some(newline) if !line_start(text, leading) => (leading + newline + 1).min(end),
        _ => leading,
    };
    let to = text[end..].find('\n').map_or(text.len(), |n| end + n);
    let region = &text[from..to];
    let Some(at) = region.find(MARKER) else {
        return Ok(None);
    };
    let ids_start = from + at + MARKER.len();
    let line_end = text[ids_start..]
        .find('\n')
        .map_or(text.len(), |n| ids_start + n);
    let mut ids = Vec::new();
    let mut offset = ids_start;
    for word in text[ids_start..line_end].split(|c: char| c.is_whitespace() || c == ',') {
        if !word.is_empty() {
            let word_at = offset + text[offset..].find(word).unwrap_or(0);
            match HazardKind::from_id(word) {
                Some(kind) => ids.push(kind),
                None => return Err((word_at, format!("unknown hazard id `{word}`"))),
            }
            offset = word_at + word.len();
        }
    }
    if ids.is_empty() {
        return Err((ids_start, "`schemadiff:allow` names no hazard id".into()));
    }
    Ok(Some(Allowed {
        ids,
        offset: from + at,
    }))
}

fn line_start(text: &str, offset: usize) -> bool {
    offset == 0 || text[..offset].ends_with('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_before_the_statement_allows_its_ids() {
        let text = "-- schemadiff:allow data-loss, table-rewrite\nDROP TABLE t";
        let allowed = read(text, 0, text.len()).unwrap().unwrap();
        assert_eq!(
            allowed.ids,
            [HazardKind::DataLoss, HazardKind::TableRewrite]
        );
    }

    #[test]
    fn a_trailing_comment_belongs_to_the_statement_it_follows() {
        let text = "DROP TABLE a; -- schemadiff:allow data-loss\nDROP TABLE b";
        let first_end = text.find(';').unwrap();
        assert!(read(text, 0, first_end).unwrap().is_some());
        assert!(read(text, first_end + 1, text.len()).unwrap().is_none());
    }

    #[test]
    fn an_unknown_id_is_a_problem_at_its_position() {
        let text = "DROP TABLE t; -- schemadiff:allow data-los";
        let (offset, message) = read(text, 0, 12).unwrap_err();
        assert_eq!(&text[offset..], "data-los");
        assert_eq!(message, "unknown hazard id `data-los`");
    }
}
