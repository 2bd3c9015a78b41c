//! The files of a parallax-synth corpus (seed 2024), as the benchmarks read them.

use parallax_core::SourceFile;

/// `n` reports' files and the generated corpus (its ground truth included).
pub fn synth_files(n: usize) -> (Vec<SourceFile>, parallax_synth::SynthCorpus) {
    let synth = parallax_synth::generate(&parallax_synth::SynthConfig::new(n, 2024));
    let files = synth
        .files
        .iter()
        .map(|f| SourceFile::new(f.name.as_str(), f.text.as_bytes()))
        .collect();
    (files, synth)
}
