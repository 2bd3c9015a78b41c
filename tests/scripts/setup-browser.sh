#!/usr/bin/env bash
# `.ci/setup browser` (also the first step of `.ci/setup test`): which browser the tests get, and
# what it says when it cannot install one. Runs a copy of .ci/setup (from a path with a space)
# with stand-ins for id, sudo and apt-get on a PATH that holds nothing else, so nothing is
# installed and the machine's own sudo or chromium cannot leak in. About a second.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir="$tmp/with space/parallax"
mkdir -p "$dir/.ci" "$tmp/home"
cp "$root/.ci/setup" "$dir/.ci/setup"

# The only commands the browser step (and the stand-ins) may use, plus stand-ins.
tools="$tmp/tools"
mkdir -p "$tools"
for t in bash dirname env cat chmod; do ln -s "$(command -v "$t")" "$tools/$t"; done
cat >"$tools/id" <<'EOF'
#!/bin/sh
[ "$1" = -u ] && echo "$FAKE_UID"
EOF
cat >"$tools/apt-get.stub" <<'EOF'
#!/bin/sh
echo "apt-get $*" >>"$FAKE_LOG"
if [ "$1" = install ] || [ "$2" = install ] || [ "$4" = install ]; then
  if [ "$FAKE_APT_RC" = 0 ] && [ "$FAKE_APT_CREATES" = 1 ]; then
    printf '#!/bin/sh\n' >"$FAKE_BIN/chromium"; printf '#!/bin/sh\n' >"$FAKE_BIN/chromedriver"
    chmod +x "$FAKE_BIN/chromium" "$FAKE_BIN/chromedriver"
  fi
fi
exit "$FAKE_APT_RC"
EOF
cat >"$tools/sudo.stub" <<'EOF'
#!/bin/sh
echo "sudo $*" >>"$FAKE_LOG"
exec "$@"
EOF
chmod +x "$tools"/*
ln -s "$tools/apt-get.stub" "$tools/apt-get"

chrome="$tmp/my chrome/chrome"
mkdir -p "$(dirname "$chrome")"
printf '#!/bin/sh\n' >"$chrome"
chmod +x "$chrome"

fail=0
passed=0
# run NAME EXPECTED_RC MODE [VAR=VALUE...]: runs .ci/setup MODE with the fakes; sets $out, $log.
run() {
  local name=$1 want=$2 mode=$3
  shift 3
  rm -rf "${tmp:?}/bin" "${tmp:?}/log"
  mkdir -p "$tmp/bin"
  if [ "${debian_chromium:-}" = 1 ]; then
    printf '#!/bin/sh\n' >"$tmp/bin/chromium"; printf '#!/bin/sh\n' >"$tmp/bin/chromedriver"
    chmod +x "$tmp/bin/chromium" "$tmp/bin/chromedriver"
  fi
  : >"$tmp/log"
  local rc=0
  out=$(env -i PATH="$tools" HOME="$tmp/home" PARALLAX_SETUP_BIN_DIR="$tmp/bin" \
    FAKE_UID=1000 FAKE_LOG="$tmp/log" FAKE_BIN="$tmp/bin" FAKE_APT_RC=0 FAKE_APT_CREATES=1 \
    "$@" bash "$dir/.ci/setup" "$mode" 2>&1 </dev/null) || rc=$?
  log=$(cat "$tmp/log")
  current=$name
  if [ "$rc" != "$want" ]; then
    echo "FAIL: $name: exit $rc, expected $want; output:"
    printf '%s\n' "$out"
    fail=1
    return 1
  fi
}
expect() { # DESCRIPTION COMMAND...: one more check on the last run
  if "${@:2}"; then passed=$((passed + 1)); else
    echo "FAIL: $current: $1"
    printf '  output: %s\n  apt/sudo calls: %s\n' "$out" "$log"
    fail=1
  fi
}
has() { [[ $out == *"$1"* ]]; }
no_apt() { [ -z "$log" ]; }
with_sudo() { [[ $log == *"sudo apt-get update"* && $log == *"sudo env DEBIAN_FRONTEND=noninteractive apt-get install"* ]]; }
tells_what_to_install() {
  has "sudo apt-get install chromium chromium-driver" && has "CHROME_PATH"
}

if run "CHROME_PATH to a browser, not root, no sudo" 0 browser CHROME_PATH="$chrome"; then
  expect "names the browser" has "CHROME_PATH=$chrome"
  expect "installs nothing" no_apt
fi
if run "CHROME_PATH to a missing file" 1 browser CHROME_PATH="$tmp/nothing here"; then
  expect "says CHROME_PATH is wrong" has "CHROME_PATH=$tmp/nothing here is not an executable file"
  expect "installs nothing" no_apt
fi
if run "CHROME_PATH to a folder" 1 browser CHROME_PATH="$tmp"; then
  expect "installs nothing" no_apt
fi
debian_chromium=1
if run "Debian chromium already there, not root, no sudo" 0 browser; then
  expect "installs nothing" no_apt
fi
debian_chromium=0
if run "not root, no sudo, no chromium" 1 browser; then
  expect "says what to install and how" tells_what_to_install
  expect "says why" has "no sudo"
  expect "runs no apt-get" no_apt
fi
if run "root, apt-get fails" 1 browser FAKE_UID=0 FAKE_APT_RC=100; then
  expect "says what to install and how" tells_what_to_install
  expect "says apt-get failed" has "apt-get failed"
fi
if run "root, apt-get installs nothing" 1 browser FAKE_UID=0 FAKE_APT_CREATES=0; then
  expect "says chromium is still missing" has "still no"
fi
ln -s "$tools/sudo.stub" "$tools/sudo"
if run "not root, with sudo, apt-get works" 0 browser; then
  expect "installs through sudo" with_sudo
fi
if run "not root, with sudo, apt-get fails" 1 browser FAKE_APT_RC=100; then
  expect "says what to install and how" tells_what_to_install
fi
rm "$tools/sudo"
if run "test mode stops at the missing browser before any other install" 1 test; then
  expect "says what to install and how" tells_what_to_install
  expect "goes no further" eval '! has "adding the wasm32" && ! has "installing trunk"'
fi
if run "test mode with CHROME_PATH skips apt" 127 test CHROME_PATH="$chrome"; then
  # It goes on to the build tools, which this PATH lacks (rustup: exit 127): apt was never run.
  expect "installs no browser" no_apt
fi
if run "unknown mode" 2 chromium; then :; fi

if [ "$fail" -eq 0 ]; then echo "setup browser: $passed checks passed"; fi
exit "$fail"
