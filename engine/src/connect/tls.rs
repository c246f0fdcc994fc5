//! TLS as libpq does it: `sslmode` and `sslrootcert` are read here, and only here, into a
//! [`TlsPolicy`], which says whether to ask the server for TLS and what to check of its
//! certificate. rustls with the ring provider does the handshake, so that no system OpenSSL
//! is needed.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use postgres::config::SslMode as WireMode;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_postgres_rustls::MakeRustlsConnect;

/// `sslmode`, with libpq's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Allow,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    pub fn parse(value: &str) -> Result<SslMode, String> {
        Ok(match value {
            "disable" => SslMode::Disable,
            "allow" => SslMode::Allow,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => {
                return Err(format!(
                    "invalid sslmode `{value}`: use disable, allow, prefer, require, verify-ca \
                     or verify-full"
                ))
            }
        })
    }
}

impl fmt::Display for SslMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SslMode::Disable => "disable",
            SslMode::Allow => "allow",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        })
    }
}

/// Where the certificate authorities to trust come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RootCerts {
    /// A PEM file: `sslrootcert=PATH`, or libpq's default `~/.postgresql/root.crt`.
    File(PathBuf),
    /// `sslrootcert=system`: the operating system's trusted CAs.
    System,
}

impl RootCerts {
    pub fn parse(value: &str) -> RootCerts {
        match value {
            "system" => RootCerts::System,
            path => RootCerts::File(PathBuf::from(path)),
        }
    }
}

impl fmt::Display for RootCerts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RootCerts::File(path) => write!(f, "sslrootcert={}", path.display()),
            RootCerts::System => f.write_str("sslrootcert=system"),
        }
    }
}

/// What is checked of the server's certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verification {
    /// Nothing: the connection is encrypted but the server not authenticated.
    Nothing,
    /// Signed by one of these CAs, whatever host name it is for (`verify-ca`).
    Chain(RootCerts),
    /// Signed by one of these CAs and issued for the host connected to (`verify-full`).
    ChainAndHost(RootCerts),
}

/// Whether to use TLS and what to verify: libpq's rules, decided in one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsPolicy {
    pub mode: SslMode,
    pub verification: Verification,
}

impl TlsPolicy {
    /// libpq's rules: `disable`, `allow` and `prefer` never verify; `require` verifies the
    /// chain when a CA file is given (or libpq's default one exists), as `verify-ca`;
    /// `verify-ca` and `verify-full` need CAs, from `sslrootcert` or the default file.
    pub fn decide(
        mode: SslMode,
        root_certs: Option<RootCerts>,
        default_root_file: Option<PathBuf>,
    ) -> Result<TlsPolicy, String> {
        if root_certs == Some(RootCerts::System) && mode != SslMode::VerifyFull {
            // libpq's rule: the system's CAs vouch for any host name they have signed
            return Err(format!(
                "sslrootcert=system needs sslmode=verify-full (not {mode}): any certificate \
                 the system trusts would do otherwise"
            ));
        }
        let default_root = || default_root_file.clone().filter(|path| path.is_file());
        let verification = match mode {
            SslMode::Disable | SslMode::Allow | SslMode::Prefer => Verification::Nothing,
            SslMode::Require => match root_certs.or_else(|| default_root().map(RootCerts::File)) {
                Some(roots) => Verification::Chain(roots),
                None => Verification::Nothing,
            },
            SslMode::VerifyCa | SslMode::VerifyFull => {
                let Some(roots) = root_certs.or_else(|| default_root().map(RootCerts::File)) else {
                    let default = default_root_file
                        .map_or("~/.postgresql/root.crt".into(), |p| p.display().to_string());
                    return Err(format!(
                        "sslmode={mode} needs the CA that signed the server's certificate: give \
                         sslrootcert=/path/to/ca.pem (or PGSSLROOTCERT), sslrootcert=system for \
                         the system's trusted CAs, or put it in {default}"
                    ));
                };
                if mode == SslMode::VerifyCa {
                    Verification::Chain(roots)
                } else {
                    Verification::ChainAndHost(roots)
                }
            }
        };
        Ok(TlsPolicy { mode, verification })
    }

    /// The `postgres` crate's mode: it knows only whether to ask for TLS and whether to
    /// insist; what is verified is the connector's business.
    pub fn wire_mode(&self) -> WireMode {
        match self.mode {
            SslMode::Disable => WireMode::Disable,
            SslMode::Allow | SslMode::Prefer => WireMode::Prefer,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => WireMode::Require,
        }
    }

    /// The TLS connector that verifies what the policy says.
    pub fn connector(&self) -> Result<MakeRustlsConnect, String> {
        // deprecated for lacking post-quantum key exchange; still TLS 1.3 with X25519, and
        // unlike aws-lc it builds without cmake or a system library
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier: Arc<dyn ServerCertVerifier> = match &self.verification {
            Verification::Nothing => Arc::new(AnyCertificate(provider.clone())),
            Verification::Chain(roots) => Arc::new(ChainOnly(webpki_verifier(roots, &provider)?)),
            Verification::ChainAndHost(roots) => webpki_verifier(roots, &provider)?,
        };
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("cannot set up TLS: {e}"))?
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
        Ok(MakeRustlsConnect::new(config))
    }

    /// What to tell the user when the handshake failed with `error`.
    pub fn explain(&self, error: &rustls::Error, host: &str) -> String {
        let roots = match &self.verification {
            Verification::Chain(roots) | Verification::ChainAndHost(roots) => roots,
            Verification::Nothing => return format!("TLS handshake failed: {error}"),
        };
        let trusted_by = match roots {
            RootCerts::File(path) => format!("the CA in sslrootcert={}", path.display()),
            RootCerts::System => "a CA the system trusts (sslrootcert=system)".into(),
        };
        match error {
            rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            ) => format!(
                "the server's certificate is not issued for host `{host}`; connect with a host \
                 name the certificate names, or use sslmode=verify-ca to check only that it is \
                 signed by {trusted_by}"
            ),
            rustls::Error::InvalidCertificate(
                CertificateError::Expired | CertificateError::ExpiredContext { .. },
            ) => "the server's certificate has expired; renew it on the server".into(),
            rustls::Error::InvalidCertificate(_) => {
                let skip = match self.mode {
                    // require verifies only because a CA was given
                    SslMode::Require => "remove sslrootcert",
                    _ => "use sslmode=require",
                };
                format!(
                    "the server's certificate is not signed by {trusted_by} ({error}); check \
                     sslrootcert, or {skip} to skip verification"
                )
            }
            _ => format!("TLS handshake failed: {error}"),
        }
    }
}

fn webpki_verifier(
    roots: &RootCerts,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<WebPkiServerVerifier>, String> {
    WebPkiServerVerifier::builder_with_provider(Arc::new(root_store(roots)?), provider.clone())
        .build()
        .map_err(|e| format!("cannot use the CAs of {roots}: {e}"))
}

fn root_store(roots: &RootCerts) -> Result<RootCertStore, String> {
    let mut store = RootCertStore::empty();
    match roots {
        RootCerts::File(path) => {
            for cert in read_pem_certificates(path)? {
                store
                    .add(cert)
                    .map_err(|e| format!("{roots} holds a certificate that is not usable: {e}"))?;
            }
        }
        RootCerts::System => {
            store.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
        }
    }
    if store.is_empty() {
        return Err(match roots {
            RootCerts::File(_) => format!("{roots} holds no PEM certificate"),
            RootCerts::System => "no trusted CA found on this system (sslrootcert=system); \
                 install ca-certificates, or give sslrootcert=/path/to/ca.pem"
                .into(),
        });
    }
    Ok(store)
}

fn read_pem_certificates(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let unreadable =
        |e: &dyn fmt::Display| format!("cannot read sslrootcert={}: {e}", path.display());
    CertificateDer::pem_file_iter(path)
        .map_err(|e| unreadable(&e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| unreadable(&e))
}

/// `sslmode=require` without CAs, `prefer`, `allow`: encryption without authentication, as
/// libpq does; the handshake signatures are still checked, so the session is with the
/// holder of the certificate's key.
#[derive(Debug)]
struct AnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `verify-ca`: the chain is checked, the host name is not. webpki checks the chain before
/// the name, so a name mismatch means the chain was good.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(
        mode: &str,
        roots: Option<&str>,
        default: Option<&Path>,
    ) -> Result<Verification, String> {
        TlsPolicy::decide(
            SslMode::parse(mode).unwrap(),
            roots.map(RootCerts::parse),
            default.map(Path::to_path_buf),
        )
        .map(|policy| policy.verification)
    }

    #[test]
    fn sslmode_and_sslrootcert_as_libpq_reads_them() {
        let file = || RootCerts::File("ca.pem".into());
        assert_eq!(
            decide("prefer", Some("ca.pem"), None),
            Ok(Verification::Nothing)
        );
        assert_eq!(decide("require", None, None), Ok(Verification::Nothing));
        // require with a CA is verify-ca
        assert_eq!(
            decide("require", Some("ca.pem"), None),
            Ok(Verification::Chain(file()))
        );
        assert_eq!(
            decide("verify-ca", Some("ca.pem"), None),
            Ok(Verification::Chain(file()))
        );
        assert_eq!(
            decide("verify-full", Some("system"), None),
            Ok(Verification::ChainAndHost(RootCerts::System))
        );
        assert!(decide("require", Some("system"), None)
            .unwrap_err()
            .contains("verify-full"));
        // verify-* without a CA says where to put one
        let missing = Path::new("/nonexistent/root.crt");
        let error = decide("verify-full", None, Some(missing)).unwrap_err();
        assert!(
            error.contains("sslrootcert=") && error.contains("/nonexistent/root.crt"),
            "{error}"
        );
        assert_eq!(
            decide("require", None, Some(missing)),
            Ok(Verification::Nothing)
        );
        assert!(SslMode::parse("verify_full")
            .unwrap_err()
            .contains("verify-full"));
    }
}
