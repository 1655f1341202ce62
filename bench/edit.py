#!/usr/bin/env python3
"""One edit of the kind a team makes between builds, on a bench project; prints what it changed.

  edit.py score PROJECT ROUND_FILE [--out PATH]
                                     one score of one complete sheet, +1 (or -1 at the maximum);
                                     with --out the edited file is written to PATH, for the caller to
                                     save over ROUND_FILE in one step (bench step 7 times from that save)
  edit.py rename PROJECT             one LSP's name in data/lsp.json
  edit.py category PROJECT           the description of one category in the category table
  edit.py template PROJECT           a comment appended to the round page template
"""
import json
import os
import re
import sys


def score(project, path, out=None):
    r = json.load(open(path, encoding="utf-8"))
    fm = open(os.path.join(project, "content", "indikator", "M01.md"), encoding="utf-8").read()
    mx = int(re.search(r"^skor_maks:\s*(\d+)", fm, re.M).group(1))
    for h in r["hasil"]:
        v = h["skor"].get("M01")
        if v is not None and len(h["skor"]) >= 27 and None not in h["skor"].values():
            h["skor"]["M01"] = v + 1 if v < mx else v - 1
            with open(out or path, "w", encoding="utf-8") as f:
                json.dump(r, f, ensure_ascii=False, indent=2)
                f.write("\n")
            return f'{os.path.basename(path)}: {h["lsp"]} M01 {v} -> {h["skor"]["M01"]}'
    sys.exit("edit.py: no complete sheet in " + path)


def rename(project):
    path = os.path.join(project, "data", "lsp.json")
    reg = json.load(open(path, encoding="utf-8"))
    lsp = reg["lsp"][len(reg["lsp"]) // 2]
    old = lsp["nama"]
    lsp["nama"] = old + " (nama baru)"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(reg, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return f'data/lsp.json: {lsp["id"]} "{old}" -> "{lsp["nama"]}"'


def category(project):
    path = os.path.join(project, "content", "panduan", "indeks-kinerja.md")
    text = open(path, encoding="utf-8").read()
    m = re.search(r'kondisi: "([^"]*)"', text)
    if not m:
        sys.exit("edit.py: no category description in " + path)
    text = text[: m.start(1)] + m.group(1) + " (diperbarui)" + text[m.end(1):]
    open(path, "w", encoding="utf-8").write(text)
    return "content/panduan/indeks-kinerja.md: first category's description changed"


def template(project):
    path = os.path.join(project, "themes", "default", "templates", "round.mustache")
    with open(path, "a", encoding="utf-8") as f:
        f.write("<!-- bench -->\n")
    return "themes/default/templates/round.mustache: a comment appended"


def guide(project):
    # A sentence of guidance corrected: the commonest edit to content/ between rounds.
    path = os.path.join(project, "content", "panduan", "dasar-hukum.md")
    with open(path, "a", encoding="utf-8") as f:
        f.write("\nKalimat tambahan untuk bench.\n")
    return "content/panduan/dasar-hukum.md: a sentence appended"


if __name__ == "__main__":
    kind, project = sys.argv[1], sys.argv[2]
    if kind == "score":
        out = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--out" else None
        print(score(project, sys.argv[3], out))
    else:
        print({"rename": rename, "category": category, "template": template, "guide": guide}[kind](project))
