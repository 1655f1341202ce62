#!/usr/bin/env python3
"""Lay out a Hugo project that builds the same site as a pepgen project (benchmark input prep).

From the pepgen project PROJECT (as written by gen_data.py) and the skeleton bench/hugo/
(config.toml + layouts/), writes HUGODIR with:
  data/lsp.json, data/meta.json, data/penilaian/<periode>.json   byte-for-byte copies
  data/indikator.json      indicator catalogue (kode, kelompok, judul, skor_maks) derived from
                           content/indikator/*.md front matter, plus the group labels
  content/_index.md        copy of content/beranda.md
  content/panduan/*.md     copies of content/panduan/*.md (+ _index.md); the category thresholds
                           are read by the templates from indeks-kinerja.md's front matter
  content/lsp/<id>.md      stub: front matter with the LSP id only (Hugo 0.111 has no content adapters)
  content/kategori/<periode>.md   stub: front matter with the period only
  static/assets/style.css  the theme's stylesheet
No IK, category, rank or total is computed here: the templates do that from the data files.
"""
import argparse
import json
import os
import re
import shutil
import sys

GROUPS = [("masukan", "Masukan", "Input"), ("proses", "Proses", "Activities"),
          ("keluaran", "Keluaran", "Output"), ("hasil", "Hasil", "Outcome"), ("dampak", "Dampak", "Impact")]


def unquote(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        return v[1:-1]
    return v


def indicators(project):
    d = os.path.join(project, "content", "indikator")
    out = []
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".md"):
            continue
        fm = open(os.path.join(d, fn), encoding="utf-8").read().split("---", 2)[1]
        kv = {}
        for line in fm.splitlines():
            m = re.match(r"^([a-z_]+):\s*(.*)$", line)
            if m:
                kv[m.group(1)] = unquote(m.group(2))
        out.append({"kode": kv["kode"], "kelompok": kv["kelompok"], "judul": kv["judul"],
                    "skor_maks": int(kv["skor_maks"])})
    order = {g[0]: i for i, g in enumerate(GROUPS)}
    out.sort(key=lambda x: (order.get(x["kelompok"], 9), x["kode"]))
    return out


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--project", required=True, help="pepgen project directory (from gen_data.py)")
    ap.add_argument("--skeleton", required=True, help="bench/hugo (config.toml, layouts/)")
    ap.add_argument("--out", required=True, help="Hugo project directory to create (must not exist)")
    a = ap.parse_args()
    if os.path.exists(a.out):
        sys.exit(f"gen_hugo: {a.out} already exists")
    P, H = a.project, a.out
    shutil.copytree(a.skeleton, H)

    # data/
    os.makedirs(os.path.join(H, "data", "penilaian"))
    for fn in ("lsp.json", "meta.json"):
        shutil.copy(os.path.join(P, "data", fn), os.path.join(H, "data", fn))
    periods = []
    for fn in sorted(os.listdir(os.path.join(P, "data", "penilaian"))):
        if fn.endswith(".json"):
            shutil.copy(os.path.join(P, "data", "penilaian", fn), os.path.join(H, "data", "penilaian", fn))
            periods.append(fn[:-5])
    cat = {"indikator": indicators(P),
           "kelompok": [{"kode": k, "label": l, "gloss": g} for k, l, g in GROUPS]}
    write(os.path.join(H, "data", "indikator.json"), json.dumps(cat, ensure_ascii=False, indent=2) + "\n")

    # content/
    os.makedirs(os.path.join(H, "content"), exist_ok=True)
    shutil.copy(os.path.join(P, "content", "beranda.md"), os.path.join(H, "content", "_index.md"))
    shutil.copytree(os.path.join(P, "content", "panduan"), os.path.join(H, "content", "panduan"))
    write(os.path.join(H, "content", "panduan", "_index.md"), '---\njudul: "Panduan"\n---\n')
    write(os.path.join(H, "content", "lsp", "_index.md"), '---\njudul: "Daftar LSP"\n---\n')
    write(os.path.join(H, "content", "kategori", "_index.md"), '---\njudul: "Kategori"\n---\n')
    with open(os.path.join(P, "data", "lsp.json"), encoding="utf-8") as f:
        ids = [l["id"] for l in json.load(f)["lsp"]]
    for i in ids:
        write(os.path.join(H, "content", "lsp", i + ".md"), f"---\nlsp: {i}\n---\n")
    for p in periods:
        write(os.path.join(H, "content", "kategori", p + ".md"), f'---\nperiode: "{p}"\n---\n')

    # static/
    os.makedirs(os.path.join(H, "static", "assets"))
    shutil.copy(os.path.join(P, "themes", "default", "assets", "style.css"),
                os.path.join(H, "static", "assets", "style.css"))
    print(f"gen_hugo: {len(ids)} LSP stubs, {len(periods)} round stubs -> {H}")


if __name__ == "__main__":
    main()
