//! Connecting as libpq users expect, against real servers: TLS in every `sslmode`, CAs from
//! `sslrootcert` and `~/.postgresql/root.crt`, passwords from `PGPASSWORD` and the password
//! file, and a connect that ends within `connect_timeout` when the server never answers.
//!
//! Each test passes its environment explicitly (`Environment::with`): environment variables
//! are process-global, and tests run in parallel.

use std::fs;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
use schemadiff_engine::cluster::{ServerTls, TcpListening, TempCluster};
use schemadiff_engine::connect::{Environment, Target};
use schemadiff_engine::Error;

const PASSWORD: &str = "app-secret";

/// A certificate authority that can sign server certificates.
struct Authority {
    pem: String,
    issuer: Issuer<'static, KeyPair>,
}

impl Authority {
    fn new() -> Authority {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let key = KeyPair::generate().unwrap();
        let pem = params.self_signed(&key).unwrap().pem();
        Authority {
            pem,
            issuer: Issuer::new(params, key),
        }
    }

    /// A server certificate for `names`, signed by this authority.
    fn server(&self, names: &[&str]) -> ServerTls {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let key = KeyPair::generate().unwrap();
        let certificate = CertificateParams::new(names)
            .unwrap()
            .signed_by(&key, &self.issuer)
            .unwrap();
        ServerTls {
            certificate_pem: certificate.pem(),
            key_pem: key.serialize_pem(),
        }
    }
}

/// A cluster reachable on TCP under `hba`, with a role `app` that logs in with a password.
fn cluster(tls: Option<ServerTls>, hba: &str) -> TempCluster {
    let cluster = TempCluster::start_on_tcp(&TcpListening {
        tls,
        hba: vec![hba.to_string()],
    })
    .expect("cluster starts");
    cluster
        .admin()
        .unwrap()
        .batch_execute(&format!("CREATE ROLE app LOGIN PASSWORD '{PASSWORD}'"))
        .unwrap();
    cluster
}

/// Connects with exactly `vars` as the environment; the message of the error otherwise.
fn connect(url: &str, vars: &[(&str, &str)], home: Option<&Path>) -> Result<(), String> {
    let target = Target::parse(url, &Environment::with(vars, home)).map_err(|e| e.to_string())?;
    let mut client = target.connect().map_err(|e| e.to_string())?;
    client.batch_execute("SELECT 1").map_err(|e| e.to_string())
}

fn refused(url: &str, vars: &[(&str, &str)]) -> String {
    match connect(url, vars, None) {
        Ok(()) => panic!("{url} connected"),
        Err(message) => {
            assert!(!message.contains(PASSWORD), "{message}");
            message
        }
    }
}

fn write(path: &Path, text: &str, mode: u32) {
    fs::write(path, text).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn tls_as_libpq_does_it_against_a_server_that_requires_tls() {
    let authority = Authority::new();
    let cluster = cluster(
        Some(authority.server(&["localhost"])),
        "hostssl all all 127.0.0.1/32 scram-sha-256",
    );
    let files = tempfile::tempdir().unwrap();
    let ca = files.path().join("ca.pem");
    write(&ca, &authority.pem, 0o644);
    let other_ca = files.path().join("other-ca.pem");
    write(&other_ca, &Authority::new().pem, 0o644);
    let port = cluster.port();
    let url = |host: &str, parameters: &str| {
        format!("postgresql://app:{PASSWORD}@{host}:{port}/postgres?{parameters}")
    };
    let ca = ca.display();

    // require: encrypted, certificate not checked
    connect(&url("localhost", "sslmode=require"), &[], None).unwrap();
    // the default, prefer, takes TLS when the server has it
    connect(&url("localhost", ""), &[], None).unwrap();
    // verify-full: the right CA and a host name the certificate names
    connect(
        &url(
            "localhost",
            &format!("sslmode=verify-full&sslrootcert={ca}"),
        ),
        &[],
        None,
    )
    .unwrap();
    // …also through the environment, and through the live loader
    connect(
        &url("localhost", ""),
        &[
            ("PGSSLMODE", "verify-full"),
            ("PGSSLROOTCERT", &ca.to_string()),
        ],
        None,
    )
    .unwrap();
    schemadiff_engine::source::live::load(&url(
        "LOCALHOST",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    ))
    .expect("the live loader connects with verify-full");

    // a CA that did not sign the server's certificate
    let message = refused(
        &url(
            "localhost",
            &format!("sslmode=verify-full&sslrootcert={}", other_ca.display()),
        ),
        &[],
    );
    assert!(
        message.contains(&format!(
            "not signed by the CA in sslrootcert={}",
            other_ca.display()
        )) && message.contains("sslmode=require to skip verification"),
        "{message}"
    );
    // require with a CA checks the chain, as libpq does
    refused(
        &url(
            "localhost",
            &format!("sslmode=require&sslrootcert={}", other_ca.display()),
        ),
        &[],
    );

    // a host name the certificate does not name: refused by verify-full, not by verify-ca
    let message = refused(
        &url(
            "127.0.0.1",
            &format!("sslmode=verify-full&sslrootcert={ca}"),
        ),
        &[],
    );
    assert!(
        message.contains("not issued for host `127.0.0.1`")
            && message.contains("sslmode=verify-ca"),
        "{message}"
    );
    connect(
        &url("127.0.0.1", &format!("sslmode=verify-ca&sslrootcert={ca}")),
        &[],
        None,
    )
    .unwrap();

    // verify-full without sslrootcert reads ~/.postgresql/root.crt, and says so when absent
    let home = files.path().join("home");
    let message = refused(&url("localhost", "sslmode=verify-full"), &[]);
    assert!(message.contains("sslrootcert="), "{message}");
    fs::create_dir_all(home.join(".postgresql")).unwrap();
    write(&home.join(".postgresql/root.crt"), &authority.pem, 0o644);
    connect(&url("localhost", "sslmode=verify-full"), &[], Some(&home)).unwrap();

    // disable against a server that accepts only TLS
    let message = refused(&url("localhost", "sslmode=disable"), &[]);
    assert!(
        message.contains("no encryption") && message.contains("sslmode=require"),
        "{message}"
    );
}

#[test]
fn passwords_from_the_environment_and_the_password_file_and_prefer_without_tls() {
    let cluster = cluster(None, "host all all 127.0.0.1/32 scram-sha-256");
    let port = cluster.port().to_string();
    let files = tempfile::tempdir().unwrap();

    // prefer falls back to a plain connection on a server without TLS; require does not
    let with_password = format!("postgres://app:{PASSWORD}@127.0.0.1:{port}/postgres");
    connect(&format!("{with_password}?sslmode=prefer"), &[], None).unwrap();
    let message = refused(&format!("{with_password}?sslmode=require"), &[]);
    assert!(
        message.contains("does not accept TLS") && message.contains("sslmode=prefer"),
        "{message}"
    );

    // everything from the environment, the password from PGPASSWORD
    let environment = [
        ("PGHOST", "127.0.0.1"),
        ("PGPORT", port.as_str()),
        ("PGUSER", "app"),
        ("PGDATABASE", "postgres"),
    ];
    let with_password = [&environment[..], &[("PGPASSWORD", PASSWORD)]].concat();
    connect("postgresql://", &with_password, None).unwrap();
    // the URL's password wins over PGPASSWORD
    let message = refused(
        &format!("postgres://app:wrong@127.0.0.1:{port}/postgres"),
        &with_password,
    );
    assert!(message.contains("check the password"), "{message}");

    // no password anywhere
    let message = refused("postgresql://", &environment);
    assert!(message.contains("PGPASSWORD"), "{message}");

    // the password file: a line for another host first, escapes, the matching line
    let pgpass = files.path().join("pgpass");
    let lines = format!("elsewhere:*:*:*:wrong\n127.0.0.1:{port}:*:app:{PASSWORD}\n");
    write(&pgpass, &lines, 0o600);
    let pgpass_path = pgpass.display().to_string();
    let with_file = [&environment[..], &[("PGPASSFILE", pgpass_path.as_str())]].concat();
    connect("postgresql://", &with_file, None).unwrap();
    // ~/.pgpass when PGPASSFILE is not set
    write(&files.path().join(".pgpass"), &lines, 0o600);
    connect("postgresql://", &environment, Some(files.path())).unwrap();
    // a file others can read is ignored, as libpq does, and the message says so
    fs::set_permissions(&pgpass, fs::Permissions::from_mode(0o644)).unwrap();
    let message = refused("postgresql://", &with_file);
    assert!(
        message.contains(&format!("{pgpass_path} was ignored")) && message.contains("chmod 600"),
        "{message}"
    );
}

#[test]
fn a_server_that_accepts_but_never_answers_times_out() {
    // the kernel completes the TCP handshake for the backlog: connected, and then silence
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    for parameters in ["connect_timeout=1", "connect_timeout=1&sslmode=disable"] {
        let url = format!("postgres://app:{PASSWORD}@127.0.0.1:{port}/db?{parameters}");
        let started = Instant::now();
        let message = refused(&url, &[]);
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_secs(1) && waited < Duration::from_secs(5),
            "{waited:?}"
        );
        assert!(
            message.contains("no answer within 1 s (connect_timeout=1)"),
            "{message}"
        );
    }
    // from the environment too
    let url = format!("postgres://app@127.0.0.1:{port}/db");
    let message = refused(&url, &[("PGCONNECT_TIMEOUT", "1")]);
    assert!(message.contains("connect_timeout=1"), "{message}");
    drop(listener);
}

#[test]
fn connect_errors_name_the_url_without_its_password() {
    let url = "POSTGRES://app:s3cret@127.0.0.1:1/db?sslmode=verify-fool";
    match Target::parse(url, &Environment::default()) {
        Err(error @ Error::Connect { .. }) => {
            let message = error.to_string();
            assert!(message.starts_with("cannot connect to POSTGRES://app:***@127.0.0.1:1/db"));
            assert!(
                message.contains("invalid sslmode `verify-fool`"),
                "{message}"
            );
            assert!(!message.contains("s3cret"), "{message}");
        }
        Err(other) => panic!("{other}"),
        Ok(_) => panic!("accepted"),
    }
}
