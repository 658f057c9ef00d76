//! The secret that protects invitation links. The database keeps, per link, only a keyed hash
//! of its token (to find the link) and the token masked with a key derived from the secret (so
//! planners can export their links again); a copy of the database without the secret opens
//! no link and names no token. The same secret, under a purpose of its own, marks the device
//! cookies of sign-in (`auth::device`), so they outlive a restart.

use super::StoreError;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::io::Write;
use std::path::{Path, PathBuf};
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

/// The environment variable that, when set, holds the secret instead of the file beside the
/// database (at least 32 characters; for deployments that keep secrets in their own store).
pub const SECRET_ENV: &str = "WAVEGATE_LINK_SECRET";

/// The keys of invitation links, all derived from one secret.
pub struct LinkKeys {
    secret: Vec<u8>,
}

impl std::fmt::Debug for LinkKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkKeys(..)")
    }
}

/// Where the secret of the database at `db` lives: `<db>.secret`.
pub fn secret_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".secret");
    PathBuf::from(name)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

impl LinkKeys {
    /// Keys over a given secret.
    pub fn from_secret(secret: &[u8]) -> LinkKeys {
        LinkKeys {
            secret: secret.to_vec(),
        }
    }

    /// A fresh random secret (in-memory databases: their links die with them).
    pub fn random() -> LinkKeys {
        let mut secret = [0u8; 32];
        getrandom::getrandom(&mut secret).unwrap_or_else(|e| panic!("no random numbers: {e}"));
        LinkKeys::from_secret(&secret)
    }

    /// The secret of the database at `db`: [`SECRET_ENV`] when set, else `<db>.secret`, created
    /// (readable by the owner only) on first start.
    pub fn for_database(db: &Path) -> Result<LinkKeys, StoreError> {
        if let Ok(value) = std::env::var(SECRET_ENV) {
            if value.len() < 32 {
                return Err(StoreError::Files(format!(
                    "{SECRET_ENV} must hold at least 32 characters"
                )));
            }
            return Ok(LinkKeys::from_secret(value.as_bytes()));
        }
        let path = secret_path(db);
        match std::fs::read_to_string(&path) {
            Ok(text) => unhex(text.trim())
                .filter(|s| s.len() >= 32)
                .map(|s| LinkKeys::from_secret(&s))
                .ok_or_else(|| {
                    StoreError::Files(format!("{} does not hold a secret", path.display()))
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => create_secret(&path),
            Err(e) => Err(StoreError::Files(format!("{}: {e}", path.display()))),
        }
    }

    fn mac(&self, purpose: &[u8], parts: &[&[u8]]) -> [u8; 32] {
        let mut mac = HmacSha256::new_from_slice(&self.secret)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(purpose);
        for p in parts {
            mac.update(p);
        }
        mac.finalize().into_bytes().into()
    }

    /// The key a token is found by: HMAC-SHA-256 of the token, hex.
    pub fn lookup(&self, token: &str) -> String {
        hex(&self.mac(b"wavegate/link-lookup/1\0", &[token.as_bytes()]))
    }

    fn keystream(&self, lookup: &str, len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len);
        let mut block: u8 = 0;
        while out.len() < len {
            out.extend_from_slice(
                &self.mac(b"wavegate/link-mask/1\0", &[lookup.as_bytes(), &[block]]),
            );
            block = block.wrapping_add(1);
        }
        out.truncate(len);
        out
    }

    /// The mark of a device cookie: HMAC-SHA-256 over an account (its digest) and what the
    /// cookie says (its nonce and issue day).
    pub fn device_mark(&self, account: &[u8; 32], payload: &[u8]) -> [u8; 32] {
        self.mac(b"wavegate/device/1\0", &[account, payload])
    }

    /// What the database keeps of a token: its lookup key and the token masked (hex).
    pub fn seal(&self, token: &str) -> (String, String) {
        let lookup = self.lookup(token);
        let masked: Vec<u8> = token
            .bytes()
            .zip(self.keystream(&lookup, token.len()))
            .map(|(a, b)| a ^ b)
            .collect();
        (lookup, hex(&masked))
    }

    /// The token back from what the database keeps; `None` when it was not sealed with this
    /// secret.
    pub fn unseal(&self, lookup: &str, mask: &str) -> Option<String> {
        let masked = unhex(mask)?;
        let bytes: Vec<u8> = masked
            .iter()
            .zip(self.keystream(lookup, masked.len()))
            .map(|(a, b)| a ^ b)
            .collect();
        let token = String::from_utf8(bytes).ok()?;
        bool::from(self.lookup(&token).as_bytes().ct_eq(lookup.as_bytes())).then_some(token)
    }

    /// Whether `presented` is the token sealed in this row, compared in constant time.
    pub fn matches(&self, presented: &str, lookup: &str, mask: &str) -> bool {
        self.unseal(lookup, mask)
            .is_some_and(|t| bool::from(t.as_bytes().ct_eq(presented.as_bytes())))
    }
}

fn create_secret(path: &Path) -> Result<LinkKeys, StoreError> {
    let keys = LinkKeys::random();
    let fail = |e: std::io::Error| StoreError::Files(format!("{}: {e}", path.display()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(fail)?;
    writeln!(file, "{}", hex(&keys.secret)).map_err(fail)?;
    file.sync_all().map_err(fail)?;
    tracing::info!(path = %path.display(), "created the secret of invitation links");
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_token_comes_back_only_with_its_secret() {
        let keys = LinkKeys::from_secret(&[7; 32]);
        let (lookup, mask) = keys.seal("0123456789abcdef0123456789abcdef");
        assert!(!mask.contains("0123456789abcdef"));
        assert_eq!(
            keys.unseal(&lookup, &mask).as_deref(),
            Some("0123456789abcdef0123456789abcdef")
        );
        assert!(keys.matches("0123456789abcdef0123456789abcdef", &lookup, &mask));
        assert!(!keys.matches("0123456789abcdef0123456789abcdee", &lookup, &mask));
        let other = LinkKeys::from_secret(&[8; 32]);
        assert_eq!(other.unseal(&lookup, &mask), None);
        assert_ne!(other.lookup("x"), keys.lookup("x"));
    }

    #[test]
    fn the_secret_file_is_made_once_readable_by_the_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("w.db");
        let a = LinkKeys::for_database(&db).unwrap();
        let b = LinkKeys::for_database(&db).unwrap();
        assert_eq!(a.lookup("t"), b.lookup("t"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(secret_path(&db))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
