#!/usr/bin/env bash
# `make fuzz`: libFuzzer (cargo-fuzz) on each target for FUZZ_SECONDS (default 600), one after
# the other, then per target the time, the executions and the findings. Past findings in
# fuzz/regressions/<target>/ are replayed first. Exits 1 if any target found something (a crash,
# a broken invariant, a timeout or running out of memory) or a past finding still fails.
#   FUZZ_SECONDS=60 FUZZ_TARGETS="url_state align" fuzz/run.sh
# Needs cargo-fuzz (installed here when missing) and a nightly toolchain (checked: libFuzzer's
# instrumentation flags are nightly-only). Inputs found are kept in fuzz/corpus/<target>/, findings
# in fuzz/artifacts/<target>/, logs in fuzz/artifacts/<target>.log (all git-ignored). A finding
# worth keeping goes, minimised (`cargo +nightly fuzz tmin TARGET FILE`), in fuzz/regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${FUZZ_SECONDS:-600}
targets=${FUZZ_TARGETS:-corpus_file corpus_folder url_state align}

say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*" >&2; }

# Per target: the largest input libFuzzer makes. Real files are a few KB; larger inputs only slow
# the search down (corpus_folder holds several files and both sidecars; align compares two texts,
# quadratic in sentences).
max_len() {
  case $1 in
    corpus_file) echo 16384 ;;
    corpus_folder) echo 65536 ;;
    url_state) echo 4096 ;;
    align) echo 12288 ;;
    *) say "unknown target $1 (targets: corpus_file corpus_folder url_state align)"; exit 2 ;;
  esac
}
for t in $targets; do max_len "$t" >/dev/null; done

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  say "cargo-fuzz needs a nightly Rust toolchain (libFuzzer's sanitizer and coverage flags are"
  say "unstable), and there is none. Install it once (it downloads from the Rust project's"
  say "servers), then run make fuzz again:"
  say "    rustup toolchain install nightly --profile minimal"
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (a few minutes, once)"
  cargo install cargo-fuzz --locked
fi
say "$(rustup run nightly rustc --version), $(cargo fuzz --version)"
bin="fuzz/target/$(rustup run nightly rustc -vV | sed -n 's/^host: //p')/release"

fuzz/seed.sh
mkdir -p fuzz/artifacts
say "building the fuzz targets (release, debug assertions, AddressSanitizer)"
if ! cargo +nightly fuzz build >fuzz/artifacts/build.log 2>&1; then
  tail -n 40 fuzz/artifacts/build.log
  say "the build failed (whole log: fuzz/artifacts/build.log)"
  exit 1
fi

summary=()
found=0
# corpus_folder writes each input to a folder in here.
export PARALLAX_FUZZ_TMP
PARALLAX_FUZZ_TMP=$(mktemp -d)
trap 'rm -rf "$PARALLAX_FUZZ_TMP"' EXIT
for t in $targets; do
  mkdir -p "fuzz/artifacts/$t"
  # Past findings first: each input once; one that still fails is an open bug.
  if [ -d "fuzz/regressions/$t" ]; then
    while IFS= read -r -d '' input; do
      if ! "$bin/$t" "$input" >"fuzz/artifacts/$t.regression.log" 2>&1; then
        found=1
        why=$(grep -m1 -A1 'panicked at' "fuzz/artifacts/$t.regression.log" | tail -1 | sed 's/^ *//')
        summary+=("$t: STILL FAILS: $input: ${why:-see fuzz/artifacts/$t.regression.log}")
      else
        summary+=("$t: passes now: $input")
      fi
    done < <(find "fuzz/regressions/$t" -type f ! -name '*.md' -print0 | sort -z)
  fi
  before=$(find "fuzz/artifacts/$t" -type f | sort)
  log="fuzz/artifacts/$t.log"
  say "$t: ${seconds}s, -max_len=$(max_len "$t") (log: $log)"
  start=$SECONDS
  rc=0
  cargo +nightly fuzz run "$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
    -print_final_stats=1 >"$log" 2>&1 || rc=$?
  took=$((SECONDS - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  new=$(comm -13 <(printf '%s\n' "$before") <(find "fuzz/artifacts/$t" -type f | sort) | sed '/^$/d')
  if [ "$rc" -eq 0 ] && [ -z "$new" ]; then
    summary+=("$t: ${took}s, ${execs:-?} executions, no findings")
  else
    found=1
    # What broke: the panic message (or libFuzzer's reason), then the input's file.
    why=$(grep -m1 -A1 'panicked at' "$log" | tail -1 | sed 's/^ *//')
    [ -n "$why" ] || why=$(grep -m1 -E '^==[0-9]+== ERROR: libFuzzer|ERROR: AddressSanitizer|ALARM: working on the last Unit' "$log" || true)
    [ -n "$why" ] || why="exit $rc (see $log)"
    summary+=("$t: ${took}s, ${execs:-?} executions, FINDING: $why; input: ${new:-none saved} (see $log)")
  fi
done

say "summary"
printf '  %s\n' "${summary[@]}"
if [ "$found" -ne 0 ]; then
  say "findings: minimise with  cargo +nightly fuzz tmin TARGET FILE  and reproduce with  cargo +nightly fuzz run TARGET FILE"
fi
exit "$found"
