#!/usr/bin/env bash
# The Makefile from a checkout whose path has a space ("/home/me/My Projects/parallax"):
# 1. `make -n TARGET` for every target: wherever a command names the checkout's path, the shell
#    must see that path whole (quoted), not split at the space. Checked by splitting each printed
#    command into words as the shell does (python's shlex, POSIX rules).
# 2. The PATH the Makefile exports still finds the project-local tools (.ci/tools) and cargo's
#    bin directory when both paths have spaces.
# No build, no install: make -n only prints the commands. About a second.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir="$tmp/with space/parallax"
home="$tmp/home dir"
mkdir -p "$dir/.ci/tools/node_modules/.bin" "$home/.cargo/bin"
cp "$root/Makefile" "$dir/"
fail=0

targets=$(sed -n 's/^\.PHONY: *//p' "$dir/Makefile")
[ -n "$targets" ] || { echo "no .PHONY targets found in the Makefile"; exit 1; }
checked=0
for target in $targets; do
  if ! out=$(cd "$dir" && HOME="$home" make --no-print-directory -n "$target" 2>&1); then
    echo "FAIL: make -n $target from \"$dir\":"
    printf '%s\n' "$out"
    fail=1
    continue
  fi
  rc=0
  report=$(printf '%s\n' "$out" | python3 -c '
import shlex, sys
path = sys.argv[1]
count, bad = 0, []
for line in sys.stdin.read().splitlines():
    if path not in line:
        continue
    count += line.count(path)
    try:
        words = shlex.split(line, comments=False, posix=True)
    except ValueError as e:
        bad.append(f"{line}\n    (cannot be split into words: {e})")
        continue
    if sum(w.count(path) for w in words) != line.count(path):
        bad.append(line)
print(count)
for b in bad:
    print("unquoted path in: " + b)
sys.exit(1 if bad else 0)
' "$dir") || rc=$?
  checked=$((checked + ${report%%$'\n'*}))
  if [ "$rc" -ne 0 ]; then
    echo "FAIL: make -n $target:"
    printf '%s\n' "$report" | tail -n +2
    fail=1
  fi
done
# The check must have something to check: e2e-build names the checkout's path.
if [ "$checked" -eq 0 ]; then
  echo "FAIL: no command of any target named the checkout's path; the check checked nothing"
  fail=1
fi

# PATH: a tool in each of the two exported directories is found.
printf '#!/bin/sh\necho local-tool\n' > "$dir/.ci/tools/node_modules/.bin/parallax-probe-local"
printf '#!/bin/sh\necho cargo-tool\n' > "$home/.cargo/bin/parallax-probe-cargo"
chmod +x "$dir/.ci/tools/node_modules/.bin/parallax-probe-local" "$home/.cargo/bin/parallax-probe-cargo"
got=$(cd "$dir" && HOME="$home" make --no-print-directory \
  --eval 'parallax-path-probe: ; @parallax-probe-local && parallax-probe-cargo' parallax-path-probe 2>&1) || true
if [ "$got" != $'local-tool\ncargo-tool' ]; then
  echo "FAIL: the Makefile's PATH does not find tools under paths with spaces; got: $got"
  fail=1
fi

if [ "$fail" -eq 0 ]; then
  echo "paths with spaces: $(wc -w <<<"$targets") targets, $checked quoted occurrences of the checkout path, PATH ok"
fi
exit "$fail"
