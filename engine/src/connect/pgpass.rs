//! The password file, as libpq reads it: `~/.pgpass` or `PGPASSFILE`, one
//! `host:port:database:user:password` a line, `*` matching anything, `\:` and `\\`
//! escaping, the first matching line winning.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// What a connection looks a password up by.
pub struct Key<'a> {
    pub host: &'a str,
    pub port: u16,
    pub database: &'a str,
    pub user: &'a str,
}

/// The outcome of a look-up.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(String),
    /// No file, or no line for this connection.
    NotFound,
    /// libpq ignores a file that group or others may read: saying so spares the user a
    /// puzzling "password missing".
    Ignored(PathBuf),
}

pub fn lookup(path: &Path, key: &Key) -> Lookup {
    let Ok(metadata) = std::fs::metadata(path) else {
        return Lookup::NotFound;
    };
    if !metadata.is_file() {
        return Lookup::NotFound;
    }
    if metadata.permissions().mode() & 0o077 != 0 {
        return Lookup::Ignored(path.to_path_buf());
    }
    match std::fs::read_to_string(path) {
        Ok(text) => find(&text, key).map_or(Lookup::NotFound, Lookup::Found),
        Err(_) => Lookup::NotFound,
    }
}

fn find(text: &str, key: &Key) -> Option<String> {
    let port = key.port.to_string();
    let wanted = [key.host, &port, key.database, key.user];
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .find_map(|line| {
            let fields = split_fields(line)?;
            let matches = fields[..4]
                .iter()
                .zip(wanted)
                .all(|(field, value)| field == "*" || field == value);
            matches.then(|| fields[4].clone())
        })
}

/// The four key fields and the password (the rest of the line, `:` included), unescaped;
/// `None` for a line with fewer fields.
fn split_fields(line: &str) -> Option<[String; 5]> {
    let mut fields: Vec<String> = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut()?.extend(chars.next()),
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut()?.push(c),
        }
    }
    fields.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: Key = Key {
        host: "db.example",
        port: 5432,
        database: "app",
        user: "app_user",
    };

    #[test]
    fn first_matching_line_wins_with_wildcards_and_escapes() {
        let text = "# comment\n\
                    other:5432:app:app_user:no\n\
                    db.example:5433:*:*:no\n\
                    db.example:5432:*:app_user:s3\\:cr\\\\et:with:colons\n\
                    *:*:*:*:fallback\n";
        assert_eq!(find(text, &KEY).as_deref(), Some("s3:cr\\et:with:colons"));
        assert_eq!(
            find("*:*:*:*:fallback\n", &KEY).as_deref(),
            Some("fallback")
        );
        assert_eq!(find("db.example:5432:app\n", &KEY), None);
        // an escaped colon is part of the field, not a separator
        assert_eq!(find("db\\:example:*:*:*:x\n", &KEY), None);
    }

    #[test]
    fn a_file_others_can_read_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pgpass");
        std::fs::write(&path, "*:*:*:*:s3cret\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(lookup(&path, &KEY), Lookup::Ignored(path.clone()));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(lookup(&path, &KEY), Lookup::Found("s3cret".into()));
        assert_eq!(lookup(&dir.path().join("none"), &KEY), Lookup::NotFound);
    }
}
