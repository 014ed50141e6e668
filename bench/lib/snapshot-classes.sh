# Sourced by the benches that start child JVMs (kill9.sh, fulldisk.sh): compiles the tests, then copies the
# classes into bench-data/NAME-classes so a later build cannot change them under the running trials, and sets
# $cp to that copy plus the test-scope dependencies. Needs $here and $data set; usage: snapshot_classes NAME
snapshot_classes() {
  mvn -q -B -o test-compile
  mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$data/$1.cp" -Dmdep.includeScope=test >/dev/null
  rm -rf "$data/$1-classes" && mkdir -p "$data/$1-classes"
  cp -r "$here/target/classes" "$data/$1-classes/main" && cp -r "$here/target/test-classes" "$data/$1-classes/test"
  cp="$data/$1-classes/test:$data/$1-classes/main:$(cat "$data/$1.cp")"
}
