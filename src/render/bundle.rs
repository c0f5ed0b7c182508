//! A deliverable laid out as the participant's repository: its document under the module's
//! docs folder, the files generated from it (`.github/workflows/*.yml`) and the scripts
//! they call (`deploy/check-metric.sh`, executable once unzipped), and the documents
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

/// Every file of the deliverable, the document first, then the generated files and the
/// scripts they call, then the documents of the exercises it carries over.
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
    // The scripts those files call, so a step never runs a script the repository lacks.
    files.extend(
        (exercise.scripts)(&inputs)
            .into_iter()
            .map(|script| RepositoryFile { path: script.path.to_owned(), contents: script.text }),
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

/// The files as a `.zip` archive (stored, not compressed: they are a few kilobytes of text),
/// written here: a stored archive is three fixed records (APPNOTE 6.3.10, sections 4.3.7,
/// 4.3.12, 4.3.16), and rawzip's general writer cost Module 5's page 1.2 KB gzip. Files and
/// the archive stay far below zip64's 4 GiB (the import limit is 154 MiB). Each entry is
/// marked as made on Unix with mode 0644 (0755 for scripts, `.sh`), so `unzip` keeps a
/// script executable; names are UTF-8 (flag bit 11); the time is the DOS epoch, so the same
/// answers always give the same bytes. `import::read_zip` (rawzip's reader) and the tests
/// read it back.
pub fn zip(files: &[RepositoryFile]) -> Vec<u8> {
    const UTF8_NAMES: u16 = 1 << 11;
    const DOS_EPOCH_DATE: u16 = (1 << 5) | 1; // 1980-01-01
    let mut output = Vec::new();
    let mut directory = Vec::new();
    let u16s = |out: &mut Vec<u8>, values: &[u16]| values.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    let u32s = |out: &mut Vec<u8>, values: &[u32]| values.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    for file in files {
        let (name, data) = (file.path.as_bytes(), file.contents.as_bytes());
        let offset = output.len() as u32;
        let (crc, size) = (crc32(data), data.len() as u32);
        // Version 2.0, UTF-8 names, stored, time 00:00, date; CRC, sizes; name and extra lengths.
        let common = |out: &mut Vec<u8>| {
            u16s(out, &[20, UTF8_NAMES, 0, 0, DOS_EPOCH_DATE]);
            u32s(out, &[crc, size, size]);
            u16s(out, &[name.len() as u16, 0]);
        };
        u32s(&mut output, &[0x0403_4b50]);
        common(&mut output);
        output.extend_from_slice(name);
        output.extend_from_slice(data);
        // Made by Unix (3), zip 2.0; then comment length, disk, internal attributes; the
        // Unix mode in the high half of the external attributes; where the entry starts.
        u32s(&mut directory, &[0x0201_4b50]);
        u16s(&mut directory, &[(3 << 8) | 20]);
        common(&mut directory);
        u16s(&mut directory, &[0, 0, 0]);
        let mode: u32 = if file.path.ends_with(".sh") { 0o100_755 } else { 0o100_644 };
        u32s(&mut directory, &[mode << 16, offset]);
        directory.extend_from_slice(name);
    }
    let (directory_offset, directory_size) = (output.len() as u32, directory.len() as u32);
    output.append(&mut directory);
    let entries = files.len() as u16;
    u32s(&mut output, &[0x0605_4b50]);
    u16s(&mut output, &[0, 0, entries, entries]);
    u32s(&mut output, &[directory_size, directory_offset]);
    u16s(&mut output, &[0]);
    output
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

    /// `unzip` restores the mode written in each central directory entry (external
    /// attributes, bytes 38..42, high half): a script stays executable.
    #[test]
    fn a_script_is_executable_once_unzipped() {
        let file = |path: &str| super::RepositoryFile { path: path.into(), contents: "echo ok\n".into() };
        let bytes = super::zip(&[file("deploy/check-metric.sh"), file("docs/design.md")]);
        let modes: Vec<u32> = bytes
            .windows(4)
            .enumerate()
            .filter(|(_, w)| *w == [0x50, 0x4b, 0x01, 0x02])
            .map(|(at, _)| u32::from_le_bytes(bytes[at + 38..at + 42].try_into().unwrap()) >> 16)
            .collect();
        assert_eq!(modes, [0o100_755, 0o100_644]);
    }
}
