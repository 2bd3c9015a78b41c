#!/usr/bin/env bash
# Writes the seed inputs of each fuzz target into fuzz/corpus/<target>/ (git-ignored; libFuzzer
# adds what it finds beside them). Idempotent: seeds are rewritten, found inputs kept.
#   corpus_file:   every test and bundled corpus file (corpus/, tests/e2e/fixtures/, core tests)
#   corpus_folder: those folders, up to 4 reports each, with their metadata.toml and topics.toml,
#                  in the input format of parallax_fuzz::FolderInput (fuzz/src/lib.rs)
#   url_state:     the links the tests use (`?v=1…` in tests/e2e and url_state/tests.rs)
#   align:         pairs of related reports from the core's test corpora, "left NUL right"
# Past findings (fuzz/regressions/<target>/) are not seeds: fuzz/run.sh replays them on their own,
# so one that still fails does not stop the fuzzing of its target at start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C # ${#name} counts bytes
out=fuzz/corpus
mkdir -p "$out"/{corpus_file,corpus_folder,url_state,align}

# A seed name from a repository path.
seed_name() { local p=${1//\//_}; printf 'seed-%s' "${p// /_}"; }

# corpus_file: the text files as they are.
n=0
while IFS= read -r -d '' f; do
  cp "$f" "$out/corpus_file/$(seed_name "$f")"
  n=$((n + 1))
done < <(find corpus tests/e2e/fixtures crates/parallax-core/tests -name '*.txt' -type f -print0 | sort -z)
echo "corpus_file: $n seeds"

# corpus_folder: FolderInput encoding.
# shellcheck disable=SC2059 # the format is the escape being built
u8() { printf "\\x$(printf %02x "$1")"; }
u32le() { u8 $(($1 & 255)); u8 $(($1 >> 8 & 255)); u8 $(($1 >> 16 & 255)); u8 $(($1 >> 24 & 255)); }
sidecar() { # FILE or ""
  if [ -n "$1" ] && [ -f "$1" ]; then u8 1; u32le "$(wc -c <"$1")"; cat "$1"; else u8 0; u32le 0; fi
}
encode_folder() { # OUT METADATA TOPICS FILE... (at most 4 files)
  local dest=$1 meta=$2 topics=$3 f name
  shift 3
  {
    u8 $#
    for f in "$@"; do
      name=$(basename "$f")
      u8 ${#name}
      printf %s "$name"
      u32le "$(wc -c <"$f")"
      cat "$f"
    done
    sidecar "$meta"
    sidecar "$topics"
  } >"$dest"
}
n=0
for d in corpus tests/e2e/fixtures/crafted crates/parallax-core/tests/corpora/* crates/parallax-core/tests/analysis_corpora/*; do
  mapfile -t files < <(find "$d" -maxdepth 1 -name '*.txt' -type f | sort | head -4)
  [ ${#files[@]} -gt 0 ] || continue
  # With the folder's own sidecars, and with the bundled lexicon when it has none.
  topics="$d/topics.toml"
  [ -f "$topics" ] || topics=corpus/topics.toml
  encode_folder "$out/corpus_folder/$(seed_name "$d")" "$d/metadata.toml" "$topics" "${files[@]}"
  # One file alone, without sidecars.
  encode_folder "$out/corpus_folder/$(seed_name "$d")-one" "" "" "${files[0]}"
  n=$((n + 2))
done
echo "corpus_folder: $n seeds"

# url_state: the links in the tests, ${…} placeholders replaced by a report id of the corpus.
n=0
while IFS= read -r url; do
  url=$(sed -E 's/\$\{[^}]*\}/001_33bc37f87dab64db-0/g' <<<"$url")
  printf %s "$url" >"$out/url_state/seed-$(printf %s "$url" | cksum | cut -d' ' -f1)"
  n=$((n + 1))
done < <(grep -rhoE "[?]?v=1[^\`'\" )]*" tests/e2e/*.mjs crates/parallax-core/src crates/parallax-core/tests src | sort -u)
echo "url_state: $n seeds"

# align: related pairs (a paraphrase, an excerpt, a stock quote, unrelated) from the test corpora.
pair() { # NAME LEFT RIGHT
  { cat "$2"; u8 0; cat "$3"; } >"$out/align/seed-$1"
}
b=crates/parallax-core/tests/analysis_corpora/briefing
s=crates/parallax-core/tests/analysis_corpora/stock
pair briefing-paraphrase "$b/a_original.txt" "$b/b_paraphrase.txt"
pair briefing-excerpt "$b/a_original.txt" "$b/c_excerpt.txt"
pair briefing-stock "$b/a_original.txt" "$b/d_stock_quote.txt"
pair briefing-unrelated "$b/b_paraphrase.txt" "$b/e_unrelated.txt"
pair stock-paraphrase "$s/a_port_briefing.txt" "$s/b_port_paraphrase.txt"
pair stock-workers "$s/a_port_briefing.txt" "$s/h_port_workers.txt"
pair seeds-000-001 corpus/000_2825e8f3de917013.txt corpus/001_33bc37f87dab64db.txt
echo "align: 7 seeds"

