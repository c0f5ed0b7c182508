//! A deliverable laid out as the participant's repository: its document under the module's
//! docs folder, the files generated from it (`.github/workflows/*.yml`), and the documents
//! of the exercises it carries over (the capstone's repository holds all of Module 5's
//! docs). Each file can be downloaded on its own, or all of them as one `.zip`.

use super::generated;
use super::markdown::exercise_markdown;
use super::Deliverable;
use crate::course::{find_exercise, FieldKind, Inputs};

/// One file of the repository: where it goes and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct RepositoryFile {
    pub path: String,
    pub contents: String,
}

/// Every file of the deliverable, the document first, then the generated files, then the
/// documents of the exercises it carries over.
pub fn repository_files(deliverable: &Deliverable) -> Vec<RepositoryFile> {
    let Deliverable { module, exercise, answers, others, .. } = *deliverable;
    let mut files = vec![RepositoryFile {
        path: format!("{}{}", module.docs, exercise.deliverable),
        contents: exercise_markdown(deliverable),
    }];
    let inputs = Inputs::new(answers, others);
    files.extend(
        exercise.files.iter().map(|file| RepositoryFile {
            path: file.path.to_owned(),
            contents: generated::text(exercise, file, &inputs),
        }),
    );
    for field in exercise.fields() {
        let FieldKind::Reference(reference) = &field.kind else { continue };
        let Some((source_module, source)) = find_exercise(reference.exercise) else { continue };
        let path = format!("{}{}", source_module.docs, source.deliverable);
        if files.iter().any(|f| f.path == path) {
            continue;
        }
        let answers = source.answers_in(others);
        let carried = Deliverable { module: source_module, exercise: source, answers: &answers, ..*deliverable };
        files.push(RepositoryFile { path, contents: exercise_markdown(&carried) });
    }
    files
}

/// The files as a `.zip` archive (stored, not compressed: they are a few kilobytes of text).
/// rawzip writes the archive; each entry's CRC-32 is computed here, bit by bit, because
/// rawzip's own (16 lookup tables, built for speed) would add 26 KB gzip to the download
/// for checksums of a few kilobytes.
pub fn zip(files: &[RepositoryFile]) -> Vec<u8> {
    let mut output = Vec::new();
    // Writing to memory does not fail and the paths are ours; errors are dropped rather
    // than unwrapped, which keeps their formatting code out of the download.
    let _ = write_zip(files, &mut output);
    output
}

fn write_zip(files: &[RepositoryFile], output: &mut Vec<u8>) -> Result<(), rawzip::Error> {
    let mut archive = rawzip::ZipArchiveWriter::new(output);
    for file in files {
        let data = file.contents.as_bytes();
        let (mut entry, _) =
            archive.new_file(&file.path).compression_method(rawzip::CompressionMethod::STORE).start()?;
        std::io::Write::write_all(&mut entry, data)?;
        entry.finish(rawzip::DataDescriptorOutput::new(crc32(data), data.len() as u64))?;
    }
    archive.finish()?;
    Ok(())
}

/// CRC-32 (IEEE 802.3), the checksum zip files carry, one bit at a time.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// The name of the `.zip` of a deliverable: its exercise's number and the deliverable's.
pub fn zip_name(deliverable: &Deliverable) -> String {
    let stem = deliverable.exercise.deliverable.trim_end_matches(".md");
    format!("exercise-{}-{stem}.zip", deliverable.exercise.number)
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(super::crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(super::crc32(b""), 0);
    }
}
