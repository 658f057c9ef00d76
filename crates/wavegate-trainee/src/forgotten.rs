//! The training links a person removed from this device with "not you?", remembered so that
//! "back", a reload or a page the browser restores asks before it loads the training again.
//! Only a digest of each token is kept, never the token or a name: the marker says nothing
//! about whose training it was to the next person on the device.

use crate::local;
use wavegate_ui::storage::{Key, load, remove, save};

/// The marker of `token`: a key of its own per link (no list to read and rewrite), under the
/// trainee's prefix with a name no token has (tokens are long and random, without dots).
fn key(token: &str) -> Key {
    Key::Training(format!("forgotten.{}", digest(token)))
}

/// A digest of `token` (64-bit FNV-1a, in hex). Not a secret hash: the token is long and random,
/// so the digest cannot be turned back into it, and what is needed is only to recognise the
/// link again. A few lines here rather than another crate in a bundle counted in bytes.
fn digest(token: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in b"wavegate.forgotten/".iter().chain(token.as_bytes()) {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Whether `token`'s training was removed from this device with "not you?" (and not opened
/// again since).
pub fn is_marked(token: &str) -> bool {
    load::<bool>(&key(token)).unwrap_or(false)
}

/// "Not you?": removes everything of `token` from the device and remembers that it was removed.
pub fn forget(token: &str) {
    local::clear(token);
    save(&key(token), &true);
}

/// The person chose to open the link again: the marker goes.
pub fn unmark(token: &str) {
    remove(&key(token));
}
