//! A throwaway PostgreSQL cluster: `initdb` into a temporary directory, start a
//! server that listens on a private unix socket (and, for tests of connecting, on
//! TCP with TLS), and tear everything down on drop.
//!
//! The test suite runs every test against a real server, and `--dev-url local`
//! needs somewhere scratch to load a desired-state file into; both want a
//! server that cannot collide with anything else on the machine and leaves no
//! trace behind.

use std::fs;
use std::io;
use std::io::Write;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};

use postgres::Client;
use tempfile::TempDir;

use crate::connect::{Environment, Target};

/// Environment variable naming the directory that holds `initdb`, `pg_ctl` and
/// `postgres`; overrides every other way of finding them.
pub const BINDIR_ENV: &str = "SCHEMADIFF_PG_BINDIR";

/// Unix socket paths are limited to ~107 bytes by `sun_path`; PostgreSQL
/// refuses longer ones, so check up front with a margin for the file name.
const MAX_SOCKET_DIR_LEN: usize = 80;

/// How many lines of the server log to quote when the server fails to start.
const LOG_TAIL_LINES: usize = 30;

const INSTALL_HINT: &str = "install PostgreSQL (e.g. `apt-get install -y postgresql`) \
     or set SCHEMADIFF_PG_BINDIR to the directory containing initdb, pg_ctl and postgres";

/// Everything that can go wrong while creating, using or finding a
/// [`TempCluster`].
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    /// No PostgreSQL server installation could be found.
    #[error("PostgreSQL server binaries not found (looked in: {searched}); {INSTALL_HINT}")]
    NotFound {
        /// The places that were tried, for the user to check.
        searched: String,
    },

    /// An explicitly chosen bindir lacks one of the server programs.
    #[error("{bindir} has no `{missing}`; point {BINDIR_ENV} (or start_in) at a PostgreSQL bin directory, or {INSTALL_HINT}")]
    BadBindir {
        /// The directory that was given.
        bindir: PathBuf,
        /// The program that is missing from it.
        missing: &'static str,
    },

    /// Running as root requires a `postgres` account, because initdb, pg_ctl
    /// and the server all refuse to run as root.
    #[error("running as root, but there is no `postgres` user in /etc/passwd to run the server as; run as a non-root user, or create one (installing PostgreSQL with `apt-get install -y postgresql` does)")]
    NoPostgresUser,

    /// The scratch directory path is too long for a unix socket path.
    #[error("socket directory {0} is too long for a unix socket path; make sure /tmp exists and is writable")]
    SocketPathTooLong(PathBuf),

    /// An operating-system call failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being attempted.
        context: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },

    /// `initdb` exited unsuccessfully.
    #[error("initdb failed ({status}); output:\n{output}\nCheck that /tmp is writable and has ~50 MB free.")]
    Initdb {
        /// Exit status of initdb.
        status: ExitStatus,
        /// Its combined stdout and stderr.
        output: String,
    },

    /// `pg_ctl start` exited unsuccessfully.
    #[error("PostgreSQL server failed to start ({status}); pg_ctl said:\n{output}\nlast lines of the server log:\n{log_tail}\nCommon causes: shared memory limits in containers, or a full /tmp.")]
    Start {
        /// Exit status of pg_ctl.
        status: ExitStatus,
        /// pg_ctl's combined stdout and stderr.
        output: String,
        /// The end of the server log, which holds the real reason.
        log_tail: String,
    },

    /// Could not connect to the temporary server.
    #[error("{source}; the server may have crashed, see its log at {log}")]
    Connect {
        /// Where the server log lives.
        log: PathBuf,
        /// The connect error, which names the URL.
        #[source]
        source: crate::error::Error,
    },

    /// A statement sent by the cluster helper itself failed.
    #[error("`{sql}` failed: {source}")]
    Sql {
        /// The statement.
        sql: String,
        /// The server or client error.
        #[source]
        source: postgres::Error,
    },
}

fn io_err(context: impl Into<String>) -> impl FnOnce(io::Error) -> ClusterError {
    let context = context.into();
    move |source| ClusterError::Io { context, source }
}

/// A cluster that also listens on TCP, for tests of how clients connect: TLS and the
/// authentication rules of TCP connections. Its unix socket stays `trust`.
#[derive(Clone, Debug, Default)]
pub struct TcpListening {
    /// The server's certificate and private key (PEM): TLS is on when given.
    pub tls: Option<ServerTls>,
    /// `pg_hba.conf` lines for TCP connections (`hostssl all all 127.0.0.1/32 scram-sha-256`).
    pub hba: Vec<String>,
}

/// A server certificate and its key, as PEM text.
#[derive(Clone, Debug)]
pub struct ServerTls {
    pub certificate_pem: String,
    pub key_pem: String,
}

/// A private PostgreSQL server living in a temporary directory.
///
/// The server listens on a unix socket inside that directory (and on TCP only
/// when started with [`TempCluster::start_on_tcp`]), so any
/// number of clusters can run side by side. Dropping the value stops the
/// server and deletes the directory. If the process dies without dropping it
/// (a `static`, a panic with `panic = "abort"`, a kill), a small watchdog
/// process does the same cleanup once the process is gone.
#[derive(Debug)]
pub struct TempCluster {
    bindir: PathBuf,
    data_dir: PathBuf,
    log_file: PathBuf,
    port: u16,
    version_num: u32,
    run_as: Option<(u32, u32)>,
    watchdog: Option<Child>,
    // Declared last so it is removed after the server has been stopped.
    tmp: TempDir,
}

impl TempCluster {
    /// Starts a cluster using the PostgreSQL installation found by
    /// [`find_bindir`].
    pub fn start() -> Result<TempCluster, ClusterError> {
        let bindir = find_bindir()?;
        Self::start_in(&bindir)
    }

    /// Starts a cluster using the server programs in `bindir`.
    pub fn start_in(bindir: &Path) -> Result<TempCluster, ClusterError> {
        Self::start_with(bindir, None)
    }

    /// Starts a cluster that listens on `127.0.0.1:`[`port`](Self::port) as well, with
    /// the TLS and the TCP rules of `tcp`.
    pub fn start_on_tcp(tcp: &TcpListening) -> Result<TempCluster, ClusterError> {
        Self::start_with(&find_bindir()?, Some(tcp))
    }

    fn start_with(bindir: &Path, tcp: Option<&TcpListening>) -> Result<TempCluster, ClusterError> {
        check_bindir(bindir)?;
        let bindir = bindir.to_path_buf();
        let run_as = if effective_uid_is_root() {
            Some(postgres_user_ids()?)
        } else {
            None
        };

        // Before anything exists: whenever this process dies from here on, a signal
        // included, the watchdog stops any server and removes the directory it is told of.
        let mut watchdog = spawn_watchdog(&bindir, run_as)?;
        // Not $TMPDIR: it can be long, and the socket path must stay short. Named after
        // this process, so that what it leaves can be told apart.
        let prefix = format!("schemadiff-pg-{}-", std::process::id());
        let tmp = tempfile::Builder::new()
            .prefix(&prefix)
            .tempdir_in("/tmp")
            .map_err(io_err("could not create a temporary directory under /tmp"))?;
        if tmp.path().as_os_str().len() > MAX_SOCKET_DIR_LEN {
            return Err(ClusterError::SocketPathTooLong(tmp.path().to_path_buf()));
        }
        if let Some((uid, gid)) = run_as {
            std::os::unix::fs::chown(tmp.path(), Some(uid), Some(gid)).map_err(io_err(format!(
                "could not hand {} to the postgres user",
                tmp.path().display()
            )))?;
        }

        watchdog
            .stdin
            .as_mut()
            .map(|pipe| writeln!(pipe, "{}", tmp.path().display()))
            .transpose()
            .map_err(io_err("could not tell the cleanup watchdog the directory"))?;
        let data_dir = tmp.path().join("data");
        let log_file = tmp.path().join("log");
        let mut cluster = TempCluster {
            bindir,
            data_dir,
            log_file,
            port: 0,
            version_num: 0,
            run_as,
            watchdog: Some(watchdog),
            tmp,
        };
        cluster.initdb()?;
        if let Some(tcp) = tcp {
            cluster.configure_tcp(tcp)?;
        }
        cluster.port = free_port()?;
        let listen = match tcp {
            Some(TcpListening { tls: Some(_), .. }) => "-c listen_addresses=127.0.0.1 -c ssl=on",
            Some(_) => "-c listen_addresses=127.0.0.1",
            None => "-c listen_addresses=''",
        };
        cluster.pg_ctl_start(listen)?;
        cluster.version_num = cluster.query_version()?;
        Ok(cluster)
    }

    fn initdb(&self) -> Result<(), ClusterError> {
        let out = self
            .command("initdb")
            .arg("-D")
            .arg(&self.data_dir)
            .args(["-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C"])
            // Durability is pointless for a throwaway cluster and fsync is
            // most of initdb's run time.
            .arg("--no-sync")
            .output()
            .map_err(io_err("could not run initdb"))?;
        if !out.status.success() {
            return Err(ClusterError::Initdb {
                status: out.status,
                output: combined_output(&out),
            });
        }
        Ok(())
    }

    /// Writes `pg_hba.conf` and the server's certificate and key (where the server looks
    /// by default, `server.crt` and `server.key`), owned by the server's user: it refuses a
    /// key that others can read.
    fn configure_tcp(&self, tcp: &TcpListening) -> Result<(), ClusterError> {
        let mut hba = String::from("local all all trust\n");
        for line in &tcp.hba {
            hba.push_str(line);
            hba.push('\n');
        }
        self.write_private("pg_hba.conf", &hba)?;
        if let Some(tls) = &tcp.tls {
            self.write_private("server.crt", &tls.certificate_pem)?;
            self.write_private("server.key", &tls.key_pem)?;
        }
        Ok(())
    }

    fn write_private(&self, name: &str, contents: &str) -> Result<(), ClusterError> {
        use std::os::unix::fs::PermissionsExt;
        let path = self.data_dir.join(name);
        let failed = |what: &str| io_err(format!("could not {what} {}", path.display()));
        fs::write(&path, contents).map_err(failed("write"))?;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600))
            .map_err(failed("restrict the permissions of"))?;
        if let Some((uid, gid)) = self.run_as {
            std::os::unix::fs::chown(&path, Some(uid), Some(gid))
                .map_err(failed("hand to the postgres user"))?;
        }
        Ok(())
    }

    fn pg_ctl_start(&self, listen: &str) -> Result<(), ClusterError> {
        let options = format!(
            "-k {} {listen} -p {} -c fsync=off -c synchronous_commit=off \
             -c full_page_writes=off -c max_connections=100",
            self.socket_dir().display(),
            self.port
        );
        let out = self
            .command("pg_ctl")
            .arg("-D")
            .arg(&self.data_dir)
            .arg("-w")
            .arg("-l")
            .arg(&self.log_file)
            .arg("-o")
            .arg(options)
            .arg("start")
            .output()
            .map_err(io_err("could not run pg_ctl start"))?;
        if !out.status.success() {
            return Err(ClusterError::Start {
                status: out.status,
                output: combined_output(&out),
                log_tail: log_tail(&self.log_file),
            });
        }
        Ok(())
    }

    fn query_version(&self) -> Result<u32, ClusterError> {
        let mut client = self.admin()?;
        let sql = "SHOW server_version_num";
        let row = client
            .query_one(sql, &[])
            .map_err(|source| ClusterError::Sql {
                sql: sql.to_string(),
                source,
            })?;
        let text: String = row.get(0);
        text.trim().parse().map_err(|_| ClusterError::Io {
            context: format!("unexpected server_version_num {text:?}"),
            source: io::Error::from(io::ErrorKind::InvalidData),
        })
    }

    /// A command for one of the server programs, dropping root privileges when
    /// needed since initdb, pg_ctl and postgres all refuse to run as root.
    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(self.bindir.join(program));
        // The caller's cwd may be unreadable for the postgres user.
        cmd.current_dir(self.tmp.path()).stdin(Stdio::null());
        for var in [
            "PGDATA",
            "PGHOST",
            "PGPORT",
            "PGUSER",
            "PGDATABASE",
            "PGOPTIONS",
        ] {
            cmd.env_remove(var);
        }
        if let Some((uid, gid)) = self.run_as {
            cmd.uid(uid).gid(gid);
        }
        cmd
    }

    /// A connection URL for `dbname`, accepted by both the `postgres` crate
    /// and libpq (`psql`).
    ///
    /// The host part is left empty on purpose: with `localhost` there, the
    /// `postgres` crate would try TCP first and only then the socket given in
    /// `host=`, while libpq would use only the latter.
    pub fn url(&self, dbname: &str) -> String {
        format!(
            "postgresql://postgres@/{}?host={}&port={}",
            percent_encode(dbname, b""),
            percent_encode(&self.socket_dir().to_string_lossy(), b"/"),
            self.port
        )
    }

    /// Connects to `dbname` as the superuser `postgres`.
    pub fn connect(&self, dbname: &str) -> Result<Client, ClusterError> {
        // the caller's PG* variables are about their servers, not this one
        Target::parse(&self.url(dbname), &Environment::default())
            .and_then(|target| target.connect())
            .map_err(|source| ClusterError::Connect {
                log: self.log_file.clone(),
                source,
            })
    }

    /// Connects to the `postgres` maintenance database as superuser.
    pub fn admin(&self) -> Result<Client, ClusterError> {
        self.connect("postgres")
    }

    /// Creates database `name` and returns its URL.
    pub fn create_database(&self, name: &str) -> Result<String, ClusterError> {
        // CREATE DATABASE cannot run inside a transaction block, which a
        // multi-statement batch would be.
        self.admin_execute(&format!("CREATE DATABASE {}", quote_ident(name)))?;
        Ok(self.url(name))
    }

    /// Drops database `name` if it exists, disconnecting any sessions on it.
    pub fn drop_database(&self, name: &str) -> Result<(), ClusterError> {
        self.admin_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            quote_ident(name)
        ))
    }

    fn admin_execute(&self, sql: &str) -> Result<(), ClusterError> {
        self.admin()?
            .batch_execute(sql)
            .map_err(|source| ClusterError::Sql {
                sql: sql.to_string(),
                source,
            })
    }

    /// The server's `server_version_num`, e.g. `150018` for 15.18.
    pub fn server_version_num(&self) -> u32 {
        self.version_num
    }

    /// The directory holding the server programs (and `psql`, `pg_dump`).
    pub fn bindir(&self) -> &Path {
        &self.bindir
    }

    /// The directory holding the server's unix socket; also the root of
    /// everything this cluster puts on disk.
    pub fn socket_dir(&self) -> &Path {
        self.tmp.path()
    }

    /// The cluster's data directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The server log file, for diagnosing failures.
    pub fn log_file(&self) -> &Path {
        &self.log_file
    }

    /// The port number, which names the socket file (`.s.PGSQL.<port>`).
    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for TempCluster {
    fn drop(&mut self) {
        let _ = self
            .command("pg_ctl")
            .arg("-D")
            .arg(&self.data_dir)
            .args(["-m", "immediate", "-w", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = fs::remove_dir_all(self.tmp.path());
        // Only now: interrupted before this, the process leaves the rest to the watchdog.
        if let Some(mut watchdog) = self.watchdog.take() {
            let _ = watchdog.kill();
            let _ = watchdog.wait();
        }
    }
}

/// A shell that reads the cluster's directory from a pipe only this process holds, then
/// blocks reading it again; the read returns when the process exits for any reason, and the
/// shell then stops the server and removes the directory. It ignores the signals a terminal
/// sends, and runs in its own process group.
fn spawn_watchdog(bindir: &Path, run_as: Option<(u32, u32)>) -> Result<Child, ClusterError> {
    // the removal is tried again: an initdb or a server stopping on the same signal may
    // still be writing into the directory
    const SCRIPT: &str = "trap '' INT HUP QUIT TERM; read -r dir || exit 0; read -r _; \
         \"$0\" stop -D \"$dir/data\" -m immediate -w >/dev/null 2>&1; \
         for _ in 1 2 3 4 5 6 7 8 9 10; do rm -rf \"$dir\" 2>/dev/null; \
         [ -e \"$dir\" ] || break; sleep 0.3; done";
    let mut cmd = Command::new("/bin/sh");
    cmd.arg("-c")
        .arg(SCRIPT)
        .arg(bindir.join("pg_ctl"))
        .current_dir("/")
        .stdin(Stdio::piped())
        // Must not hold the caller's stdout/stderr, or a parent waiting for
        // EOF on them (cargo test, a shell pipeline) would hang.
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Its own process group, so a terminal Ctrl-C reaches only us.
        .process_group(0);
    if let Some((uid, gid)) = run_as {
        cmd.uid(uid).gid(gid);
    }
    cmd.spawn()
        .map_err(io_err("could not spawn the cleanup watchdog (/bin/sh)"))
}

/// Finds the directory with the PostgreSQL server programs: `$SCHEMADIFF_PG_BINDIR`,
/// then `pg_config --bindir`, then the newest `/usr/lib/postgresql/*/bin`,
/// then `initdb` on `PATH`.
pub fn find_bindir() -> Result<PathBuf, ClusterError> {
    if let Some(dir) = std::env::var_os(BINDIR_ENV) {
        // An explicit choice that is wrong should be reported, not silently
        // replaced by some other installation.
        let dir = PathBuf::from(dir);
        check_bindir(&dir)?;
        return Ok(dir);
    }
    let mut searched = Vec::new();

    searched.push("pg_config --bindir".to_string());
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        if out.status.success() {
            let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
            if check_bindir(&dir).is_ok() {
                return Ok(dir);
            }
        }
    }

    searched.push("/usr/lib/postgresql/*/bin".to_string());
    if let Some(dir) = newest_debian_bindir() {
        return Ok(dir);
    }

    searched.push("initdb on PATH".to_string());
    if let Some(dir) = bindir_from_path() {
        return Ok(dir);
    }

    Err(ClusterError::NotFound {
        searched: searched.join(", "),
    })
}

fn check_bindir(dir: &Path) -> Result<(), ClusterError> {
    for program in ["initdb", "pg_ctl", "postgres"] {
        if !dir.join(program).is_file() {
            return Err(ClusterError::BadBindir {
                bindir: dir.to_path_buf(),
                missing: program,
            });
        }
    }
    Ok(())
}

fn newest_debian_bindir() -> Option<PathBuf> {
    let entries = fs::read_dir("/usr/lib/postgresql").ok()?;
    entries
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = version_key(&entry.file_name().to_string_lossy())?;
            let bin = entry.path().join("bin");
            check_bindir(&bin).is_ok().then_some((version, bin))
        })
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, bin)| bin)
}

/// "9.6" → [9, 6], "15" → [15]; so that 15 sorts above 9.6.
fn version_key(name: &str) -> Option<Vec<u32>> {
    name.split('.').map(|part| part.parse().ok()).collect()
}

fn bindir_from_path() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        let candidate = dir.join("initdb");
        if !candidate.is_file() {
            return None;
        }
        // Distributions symlink initdb into a shared bin directory; the other
        // server programs are only next to the real file.
        let real = fs::canonicalize(&candidate).ok()?;
        let bin = real.parent()?.to_path_buf();
        check_bindir(&bin).is_ok().then_some(bin)
    })
}

fn effective_uid_is_root() -> bool {
    if let Ok(status) = fs::read_to_string("/proc/self/status") {
        // "Uid:\treal\teffective\tsaved\tfs"
        if let Some(line) = status.lines().find(|l| l.starts_with("Uid:")) {
            if let Some(euid) = line.split_whitespace().nth(2) {
                return euid == "0";
            }
        }
    }
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false)
}

fn postgres_user_ids() -> Result<(u32, u32), ClusterError> {
    let passwd = fs::read_to_string("/etc/passwd").map_err(io_err("could not read /etc/passwd"))?;
    passwd
        .lines()
        .find_map(|line| {
            let mut fields = line.split(':');
            if fields.next()? != "postgres" {
                return None;
            }
            let _password = fields.next()?;
            let uid = fields.next()?.parse().ok()?;
            let gid = fields.next()?.parse().ok()?;
            Some((uid, gid))
        })
        .ok_or(ClusterError::NoPostgresUser)
}

/// A port free on TCP: the server listens there with [`TempCluster::start_on_tcp`], and
/// otherwise it keeps clusters from colliding on the socket's name.
fn free_port() -> Result<u16, ClusterError> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(io_err("could not find a free TCP port"))?;
    let addr = listener
        .local_addr()
        .map_err(io_err("could not find a free TCP port"))?;
    Ok(addr.port())
}

fn combined_output(out: &Output) -> String {
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    text.trim_end().to_string()
}

fn log_tail(log: &Path) -> String {
    match fs::read_to_string(log) {
        Ok(text) => {
            let lines: Vec<&str> = text.lines().collect();
            let start = lines.len().saturating_sub(LOG_TAIL_LINES);
            lines[start..].join("\n")
        }
        Err(e) => format!("(could not read {}: {e})", log.display()),
    }
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Escapes everything but RFC 3986 unreserved characters and `keep`; both
/// libpq and the `postgres` crate decode the escapes.
fn percent_encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for byte in s.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep.contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_sort_numerically() {
        assert!(version_key("15").unwrap() > version_key("9.6").unwrap());
        assert!(version_key("16").unwrap() > version_key("15").unwrap());
        assert_eq!(version_key("main"), None);
    }

    #[test]
    fn encodes_url_parts() {
        assert_eq!(percent_encode("/tmp/a b", b"/"), "/tmp/a%20b");
        assert_eq!(percent_encode("d/b?x&y", b""), "d%2Fb%3Fx%26y");
    }

    #[test]
    fn quotes_identifiers() {
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }
}
