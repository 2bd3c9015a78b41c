#[path = "../benches/parse_inputs/mod.rs"]
mod inputs;
use std::time::Instant;
fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).map(|s| s.parse().unwrap()).collect();
    for &size in &sizes {
        let t = Instant::now();
        let files = inputs::seed_files(size);
        let p = parallax_core::ingest::parse_corpus(&files, &Default::default());
        println!("{size:>9} seed_files {:>10.1} ms ({} reports)", t.elapsed().as_secs_f64() * 1e3, p.reports.len());
        let only = std::env::var("SHAPE").ok();
        for (name, bytes) in inputs::adversarial(size).into_iter().filter(|(n, _)| only.as_deref().is_none_or(|o| o == *n)) {
            let t = Instant::now();
            let p = parallax_core::ingest::parse_file("x.txt", &bytes);
            println!("{size:>9} {name} {:>10.1} ms ({} reports)", t.elapsed().as_secs_f64() * 1e3, p.reports.len());
        }
    }
}
