//! An AidData research release on disk — its folder or a .zip of it — as the core's
//! `aiddata::Release`: the text of each member the importer asks for.

use crate::core::import::aiddata::{Release, PROJECTS};
use std::cell::RefCell;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A release folder: members are files under it.
struct Folder(PathBuf);

impl Release for Folder {
    fn member(&self, path: &str) -> Result<Option<Vec<u8>>, String> {
        let file = self.0.join(path);
        match std::fs::read(&file) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: cannot read: {e}", file.display())),
        }
    }
}

/// A zipped release: members are entries under the folder that holds `data/projects.csv` (the
/// zip's root, or the one folder AidData's zips wrap the release in).
struct Zipped {
    archive: RefCell<zip::ZipArchive<std::fs::File>>,
    root: String,
    name: String,
}

impl Release for Zipped {
    fn member(&self, path: &str) -> Result<Option<Vec<u8>>, String> {
        let mut archive = self.archive.borrow_mut();
        let wanted = format!("{}{path}", self.root);
        let mut entry = match archive.by_name(&wanted) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(format!("{}: cannot read {wanted} in the zip: {e}", self.name)),
        };
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).map_err(|e| format!("{}: cannot unpack {wanted}: {e}", self.name))?;
        Ok(Some(bytes))
    }
}

/// Opens a release: a folder (or the one folder inside it that holds the release), or a .zip.
pub(super) fn open(path: &Path) -> Result<Box<dyn Release>, String> {
    if path.is_dir() {
        if path.join(PROJECTS).is_file() {
            return Ok(Box::new(Folder(path.to_path_buf())));
        }
        // An unzipped release often sits in a folder of its own name.
        let inner: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join(PROJECTS).is_file())
            .collect();
        return match inner.as_slice() {
            [one] => Ok(Box::new(Folder(one.clone()))),
            _ => Err(format!(
                "{} has no {PROJECTS}: it is not an AidData research release (a folder or .zip holding data/projects.csv, data/transactions.csv, data/locations.csv and datapackage.json)",
                path.display()
            )),
        };
    }
    let file = std::fs::File::open(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let archive = zip::ZipArchive::new(file).map_err(|e| {
        format!("{} is neither a folder nor a zip that can be read ({e}): give an AidData research release's folder or its .zip", path.display())
    })?;
    let roots: Vec<String> = archive
        .file_names()
        .filter(|n| !n.starts_with("__MACOSX/"))
        .filter_map(|n| n.strip_suffix(PROJECTS).filter(|r| r.is_empty() || r.ends_with('/')).map(str::to_string))
        .collect();
    let root = match roots.as_slice() {
        [one] => one.clone(),
        [] => return Err(format!("{} holds no {PROJECTS}: it is not an AidData research release", path.display())),
        _ => return Err(format!("{} holds several releases ({}): unzip it and give one release's folder", path.display(), roots.join(", "))),
    };
    Ok(Box::new(Zipped { archive: RefCell::new(archive), root, name: path.display().to_string() }))
}
