#!/usr/bin/env python3
"""Checks the gold paragraph alignments of the sample posts and prints them for eyeballing.

Usage (from the repository root):

    python3 sample-projects/gold/check.py            # check every gold file, print every bead
    python3 sample-projects/gold/check.py --quiet    # check only, print a summary line per file
    python3 sample-projects/gold/check.py --counts   # print paragraph counts of every post

Paragraph rule (see README.md in this folder): the body after the front matter is cut into blocks at
blank lines; inside a block every line that starts with a list marker ("- ", "* ", "+ ", "1. ")
starts a paragraph of its own, any other line continues the current paragraph. So a list counts one
paragraph per item, a block of signatory lines without markers counts as one paragraph.

Checks: every post has front matter with title, tags (a list), author, category, date, lang; the
language versions of a statement share the id; the first paragraphs of each post are links, one per
other version, titled with that version's title and pointing to its permalink; every gold file covers
every paragraph of both sides exactly once, in order (a monotone chain of beads). Exit code 1 on any
failure.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
POSTS = os.path.join(HERE, "..", "posts")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
LINK_PARA = re.compile(r"^\[(?P<title>.+)\]\((?P<url>/[^)\s]*)\)$")
PERMALINK = {"en": "/statements/{y}/{m}/{d}/{slug}",
             "ru": "/ru/statements/{y}/{m}/{d}/{slug}",
             "pt": "/pt/declaracoes/{y}/{m}/{d}/{slug}"}
REQUIRED = ("title", "tags", "author", "category", "date", "lang")


def read_post(path):
    """Returns (front matter dict, list of paragraphs) of a Jekyll post."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise ValueError(f"{path}: no front matter")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    front = parse_front_matter("\n".join(lines[1:end]), path)
    return front, split_paragraphs(lines[end + 1:])


def parse_front_matter(raw, path):
    try:
        import yaml  # PyYAML, if present, parses it properly
        data = yaml.safe_load(raw)
    except ImportError:
        data = {}
        key = None
        for line in raw.split("\n"):
            if line.startswith("  - ") and key:
                data.setdefault(key, []).append(line[4:].strip())
            elif ":" in line:
                key, _, value = line.partition(":")
                value = value.strip()
                if value.startswith("[") and value.endswith("]"):
                    value = [v.strip() for v in value[1:-1].split(",")]
                elif len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
                    value = value[1:-1]
                data[key.strip()] = value if value != "" else None
    for k in REQUIRED:
        if k not in data or data[k] in (None, ""):
            raise ValueError(f"{path}: front matter lacks '{k}'")
    if not isinstance(data["tags"], list):
        raise ValueError(f"{path}: tags is not a list")
    return data


def split_paragraphs(lines):
    paras, current = [], []
    for line in lines + [""]:
        if not line.strip():
            if current:
                paras.append("\n".join(current))
                current = []
        elif LIST_MARKER.match(line):
            if current:
                paras.append("\n".join(current))
            current = [line]
        else:
            current.append(line)
    return paras


def load_statements():
    """{statement id: {lang: (front, paragraphs)}}"""
    out = {}
    for lang in sorted(os.listdir(POSTS)):
        folder = os.path.join(POSTS, lang)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md"):
                sid = name[:-3]
                out.setdefault(sid, {})[lang] = read_post(os.path.join(folder, name))
    return out


def permalink(lang, sid):
    y, m, d, slug = sid.split("-", 3)
    return PERMALINK[lang].format(y=y, m=m, d=d, slug=slug)


def check_links(sid, versions, errors):
    for lang, (front, paras) in versions.items():
        if not re.match(r"^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$", sid):
            errors.append(f"{sid}: not a Jekyll date-slug id")
        if str(front["lang"]).split("-")[0] != lang:
            errors.append(f"{sid}/{lang}: front matter lang is {front['lang']}")
        others = [o for o in versions if o != lang]
        targets = {}
        for p in paras[:len(others)]:
            m = LINK_PARA.match(p)
            if not m:
                errors.append(f"{sid}/{lang}: expected a link paragraph, got {p[:60]!r}")
                continue
            targets[m.group("url")] = m.group("title")
        for o in others:
            url = permalink(o, sid)
            if url not in targets:
                errors.append(f"{sid}/{lang}: no link to {url}")
            elif targets[url] != versions[o][0]["title"]:
                errors.append(f"{sid}/{lang}: link title {targets[url]!r} is not the {o} title")


def read_gold(path):
    beads = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                raise ValueError(f"{path}:{n}: expected two tab-separated fields")
            beads.append(tuple([int(x) for x in part.split(",")] if part else [] for part in parts))
    return beads


def check_gold(beads, n_src, n_tgt, name, errors):
    next_s = next_t = 0
    for s, t in beads:
        if not s and not t:
            errors.append(f"{name}: empty bead")
        for side, idxs, expected in (("source", s, next_s), ("target", t, next_t)):
            if idxs and idxs != list(range(expected, expected + len(idxs))):
                errors.append(f"{name}: bead {s}:{t} breaks the {side} order (expected {expected})")
        next_s += len(s)
        next_t += len(t)
    if next_s != n_src or next_t != n_tgt:
        errors.append(f"{name}: beads cover {next_s}/{n_src} source and {next_t}/{n_tgt} target paragraphs")


def clip(text, width):
    text = text.replace("\n", " | ")
    return text if len(text) <= width else text[:width - 1] + "…"


def main(argv):
    quiet = "--quiet" in argv
    statements = load_statements()
    errors = []
    if "--counts" in argv:
        for sid, versions in sorted(statements.items()):
            print(sid, " ".join(f"{lang}={len(v[1])}" for lang, v in sorted(versions.items())))
        return 0
    for sid, versions in sorted(statements.items()):
        check_links(sid, versions, errors)
    for name in sorted(os.listdir(HERE)):
        if not name.endswith(".tsv"):
            continue
        sid, pair = name[:-4].rsplit(".", 1)
        src, tgt = pair.split("-")
        if sid not in statements or src not in statements[sid] or tgt not in statements[sid]:
            errors.append(f"{name}: no such statement or language version")
            continue
        sp, tp = statements[sid][src][1], statements[sid][tgt][1]
        beads = read_gold(os.path.join(HERE, name))
        check_gold(beads, len(sp), len(tp), name, errors)
        kinds = {}
        for s, t in beads:
            kinds[f"{len(s)}:{len(t)}"] = kinds.get(f"{len(s)}:{len(t)}", 0) + 1
        print(f"== {name}: {len(sp)} {src} / {len(tp)} {tgt} paragraphs, {len(beads)} beads, "
              + ", ".join(f"{k}×{v}" for k, v in sorted(kinds.items())))
        if quiet:
            continue
        for s, t in beads:
            mark = "  " if len(s) == len(t) == 1 else "**"
            rows = max(len(s), len(t))
            for r in range(rows):
                left = f"{s[r]:>2} {clip(sp[s[r]], 58)}" if r < len(s) else ""
                right = f"{t[r]:>2} {clip(tp[t[r]], 58)}" if r < len(t) else ""
                print(f"{mark if r == 0 else '  '} {left:<62} ‖ {right}")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
