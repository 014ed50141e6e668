#!/bin/sh
# Rebuilds the bundled sample project sample-projects/demo from the posts in sample-projects/posts,
# through the same CLI a user runs. Needs the jar: mvn -DskipTests package
set -e
here=$(cd "$(dirname "$0")" && pwd)
d="$here/../bin/diptych"
out="$here/demo"
rm -rf "$out"
"$d" new "$out" --name "Solidarity from Below — sample" --languages ru,en,pt
for lang in ru en pt; do
  for f in "$here"/posts/$lang/*.md; do
    id=$(basename "$f" .md)
    "$d" import --project "$out" --statement "$id" --lang "$lang" "$f"
  done
done
"$d" site --project "$out" --lang ru --url '/ru/statements/:year/:month/:day/:slug' --path 'ru/_posts/:year-:month-:day-:slug.md'
"$d" site --project "$out" --lang en --url '/statements/:year/:month/:day/:slug' --path 'en/_posts/:year-:month-:day-:slug.md'
"$d" site --project "$out" --lang pt --url '/pt/declaracoes/:year/:month/:day/:slug' --path 'pt/_posts/:year-:month-:day-:slug.md'
for id in $(ls "$out/statements"); do
  for tgt in en pt; do
    if [ -d "$out/statements/$id/$tgt" ]; then
      "$d" align --project "$out" --statement "$id" --source-lang ru --target-lang "$tgt" --no-tm
    fi
  done
done
rm -rf "$out/backups"
echo "Sample project written to $out"
