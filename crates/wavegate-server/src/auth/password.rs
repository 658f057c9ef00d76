//! Password hashing: Argon2id with the crate's recommended parameters, in PHC strings.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::OnceLock;
use wavegate_core::i18n::Text;

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longest password accepted (hashing is the cost; a megabyte password is a denial of service).
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// Why a password is refused, in Dutch and English.
pub fn password_problem(password: &str) -> Option<Text> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        Some(Text::new(
            format!("het wachtwoord moet minstens {MIN_PASSWORD_CHARS} tekens hebben"),
            format!("the password must be at least {MIN_PASSWORD_CHARS} characters"),
        ))
    } else if password.len() > MAX_PASSWORD_BYTES {
        Some(Text::new(
            format!("het wachtwoord mag hoogstens {MAX_PASSWORD_BYTES} bytes hebben"),
            format!("the password must be at most {MAX_PASSWORD_BYTES} bytes"),
        ))
    } else {
        None
    }
}

/// Hashes a password with a fresh salt.
pub fn hash_password(password: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).map_err(|e| e.to_string())?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Whether `password` is the one hashed in `phc`. A malformed stored hash never matches.
pub fn verify_password(phc: &str, password: &str) -> bool {
    if password.len() > MAX_PASSWORD_BYTES {
        return false;
    }
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the time a real verification takes, for an e-mail address without an account, so the
/// answer's timing does not tell whether the account exists.
pub fn verify_dummy(password: &str) {
    let _ = verify_password(dummy_hash(), password);
}

/// Makes the hash [`verify_dummy`] checks against, before the first sign-in: made on first use,
/// it made the first unknown address answer four times slower than a known one.
pub fn prepare_dummy() {
    dummy_hash();
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        hash_password("wavegate dummy password for unknown accounts").unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(&h, "correct horse battery"));
        assert!(!verify_password(&h, "correct horse batterY"));
        assert!(!verify_password("not a hash", "x"));
        assert_ne!(h, hash_password("correct horse battery").unwrap(), "salted");
    }

    #[test]
    fn short_and_huge_passwords_are_refused() {
        assert!(password_problem("short").is_some());
        assert!(password_problem(&"x".repeat(MAX_PASSWORD_BYTES + 1)).is_some());
        assert!(password_problem("twelve chars").is_none());
    }
}
