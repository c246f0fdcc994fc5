//! Connection URLs: which arguments are PostgreSQL URLs, and the parameters read here
//! rather than by the `postgres` crate.

/// The scheme of `scheme://…`, as written; `jdbc:postgresql` counts as one.
pub fn scheme(text: &str) -> Option<&str> {
    let (scheme, _) = text.split_once("://")?;
    let valid = !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.:".contains(c));
    valid.then_some(scheme)
}

/// Whether `text` is a URL libpq would read: `postgres://` or `postgresql://`, in any case.
pub fn is_postgres_url(text: &str) -> bool {
    scheme(text).is_some_and(is_postgres_scheme)
}

/// Whether `text` is a JDBC URL for PostgreSQL (`jdbc:postgresql://…`).
pub fn is_jdbc_url(text: &str) -> bool {
    scheme(text)
        .and_then(|s| {
            s.get(..5)
                .filter(|p| p.eq_ignore_ascii_case("jdbc:"))
                .map(|_| &s[5..])
        })
        .is_some_and(is_postgres_scheme)
}

fn is_postgres_scheme(scheme: &str) -> bool {
    scheme.eq_ignore_ascii_case("postgres") || scheme.eq_ignore_ascii_case("postgresql")
}

/// A connection URL taken apart: what the `postgres` crate is given, and what is read
/// here, because it rejects it (`sslmode=verify-full`, `sslrootcert`), means something else
/// by it (its `connect_timeout` bounds only the TCP connect), or cannot tell it from a
/// default (it gives a host without a port 5432, where libpq would take `PGPORT`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SplitUrl {
    pub for_driver: String,
    /// The hosts of the URL's authority, each with its port if it has one.
    pub hosts: Vec<(String, Option<u16>)>,
    pub sslmode: Option<String>,
    pub sslrootcert: Option<String>,
    pub connect_timeout: Option<String>,
}

pub fn split(url: &str) -> Result<SplitUrl, String> {
    if is_jdbc_url(url) {
        return Err("this is a JDBC URL: drop the `jdbc:` prefix (postgresql://…)".into());
    }
    if !is_postgres_url(url) {
        return Err("not a PostgreSQL URL: write postgresql://user@host:port/database".into());
    }
    let (_, rest) = url.split_once("://").expect("a URL has a scheme");
    // the user part ends at the authority's last `@`: a password may hold a raw `?`
    let authority_end = rest
        .find('/')
        .or_else(|| rest.find('?'))
        .unwrap_or(rest.len());
    let host_start = rest[..authority_end].rfind('@').map_or(0, |at| at + 1);
    let (location, query) = match rest[host_start..].find('?') {
        Some(q) => (&rest[..host_start + q], Some(&rest[host_start + q + 1..])),
        None => (rest, None),
    };
    let host_end = location[host_start..]
        .find('/')
        .map_or(location.len(), |slash| host_start + slash);
    let mut split = SplitUrl {
        hosts: hosts(&location[host_start..host_end])?,
        ..SplitUrl::default()
    };
    let mut kept = Vec::new();
    for parameter in query.into_iter().flat_map(|q| q.split('&')) {
        let (key, value) = parameter.split_once('=').unwrap_or((parameter, ""));
        let slot = match key {
            "sslmode" => &mut split.sslmode,
            "sslrootcert" => &mut split.sslrootcert,
            "connect_timeout" => &mut split.connect_timeout,
            _ => {
                kept.push(parameter);
                continue;
            }
        };
        *slot = Some(percent_decode(value));
    }
    split.for_driver = format!(
        "postgresql://{}{}",
        &location[..host_start],
        &location[host_end..]
    );
    if !kept.is_empty() {
        split.for_driver.push('?');
        split.for_driver.push_str(&kept.join("&"));
    }
    Ok(split)
}

/// `h1:5432,[::1],h2` → the hosts, brackets taken off, each with its port if given.
fn hosts(list: &str) -> Result<Vec<(String, Option<u16>)>, String> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    list.split(',')
        .map(|chunk| {
            let (host, port) = match chunk.strip_prefix('[') {
                Some(bracketed) => {
                    let (host, after) = bracketed
                        .split_once(']')
                        .ok_or_else(|| format!("invalid host `{chunk}`: no closing `]`"))?;
                    (host, after.strip_prefix(':'))
                }
                None => match chunk.split_once(':') {
                    Some((host, port)) => (host, Some(port)),
                    None => (chunk, None),
                },
            };
            let port = match port.filter(|p| !p.is_empty()) {
                Some(port) => Some(
                    port.parse()
                        .map_err(|_| format!("invalid port `{port}` in the URL"))?,
                ),
                None => None,
            };
            Ok((percent_decode(host), port))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_in_any_case() {
        for url in [
            "postgres://h/db",
            "postgresql://h/db",
            "POSTGRES://h",
            "PostgreSQL://h",
        ] {
            assert!(is_postgres_url(url), "{url}");
        }
        for text in [
            "schema.sql",
            "dir/",
            "-",
            "mysql://h/db",
            "jdbc:postgresql://h/db",
        ] {
            assert!(!is_postgres_url(text), "{text}");
        }
        assert!(is_jdbc_url("JDBC:PostgreSQL://h/db"));
        assert_eq!(scheme("a/b://c"), None);
    }

    #[test]
    fn own_parameters_are_taken_out_and_decoded() {
        let parts = split(
            "POSTGRES://u:p%3F@h:5432/db?sslmode=verify-full&application_name=x\
             &sslrootcert=%2Fetc%2Fca.pem&connect_timeout=3",
        )
        .unwrap();
        assert_eq!(
            parts,
            SplitUrl {
                for_driver: "postgresql://u:p%3F@/db?application_name=x".into(),
                hosts: vec![("h".into(), Some(5432))],
                sslmode: Some("verify-full".into()),
                sslrootcert: Some("/etc/ca.pem".into()),
                connect_timeout: Some("3".into()),
            }
        );
        // a raw `?` in the password is not the query
        assert_eq!(
            driver_url("postgres://u:p?w@h/db?sslmode=require"),
            "postgresql://u:p?w@/db"
        );
        assert_eq!(
            split("postgres://[::1]:6543,h2,%2Ftmp/db").unwrap().hosts,
            [
                ("::1".into(), Some(6543)),
                ("h2".into(), None),
                ("/tmp".into(), None)
            ]
        );
        assert!(split("jdbc:postgresql://h/db")
            .unwrap_err()
            .contains("jdbc:"));
    }

    fn driver_url(url: &str) -> String {
        split(url).unwrap().for_driver
    }
}
