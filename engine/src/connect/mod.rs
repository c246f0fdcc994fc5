//! Connecting to PostgreSQL as libpq users expect; the one place a connection is opened.
//!
//! A URL (`postgres://` or `postgresql://`, any case) is completed from the libpq
//! environment (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE`,
//! `PGSSLROOTCERT`, `PGCONNECT_TIMEOUT`, then the password file), values in the URL
//! winning. TLS follows `sslmode` and `sslrootcert` with libpq's meaning (`tls.rs`), and the
//! whole connect, handshake and authentication included, ends within `connect_timeout`.

mod pgpass;
mod tls;
pub(crate) mod url;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::mpsc;
use std::time::Duration;

use postgres::config::Host;
use postgres::error::SqlState;
use postgres::{Client, Config};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::error::{redact_url, Error};
use crate::source::live::error_message;
use tls::{RootCerts, SslMode, TlsPolicy};

/// How long a connect may take when neither the URL nor `PGCONNECT_TIMEOUT` says.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

const DEFAULT_PORT: u16 = 5432;

/// Where libpq looks for the server's socket when no host is given (Debian's, then the
/// upstream default).
const DEFAULT_SOCKET_DIRS: [&str; 2] = ["/var/run/postgresql", "/tmp"];

/// Connects to `url`, completed from the process's libpq environment.
pub fn connect(url: &str) -> Result<Client, Error> {
    Target::parse(url, &Environment::of_process())?.connect()
}

/// The libpq environment variables and the home directory a connection reads: the
/// process's in production, an explicit one in tests (environment variables are
/// process-global, so tests that set them would race).
#[derive(Clone, Default)]
pub struct Environment {
    vars: HashMap<String, String>,
    home: Option<PathBuf>,
}

impl Environment {
    /// The process's `PG*` variables and `HOME`.
    pub fn of_process() -> Environment {
        Environment {
            vars: std::env::vars()
                .filter(|(name, _)| name.starts_with("PG"))
                .collect(),
            home: std::env::var_os("HOME").map(PathBuf::from),
        }
    }

    /// Exactly these variables and home directory, nothing from the process.
    pub fn with(vars: &[(&str, &str)], home: Option<&Path>) -> Environment {
        Environment {
            vars: vars
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect(),
            home: home.map(Path::to_path_buf),
        }
    }

    /// A variable's value; libpq treats an empty one as unset.
    fn var(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    fn in_home(&self, relative: &str) -> Option<PathBuf> {
        self.home.as_ref().map(|home| home.join(relative))
    }
}

/// A database to connect to: the URL with the environment applied, ready to connect (more
/// than once: the shadow path connects to its server and to the scratch database on it).
#[derive(Clone)]
pub struct Target {
    config: Config,
    tls: TlsPolicy,
    /// `None`: wait as long as it takes (`connect_timeout=0`).
    timeout: Option<Duration>,
    password_file: Option<PathBuf>,
    /// For messages: redacted.
    url: String,
}

impl Target {
    /// Reads `url` and completes it from `env`.
    pub fn parse(url: &str, env: &Environment) -> Result<Target, Error> {
        let redacted = redact_url(url);
        let fail = |message: String| Error::Connect {
            url: redacted.clone(),
            message,
        };
        let split = url::split(url).map_err(fail)?;
        let mut config = Config::from_str(&split.for_driver)
            .map_err(|e| fail(format!("invalid connection URL: {}", error_message(&e))))?;
        for (host, _) in &split.hosts {
            config.host(host);
        }
        if split.hosts.iter().any(|(_, port)| port.is_some()) {
            for (_, port) in &split.hosts {
                config.port(port.unwrap_or(DEFAULT_PORT));
            }
        }
        apply_environment(&mut config, env).map_err(fail)?;

        let only_unix_sockets = config
            .get_hosts()
            .iter()
            .all(|h| matches!(h, Host::Unix(_)));
        let tls = if only_unix_sockets {
            // libpq never uses TLS on a unix socket, whatever sslmode says
            TlsPolicy::decide(SslMode::Disable, None, None)
        } else {
            let mode = split.sslmode.as_deref().or(env.var("PGSSLMODE"));
            let root_certs = split.sslrootcert.as_deref().or(env.var("PGSSLROOTCERT"));
            TlsPolicy::decide(
                mode.map_or(Ok(SslMode::Prefer), SslMode::parse)
                    .map_err(fail)?,
                root_certs.map(RootCerts::parse),
                env.in_home(".postgresql/root.crt"),
            )
        }
        .map_err(fail)?;
        config.ssl_mode(tls.wire_mode());

        let timeout = connect_timeout(
            split
                .connect_timeout
                .as_deref()
                .or(env.var("PGCONNECT_TIMEOUT")),
        )
        .map_err(fail)?;
        if let Some(timeout) = timeout {
            // bounds each address's TCP connect too, so that the next host gets its turn
            config.connect_timeout(timeout);
        }
        let password_file = env
            .var("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| env.in_home(".pgpass"));
        Ok(Target {
            config,
            tls,
            timeout,
            password_file,
            url: redacted,
        })
    }

    /// The same server and credentials, another database.
    pub fn with_dbname(&self, dbname: &str) -> Target {
        let mut target = self.clone();
        target.config.dbname(dbname);
        target
    }

    /// Passes the message of each notice the server sends (`RAISE NOTICE`) to `notices`.
    pub fn on_notice(mut self, notices: impl Fn(&str) + Send + Sync + 'static) -> Target {
        self.config
            .notice_callback(move |notice| notices(notice.message()));
        self
    }

    /// Opens the connection, within the timeout.
    pub fn connect(&self) -> Result<Client, Error> {
        let fail = |message: String| Error::Connect {
            url: self.url.clone(),
            message,
        };
        let mut config = self.config.clone();
        let mut ignored_password_file = None;
        if config.get_password().is_none() {
            match self.password_from_file() {
                pgpass::Lookup::Found(password) => {
                    config.password(password);
                }
                pgpass::Lookup::Ignored(path) => ignored_password_file = Some(path),
                pgpass::Lookup::NotFound => {}
            }
        }
        let connector = self.tls.connector().map_err(fail)?;
        match connect_within(config, connector, self.timeout) {
            Ok(client) => Ok(client),
            Err(None) => {
                let seconds = self.timeout.unwrap_or_default().as_secs();
                Err(fail(format!(
                    "no answer within {seconds} s (connect_timeout={seconds}); check the host \
                     and port and that the server is reachable from here, or raise \
                     connect_timeout (in the URL or PGCONNECT_TIMEOUT) on a slow network"
                )))
            }
            Err(Some(error)) => Err(fail(self.explain(&error, ignored_password_file))),
        }
    }

    fn password_from_file(&self) -> pgpass::Lookup {
        let Some(path) = &self.password_file else {
            return pgpass::Lookup::NotFound;
        };
        let user = self.config.get_user().unwrap_or_default();
        let host = match self.config.get_hosts().first() {
            Some(Host::Tcp(name)) => name.clone(),
            // libpq looks a default socket directory up as `localhost`
            Some(Host::Unix(dir)) if DEFAULT_SOCKET_DIRS.iter().any(|d| dir == Path::new(d)) => {
                "localhost".into()
            }
            Some(Host::Unix(dir)) => dir.display().to_string(),
            None => "localhost".into(),
        };
        let key = pgpass::Key {
            host: &host,
            port: self
                .config
                .get_ports()
                .first()
                .copied()
                .unwrap_or(DEFAULT_PORT),
            database: self.config.get_dbname().unwrap_or(user),
            user,
        };
        pgpass::lookup(path, &key)
    }

    /// A connect error, with what to do about it.
    fn explain(&self, error: &postgres::Error, ignored_password_file: Option<PathBuf>) -> String {
        if let Some(tls_error) = rustls_error(error) {
            return self.tls.explain(tls_error, &self.host_name());
        }
        let message = error_message(error);
        match error.as_db_error() {
            Some(db) if db.code() == &SqlState::INVALID_PASSWORD => format!(
                "{message}; check the password (in the URL, PGPASSWORD or the password file)"
            ),
            Some(db)
                if self.tls.mode == SslMode::Disable && db.message().contains("no encryption") =>
            {
                format!(
                    "{message}; the server may accept only TLS connections: use \
                     sslmode=require, or sslmode=verify-full with sslrootcert"
                )
            }
            Some(_) => message,
            None if message.ends_with("password missing") => {
                let mut message = "the server asks for a password and none was given: put it \
                     in the URL, in PGPASSWORD, or in the password file (~/.pgpass or PGPASSFILE)"
                    .to_string();
                if let Some(path) = ignored_password_file {
                    message.push_str(&format!(
                        "; {} was ignored because group or others can read it (chmod 600 it)",
                        path.display()
                    ));
                }
                message
            }
            None if message.ends_with("server does not support TLS") => format!(
                "the server does not accept TLS connections, and sslmode={} requires TLS; \
                 enable ssl on the server, or use sslmode=prefer",
                self.tls.mode
            ),
            None => message,
        }
    }

    fn host_name(&self) -> String {
        match self.config.get_hosts().first() {
            Some(Host::Tcp(name)) => name.clone(),
            Some(Host::Unix(dir)) => dir.display().to_string(),
            None => String::new(),
        }
    }
}

/// Fills in what the URL leaves out from the libpq environment variables.
fn apply_environment(config: &mut Config, env: &Environment) -> Result<(), String> {
    if config.get_ports().is_empty() {
        if let Some(port) = env.var("PGPORT") {
            let port = port
                .parse()
                .map_err(|_| format!("invalid PGPORT `{port}`: give a port number"))?;
            config.port(port);
        }
    }
    if config.get_hosts().is_empty() && config.get_hostaddrs().is_empty() {
        match env.var("PGHOST") {
            Some(hosts) => hosts.split(',').for_each(|host| {
                config.host(host);
            }),
            None => {
                let port = config.get_ports().first().copied().unwrap_or(DEFAULT_PORT);
                config.host(&default_host(port));
            }
        }
    }
    if config.get_user().is_none() {
        // named here rather than left to the driver, so that the password file can match it
        if let Some(user) = env
            .var("PGUSER")
            .map(str::to_string)
            .or_else(|| whoami::username().ok())
        {
            config.user(&user);
        }
    }
    if config.get_dbname().is_none() {
        if let Some(dbname) = env.var("PGDATABASE") {
            config.dbname(dbname);
        }
    }
    if config.get_password().is_none() {
        if let Some(password) = env.var("PGPASSWORD") {
            config.password(password);
        }
    }
    Ok(())
}

/// libpq's default: the local server's socket where there is one, `localhost` otherwise.
fn default_host(port: u16) -> String {
    DEFAULT_SOCKET_DIRS
        .iter()
        .find(|dir| Path::new(dir).join(format!(".s.PGSQL.{port}")).exists())
        .map_or("localhost", |dir| dir)
        .to_string()
}

/// `connect_timeout` in whole seconds; zero or less waits for ever, as with libpq.
fn connect_timeout(value: Option<&str>) -> Result<Option<Duration>, String> {
    let Some(value) = value else {
        return Ok(Some(DEFAULT_CONNECT_TIMEOUT));
    };
    let seconds: i64 = value
        .trim()
        .parse()
        .map_err(|_| format!("invalid connect_timeout `{value}`: give whole seconds"))?;
    Ok((seconds > 0).then(|| Duration::from_secs(seconds.unsigned_abs())))
}

/// Connects, giving up after `timeout`: `Err(None)` when it ran out. The `postgres` crate's
/// own timeout covers only the TCP connect, and a server that accepts the connection but
/// never answers would hold it for ever, so the connect runs on its own thread. A thread
/// given up on ends when the server answers or closes the connection, or with the process.
fn connect_within(
    config: Config,
    connector: MakeRustlsConnect,
    timeout: Option<Duration>,
) -> Result<Client, Option<postgres::Error>> {
    let Some(timeout) = timeout else {
        return config.connect(connector).map_err(Some);
    };
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("schemadiff-connect".into())
        .spawn(move || {
            // the receiver is gone when the wait ran out: the client is then just dropped
            let _ = sender.send(config.connect(connector));
        })
        .map_err(|_| None)?;
    match receiver.recv_timeout(timeout) {
        Ok(result) => result.map_err(Some),
        Err(_) => Err(None),
    }
}

/// The rustls error behind a failed handshake: tokio-rustls wraps it in an `io::Error`,
/// whose `source()` skips it, so the chain is walked by hand.
fn rustls_error(error: &postgres::Error) -> Option<&rustls::Error> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = cause {
        if let Some(tls) = current.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        let wrapped = current
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
            .and_then(|inner| inner.downcast_ref::<rustls::Error>());
        if wrapped.is_some() {
            return wrapped;
        }
        cause = current.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(url: &str, vars: &[(&str, &str)]) -> Result<Target, Error> {
        Target::parse(
            url,
            &Environment::with(vars, Some(Path::new("/nonexistent-home"))),
        )
    }

    #[test]
    fn the_url_wins_over_the_environment() {
        let env = [
            ("PGHOST", "envhost"),
            ("PGPORT", "6543"),
            ("PGUSER", "envuser"),
            ("PGDATABASE", "envdb"),
            ("PGPASSWORD", "envpw"),
            ("PGSSLMODE", "require"),
            ("PGCONNECT_TIMEOUT", "3"),
        ];
        let from_env = target("postgresql://", &env).unwrap();
        assert_eq!(from_env.config.get_hosts(), [Host::Tcp("envhost".into())]);
        assert_eq!(from_env.config.get_ports(), [6543]);
        assert_eq!(from_env.config.get_user(), Some("envuser"));
        assert_eq!(from_env.config.get_dbname(), Some("envdb"));
        assert_eq!(from_env.config.get_password(), Some(&b"envpw"[..]));
        assert_eq!(from_env.tls.mode, SslMode::Require);
        assert_eq!(from_env.timeout, Some(Duration::from_secs(3)));

        let from_url = target(
            "POSTGRES://u:pw@h:5433/db?sslmode=disable&connect_timeout=0",
            &env,
        )
        .unwrap();
        assert_eq!(from_url.config.get_hosts(), [Host::Tcp("h".into())]);
        assert_eq!(from_url.config.get_ports(), [5433]);
        assert_eq!(from_url.config.get_user(), Some("u"));
        assert_eq!(from_url.config.get_dbname(), Some("db"));
        assert_eq!(from_url.config.get_password(), Some(&b"pw"[..]));
        assert_eq!(from_url.tls.mode, SslMode::Disable);
        assert_eq!(from_url.timeout, None);
        // a host without a port takes PGPORT, as with libpq
        let port_from_env = target("postgres://h/db", &[("PGPORT", "6543")]).unwrap();
        assert_eq!(port_from_env.config.get_ports(), [6543]);

        assert_eq!(
            target("postgres://h", &[]).unwrap().timeout,
            Some(DEFAULT_CONNECT_TIMEOUT)
        );
        assert_eq!(
            target("postgres://h", &[]).unwrap().tls.mode,
            SslMode::Prefer
        );
    }

    #[test]
    fn no_tls_on_unix_sockets() {
        let target = target("postgres:///db?host=/tmp/sock&sslmode=verify-full", &[]).unwrap();
        assert_eq!(target.tls.mode, SslMode::Disable);
    }

    #[test]
    fn bad_settings_say_what_to_write() {
        let message = |url: &str, vars: &[(&str, &str)]| match target(url, vars) {
            Err(Error::Connect { message, .. }) => message,
            Err(other) => panic!("{other}"),
            Ok(_) => panic!("{url} was accepted"),
        };
        assert!(message("postgres://h?sslmode=verify", &[]).contains("verify-full"));
        assert!(message("postgres://h", &[("PGSSLMODE", "bogus")]).contains("invalid sslmode"));
        assert!(message("postgres://h?connect_timeout=soon", &[]).contains("whole seconds"));
        assert!(message("postgres://h", &[("PGPORT", "x")]).contains("PGPORT"));
        assert!(message("jdbc:postgresql://h/db", &[]).contains("drop the `jdbc:` prefix"));
        assert!(message("postgres://h?sslmode=verify-ca", &[]).contains("sslrootcert"));
    }
}
