#!/usr/bin/env bash
# Regenerates po/coldcheck.pot from the sources and merges it into po/zh_CN.po.
# Optional: a .po file of new translations to fold in first (msgcat --use-first).
set -euo pipefail
cd "$(dirname "$0")/.."
xgettext --language=C++ --from-code=UTF-8 --keyword=N_ --keyword=tr:1 --keyword=t:1 \
  --add-comments=TRANSLATORS: --sort-by-file --package-name=coldcheck \
  -o po/coldcheck.pot src/findings/*.cpp src/i18n/ui_strings.cpp src/app/*.cpp src/checks/*.cpp src/cli/*.cpp src/store/*.cpp src/service/*.cpp
xgettext --language=C++ --from-code=UTF-8 --extract-all --join-existing --sort-by-file \
  --package-name=coldcheck -o po/coldcheck.pot src/render/labels.hpp src/render/device_words.hpp
tmp=$(mktemp)
if [ $# -gt 0 ]; then msgcat --use-first -o "$tmp" po/zh_CN.po "$@"; else cp po/zh_CN.po "$tmp"; fi
msgmerge -q --no-fuzzy-matching -o po/zh_CN.po "$tmp" po/coldcheck.pot
msgattrib --no-obsolete -o po/zh_CN.po po/zh_CN.po
rm -f "$tmp" po/zh_CN.po~
msgfmt --check --statistics -o /dev/null po/zh_CN.po
