# Sourced by the scripts/bench-* that run a benchmark class from a module's test sources.
# bench_classpath MODULE (run from the project root): compiles MODULE (and what it needs) with its
# tests in one reactor run and prints its test classpath: test classes, classes, then the test-scope
# dependencies, as absolute paths. Fails when the build does (callers assign it under set -e).
# (Debian's Maven 3.8 prints bare colour resets even when quiet; they are kept off stderr.)
bench_classpath() {
  local module="$1" target="$PWD/$1/target" deps
  { mvn -q -B -Dstyle.color=never -DskipTests -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath -Dmdep.includeScope=test >/dev/null; } 2>&1 | sed 's/\x1b\[0m//g' >&2 \
    || return
  deps="$(cat "$target/bench-classpath")" || return
  echo "$target/test-classes:$target/classes:$deps"
}
