//! Reading `metadata.toml`, the curator's sidecar, through the build cache.

use super::files::read_regular;
use super::{cache, diagnostic, line_of_utf8_error, MAX_SIDECAR_BYTES, METADATA_FILE};
use crate::model::{Diagnostic, Level};
use std::path::Path;

/// The metadata, its text and its diagnostics.
pub(super) type MetaRead = (crate::metadata::Metadata, String, Vec<Diagnostic>);

/// Reads and parses `DIR/metadata.toml`: the metadata, its text (for line numbers later) and
/// its diagnostics. No file is no metadata. With a cache, the last parse is taken when the text
/// and the file names are the same (a TOML parse of a large corpus's sidecar is a tenth of a
/// rebuild), and a new parse is kept (else `cache_problem` says why not).
pub(super) fn read_metadata(
    dir: &Path,
    names: &[&str],
    cache: Option<&cache::Cache>,
    cache_problem: &mut Option<String>,
) -> Result<MetaRead, Diagnostic> {
    let error = |line, message: &str| diagnostic(METADATA_FILE, line, Level::Error, message);
    let bytes = match read_regular(&dir.join(METADATA_FILE), MAX_SIDECAR_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(Default::default()),
        Err(message) => return Err(error(0, &message)),
    };
    let text = String::from_utf8(bytes)
        .map_err(|e| error(line_of_utf8_error(&e), "not UTF-8 text: save it as UTF-8"))?;
    let key = cache::metadata_key(&text, names);
    if let Some((meta, diags)) = cache.and_then(|c| c.load_metadata(key)) {
        return Ok((meta, text, diags));
    }
    let (meta, diags) = crate::metadata::parse_toml(&text, METADATA_FILE, names);
    if let Some(Err(e)) = cache.map(|c| c.save_metadata(key, &meta, &diags)) {
        cache_problem.get_or_insert(e);
    }
    Ok((meta, text, diags))
}
