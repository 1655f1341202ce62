#!/usr/bin/env python3
"""Check that the Hugo site says the same thing as the pepgen site, and describe both outputs.

Equivalence (exit 1 and "equivalence: FAILED" on any difference):
  * scorecards lsp/<id>/index.html: headline IK, and every history row (period, IK, category,
    rank "x dari n", change text), for --sample LSPs (0 = all);
  * category pages kategori/<periode>/index.html, every round: the set of
    (category, rank, lsp, IK, change) rows and the list of incomplete sheets;
  * both are also checked against an independent computation in this script, from the data files.
Then prints a per-kind table of page counts and bytes for both outputs.
"""
import argparse
import html
import json
import os
import re
import sys

HIST_RE = re.compile(
    r'<tr[^>]*><th scope="row"><a href="[^"]*">([^<]+)</a></th><td[^>]*>[^<]*</td><td class="nowrap"[^>]*>[^<]*</td>'
    r'<td class="num"[^>]*>([^<]*)</td><td[^>]*><span class="badge [^"]*">([^<]*)</span>\s*</td><td[^>]*>([^<]*)</td>'
    r'<td[^>]*>(.*?)</td></tr>')
IKV_RE = re.compile(r'<span class="ik-value">(\d+)</span>')
SECTION_RE = re.compile(r'<section aria-labelledby="([a-z0-9-]+)"')
CATROW_RE = re.compile(
    r'<tr[^>]*>(?:<td class="num"[^>]*>([^<]+)</td>)?<th scope="row"><a href="[^"]*lsp/([^/"]+)/index\.html">[^<]*</a></th>'
    r'.*?<td class="num"[^>]*>(\d+)</td><td[^>]*>(.*?)</td></tr>')
INCOMPLETE_RE = re.compile(r'<li><a href="[^"]*lsp/([^/"]+)/index\.html">[^<]*</a>: belum dinilai ([^<]*)</li>')
TAG_RE = re.compile(r"<[^>]+>")
# The change cell may carry extra notes (e.g. pepgen flags an expired licence); compare the change itself.
CHANGE_RE = re.compile(r"penilaian pertama|(?:[+−]\d[\d.]*|0) dibanding [a-z0-9-]+"
                       r"(?:, (?:naik kategori|turun kategori|kategori tetap))?|–")


def change_core(s):
    m = CHANGE_RE.search(s)
    return m.group(0) if m else s


def norm(s):
    return " ".join(html.unescape(TAG_RE.sub("", s)).replace("▲", "").replace("▼", "").split())


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def history(text):
    i = text.find('id="riwayat"')
    if i < 0:
        return None
    j = text.find("</section>", i)
    rows = []
    for m in HIST_RE.finditer(text[i:j]):
        r = [norm(x) for x in m.groups()]
        r[4] = change_core(r[4])
        rows.append(tuple(r))
    return rows


def headline(text):
    m = IKV_RE.search(text)
    return m.group(1) if m else None


def category_page(text, keys):
    rows, cur = set(), None
    # split into category sections; rows belong to the last opened known section
    pos = [(m.start(), m.group(1)) for m in SECTION_RE.finditer(text)]
    for k, (start, key) in enumerate(pos):
        end = pos[k + 1][0] if k + 1 < len(pos) else len(text)
        if key not in keys:
            continue
        for m in CATROW_RE.finditer(text[start:end]):
            # An incidental round's table has no rank column: its rows are unranked.
            rows.add((key, norm(m.group(1) or "–"), m.group(2), m.group(3), change_core(norm(m.group(4)))))
    inc = sorted((m.group(1), norm(m.group(2))) for m in INCOMPLETE_RE.finditer(text))
    return rows, inc


def fmt_int(n):
    return f"{n:,}".replace(",", ".")


def reference(project):
    """Independent computation from the data files: per round, lsp -> (ik, catname, rank text)."""
    inds, cats = [], []
    for fn in sorted(os.listdir(os.path.join(project, "content", "indikator"))):
        fm = read(os.path.join(project, "content", "indikator", fn)).split("---", 2)[1]
        inds.append(re.search(r"^kode:\s*(\S+)", fm, re.M).group(1))
    fm = read(os.path.join(project, "content", "panduan", "indeks-kinerja.md")).split("---", 2)[1]
    for m in re.finditer(r"nama:\s*([^,\n}]+?)\s*,?\s*\n?\s*min:\s*(\d+),?\s*\n?\s*maks:\s*(\d+)", fm):
        cats.append((m.group(1).strip().strip('"'), int(m.group(2)), int(m.group(3))))
    out = {}
    d = os.path.join(project, "data", "penilaian")
    for fn in sorted(os.listdir(d)):
        r = json.loads(read(os.path.join(d, fn)))
        res = {}
        iks = []
        for h in r["hasil"]:
            sc = [h["skor"].get(c) for c in inds]
            if any(v is None for v in sc):
                res[h["lsp"]] = None
            else:
                ik = sum(sc)
                iks.append(ik)
                res[h["lsp"]] = ik
        iks.sort(reverse=True)
        first = {}
        for i, v in enumerate(iks):
            first.setdefault(v, i + 1)
        rr = {}
        for lsp, ik in res.items():
            if ik is None:
                rr[lsp] = ("belum lengkap", "Belum lengkap", "–")
            else:
                cat = next((c[0] for c in cats if c[1] <= ik <= c[2]), "?")
                # Incidental rounds are not ranked (a follow-up of a few LSPs).
                rank = f"{fmt_int(first[ik])} dari {fmt_int(len(iks))}" if r.get("jenis", "rutin") == "rutin" else "–"
                rr[lsp] = (str(ik), cat, rank)
        out[r["periode"]] = rr
    return out, len(cats)


def kinds(root):
    """kind -> [files, bytes]. Pages are grouped by path pattern: a directory that holds its own
    index.html and has more than two sibling directories is a variable part, shown as <x>."""
    subdirs = {}

    def nsub(d):
        if d not in subdirs:
            subdirs[d] = sum(1 for e in os.scandir(d) if e.is_dir())
        return subdirs[d]

    out = {}
    for dp, _dn, fns in os.walk(root):
        rel_dir = os.path.relpath(dp, root)
        parts = [] if rel_dir == "." else rel_dir.split(os.sep)
        pattern = []
        for i, comp in enumerate(parts):
            here = os.path.join(root, *parts[:i + 1])
            parent = os.path.join(root, *parts[:i]) if i else root
            variable = i > 0 and os.path.exists(os.path.join(here, "index.html")) and nsub(parent) > 2
            pattern.append("<x>" if variable else comp)
        for fn in fns:
            p = os.path.join(dp, fn)
            if fn.startswith(".pepgen"):
                k = "(manifest)"
            elif fn == "index.html":
                k = "/".join(pattern + [fn]) if pattern else "index.html (home)"
            else:
                ext = fn.rsplit(".", 1)[-1] if "." in fn else fn
                k = "/".join(pattern + ["*." + ext]) if pattern else fn
            e = out.setdefault(k, [0, 0])
            e[0] += 1
            e[1] += os.path.getsize(p)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--project", required=True)
    ap.add_argument("--pepgen", required=True, help="pepgen output directory")
    ap.add_argument("--hugo", required=True, help="Hugo output directory")
    ap.add_argument("--sample", type=int, default=0, help="scorecards to compare (0 = all)")
    a = ap.parse_args()

    lsps = [l["id"] for l in json.loads(read(os.path.join(a.project, "data", "lsp.json")))["lsp"]]
    if a.sample and a.sample < len(lsps):
        step = len(lsps) / a.sample
        lsps = sorted({lsps[int(i * step)] for i in range(a.sample)} | {lsps[-1]})
    ref, ncat = reference(a.project)
    problems = []

    def problem(msg):
        if len(problems) < 20:
            problems.append(msg)
        else:
            problems.append(None)

    hist_rows = 0
    for lid in lsps:
        pt = read(os.path.join(a.pepgen, "lsp", lid, "index.html"))
        ht = read(os.path.join(a.hugo, "lsp", lid, "index.html"))
        ph, hh = history(pt), history(ht)
        expected = sorted((p, *rr[lid]) for p, rr in ref.items() if lid in rr)
        if ph is None or (expected and not ph):
            problem(f"{lid}: cannot find the history table in pepgen's page (template changed?)")
            continue
        if ph != hh:
            diff = [(x, y) for x, y in zip(ph, hh) if x != y][:2]
            problem(f"{lid}: history differs ({len(ph)} vs {len(hh)} rows)" +
                    "".join(f"\n    pepgen: {x}\n    hugo:   {y}" for x, y in diff))
        got = sorted((r[0], r[1], r[2], r[3]) for r in ph)
        if got != expected:
            diff = [(x, y) for x, y in zip(got, expected) if x != y][:2]
            problem(f"{lid}: pepgen history differs from the reference computation ({len(got)} vs {len(expected)} rows)" +
                    "".join(f"\n    pepgen: {x}\n    ref:    {y}" for x, y in diff))
        if headline(pt) != headline(ht):
            problem(f"{lid}: headline IK pepgen {headline(pt)} vs hugo {headline(ht)}")
        hist_rows += len(ph)

    keys = None
    cat_rows = 0
    for period in sorted(ref):
        pp = os.path.join(a.pepgen, "kategori", period, "index.html")
        hp = os.path.join(a.hugo, "kategori", period, "index.html")
        if not os.path.exists(pp) or not os.path.exists(hp):
            problem(f"kategori/{period}: page missing (pepgen {os.path.exists(pp)}, hugo {os.path.exists(hp)})")
            continue
        pt, ht = read(pp), read(hp)
        if keys is None:
            keys = [k for k in dict.fromkeys(m.group(1) for m in SECTION_RE.finditer(pt)) if k != "belum-lengkap"][:ncat]
        prow, pinc = category_page(pt, keys)
        hrow, hinc = category_page(ht, keys)
        n_complete = sum(1 for v in ref[period].values() if v[0] != "belum lengkap")
        if len(prow) != n_complete:
            problem(f"kategori/{period}: pepgen lists {len(prow)} ranked LSPs, reference has {n_complete}")
        if prow != hrow:
            d1, d2 = sorted(prow - hrow)[:3], sorted(hrow - prow)[:3]
            problem(f"kategori/{period}: rows differ ({len(prow ^ hrow)} rows)\n    only pepgen: {d1}\n    only hugo:   {d2}")
        if pinc != hinc:
            problem(f"kategori/{period}: incomplete lists differ: pepgen {pinc[:3]} hugo {hinc[:3]}")
        cat_rows += len(prow)

    print(f"  compared {len(lsps)} scorecards ({hist_rows} history rows: IK, category, rank, change; headline IK)")
    print(f"  compared {len(ref)} category pages ({cat_rows} ranked rows: category, rank, LSP, IK, change; incomplete lists)")
    print(f"  both checked against an independent IK/category/rank computation from the data files")

    pk, hk = kinds(a.pepgen), kinds(a.hugo)
    print(f"  {'output kind':<34}{'pepgen files':>13}{'pepgen bytes':>15}{'hugo files':>12}{'hugo bytes':>15}")
    for k in sorted(set(pk) | set(hk)):
        p, h = pk.get(k, [0, 0]), hk.get(k, [0, 0])
        print(f"  {k:<34}{p[0]:>13}{p[1]:>15,}{h[0]:>12}{h[1]:>15,}")
    tp = [sum(v[0] for v in pk.values()), sum(v[1] for v in pk.values())]
    th = [sum(v[0] for v in hk.values()), sum(v[1] for v in hk.values())]
    print(f"  {'TOTAL':<34}{tp[0]:>13}{tp[1]:>15,}{th[0]:>12}{th[1]:>15,}")
    both = [k for k in pk if k in hk]
    sp = [sum(pk[k][0] for k in both), sum(pk[k][1] for k in both)]
    sh = [sum(hk[k][0] for k in both), sum(hk[k][1] for k in both)]
    print(f"  {'kinds both build (same pages)':<34}{sp[0]:>13}{sp[1]:>15,}{sh[0]:>12}{sh[1]:>15,}")

    if problems:
        for p in problems:
            if p is None:
                print("  ... (more differences)")
                break
            print("  DIFF " + p)
        print("equivalence: FAILED")
        sys.exit(1)
    print("equivalence: OK")


if __name__ == "__main__":
    main()
