#!/usr/bin/env python3
"""datasketch's MinHashLSH on a parallax-synth folder, measured like our `lsh_recall` example
(crates/parallax-cli/examples/lsh_recall.rs). Single-threaded, as datasketch is.

Each report is the text of its line range (truth.json). Words are lowercased \\w+ runs, shingles
are five consecutive words. Index every report, then query every report; recall is the share of
planted duplicates (exact copies, light rewrites, excerpts) whose source comes back. File reading
is not timed. Installs nothing: run it with the venv that .ci/bench-compare makes.

usage: datasketch_compare.py DIR [--json]
"""
import json
import re
import sys
import time
from pathlib import Path

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")


def shingles(text, k=5):
    words = WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit("usage: datasketch_compare.py DIR [--json]")
    folder = Path(args[0])
    truth = json.loads((folder / "truth.json").read_text())
    files = {}
    texts, ids = [], []
    for r in truth["reports"]:
        lines = files.setdefault(r["file"], (folder / r["file"]).read_text().split("\n"))
        texts.append("\n".join(lines[r["line_start"] - 1:r["line_end"]]))
        ids.append(r["id"])
    index_of = {rid: i for i, rid in enumerate(ids)}
    dups = [(x["a"], x["b"]) for x in truth["relations"] if x["expected"] == "near_duplicate"]
    rows = []
    for threshold in (0.5, 0.7, 0.3):
        start = time.perf_counter()
        lsh = MinHashLSH(threshold=threshold, num_perm=128)
        sigs = []
        for i, t in enumerate(texts):
            m = MinHash(num_perm=128)
            m.update_batch(list(shingles(t)))
            sigs.append(m)
            lsh.insert(i, m)
        results = [set(lsh.query(m)) for m in sigs]
        secs = time.perf_counter() - start
        found = sum(1 for a, b in dups if index_of[b] in results[index_of[a]])
        candidates = sum(len(r) - 1 for r in results) // 2
        rows.append({"threshold": threshold, "bands": lsh.b, "rows": lsh.r, "seconds": round(secs, 4),
                     "reports_per_s": round(len(texts) / secs, 1), "recall": round(found / max(len(dups), 1), 4),
                     "candidates": candidates})
    out = {"reports": len(texts), "planted_duplicates": len(dups), "lsh": rows}
    if "--json" in sys.argv:
        print(json.dumps(out))
    else:
        for r in rows:
            print(f"datasketch threshold {r['threshold']:.2f} (b={r['bands']} r={r['rows']}): {r['seconds']:.3f} s, "
                  f"{r['reports_per_s']:.0f} reports/s, recall {r['recall']:.4f}, {r['candidates']} candidate pairs")


if __name__ == "__main__":
    main()
