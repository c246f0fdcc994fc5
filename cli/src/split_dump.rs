//! `dump --split DIR`: one file per object, in a directory the dump keeps mirroring the
//! schema. It never removes or overwrites a file it did not write: the manifest
//! (`.schemadiff-dump`) lists what the last dump wrote, and only those files are replaced or
//! removed. A directory without one is taken only when it is empty.

use std::collections::BTreeSet;
use std::io::ErrorKind;
use std::path::{Component, Path};

use anyhow::{bail, Context};

const MANIFEST: &str = ".schemadiff-dump";
const MANIFEST_HEADER: &str = "# written by `schemadiff dump --split`: the files of the last dump, which the next one replaces or removes";

/// Writes `files` (relative path, text) into `dir` and removes those of the previous dump
/// that are gone.
pub fn write(dir: &Path, files: &[(String, String)]) -> anyhow::Result<()> {
    let previous = previous_dump(dir)?;
    let written: BTreeSet<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
    let foreign: Vec<&str> = written
        .iter()
        .copied()
        .filter(|path| !previous.contains(*path) && dir.join(path).exists())
        .collect();
    if !foreign.is_empty() {
        bail!(
            "{} holds {} that the dump would overwrite but did not write; move them away first",
            dir.display(),
            foreign.join(", ")
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // listed before they exist, so that a dump stopped half-way still owns what it wrote
    let owned: BTreeSet<&str> = previous
        .iter()
        .map(String::as_str)
        .chain(written.iter().copied())
        .collect();
    write_manifest(dir, &owned)?;
    for (relative, text) in files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    for stale in previous
        .iter()
        .filter(|path| !written.contains(path.as_str()))
    {
        let path = dir.join(stale);
        match std::fs::remove_file(&path) {
            Err(error) if error.kind() != ErrorKind::NotFound => {
                return Err(error).with_context(|| format!("cannot remove {}", path.display()))
            }
            _ => {}
        }
    }
    write_manifest(dir, &written)
}

/// The files the previous dump into `dir` wrote: none for a directory that is missing or
/// empty; a directory that holds anything else and no manifest is refused.
fn previous_dump(dir: &Path) -> anyhow::Result<BTreeSet<String>> {
    let manifest = dir.join(MANIFEST);
    let text = match std::fs::read_to_string(&manifest) {
        Ok(text) => text,
        Err(error) if error.kind() == ErrorKind::NotFound => {
            let is_empty = match std::fs::read_dir(dir) {
                Ok(mut entries) => entries.next().is_none(),
                Err(error) if error.kind() == ErrorKind::NotFound => true,
                Err(error) => {
                    return Err(error).with_context(|| format!("cannot read {}", dir.display()))
                }
            };
            if !is_empty {
                bail!(
                    "{} is not empty and has no {MANIFEST}, so no earlier dump wrote it: a split dump removes the files of objects that are gone and would not tell them from yours; dump into an empty directory",
                    dir.display()
                );
            }
            return Ok(BTreeSet::new());
        }
        Err(error) => {
            return Err(error).with_context(|| format!("cannot read {}", manifest.display()))
        }
    };
    let mut listed = BTreeSet::new();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        // a manifest edited to point outside the directory must not remove anything there
        let inside = Path::new(line)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if !inside {
            bail!(
                "{} lists `{line}`, which is not a path inside {}",
                manifest.display(),
                dir.display()
            );
        }
        listed.insert(line.to_string());
    }
    Ok(listed)
}

fn write_manifest(dir: &Path, files: &BTreeSet<&str>) -> anyhow::Result<()> {
    let mut text = format!("{MANIFEST_HEADER}\n");
    for file in files {
        text.push_str(file);
        text.push('\n');
    }
    let path = dir.join(MANIFEST);
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
}
