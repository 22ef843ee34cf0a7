#!/bin/sh
# test.sh: installs what the build and the tests need, then runs the whole
# test suite (unit, command, corpus and hostile-input tests, then the same
# again under AddressSanitizer and UndefinedBehaviorSanitizer).
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh test
make -j2 check
