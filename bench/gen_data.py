#!/usr/bin/env python3
"""Synthetic pepgen project generator (benchmark input).

Writes a complete pepgen project directory:
  content/, themes/ (and pepgen.yaml, data/statistik/ if present) copied from the repo,
  data/meta.json (data_contoh: true), data/lsp.json, data/penilaian/<periode>.json.

N fictional LSPs (lsp-sintetis-00001 ...) x R routine rounds (2021-1, 2021-2, 2022-1, ...),
plus K optional incidental rounds (<year>-i1 ...) covering a small subset of LSPs.

Score model: each LSP has a latent quality level q (roughly normal around 0.72, so all four
categories are populated) and a fixed per-indicator bias; q drifts a little from round to round.
Each score = round(max * (q + bias + noise)), clamped to 0..max. About 3 % of sheets are
incomplete (1-3 indicators null or omitted); about 2 % of LSPs skip a given round; about 1 %
let their licence lapse during the series and are not assessed after it ends.

Deterministic: same arguments + seed -> same bytes. Standard library only.
"""
import argparse
import datetime
import json
import os
import random
import re
import shutil
import sys

PROVINCES = [
    ("Aceh", "Banda Aceh"), ("Sumatera Utara", "Medan"), ("Sumatera Barat", "Padang"),
    ("Riau", "Pekanbaru"), ("Jambi", "Jambi"), ("Sumatera Selatan", "Palembang"),
    ("Bengkulu", "Bengkulu"), ("Lampung", "Bandar Lampung"),
    ("Kepulauan Bangka Belitung", "Pangkalpinang"), ("Kepulauan Riau", "Tanjungpinang"),
    ("DKI Jakarta", "Jakarta Selatan"), ("Jawa Barat", "Bandung"), ("Jawa Tengah", "Semarang"),
    ("DI Yogyakarta", "Yogyakarta"), ("Jawa Timur", "Surabaya"), ("Banten", "Serang"),
    ("Bali", "Denpasar"), ("Nusa Tenggara Barat", "Mataram"), ("Nusa Tenggara Timur", "Kupang"),
    ("Kalimantan Barat", "Pontianak"), ("Kalimantan Tengah", "Palangka Raya"),
    ("Kalimantan Selatan", "Banjarmasin"), ("Kalimantan Timur", "Samarinda"),
    ("Kalimantan Utara", "Tanjung Selor"), ("Sulawesi Utara", "Manado"),
    ("Sulawesi Tengah", "Palu"), ("Sulawesi Selatan", "Makassar"),
    ("Sulawesi Tenggara", "Kendari"), ("Gorontalo", "Gorontalo"), ("Sulawesi Barat", "Mamuju"),
    ("Maluku", "Ambon"), ("Maluku Utara", "Sofifi"), ("Papua", "Jayapura"),
    ("Papua Barat", "Manokwari"), ("Papua Selatan", "Merauke"), ("Papua Tengah", "Nabire"),
    ("Papua Pegunungan", "Wamena"), ("Papua Barat Daya", "Sorong"),
]
# Weighted towards Java, like the real registry.
PROVINCE_WEIGHTS = [3 if p in ("DKI Jakarta", "Jawa Barat", "Jawa Tengah", "Jawa Timur", "Banten")
                    else 1 for p, _ in PROVINCES]

NAME_A = ["Konstruksi", "Jasa Konstruksi", "Teknik Sipil", "Bangunan Gedung", "Jalan dan Jembatan",
          "Sumber Daya Air", "Mekanikal Elektrikal", "Tata Lingkungan", "Geoteknik",
          "Manajemen Konstruksi", "Arsitektur", "Perkeretaapian", "Bangunan Hijau", "Tukang Terampil"]
NAME_B = ["Nusantara", "Indonesia", "Mandiri", "Profesional", "Wilayah Barat", "Wilayah Timur",
          "Wilayah Tengah", "Terpadu", "Berkelanjutan", "Utama", "Sejahtera", "Andalan"]
STREETS = ["Merpati", "Flamboyan", "Anggrek", "Kenanga", "Cendana", "Melati", "Rajawali", "Beringin",
           "Mahoni", "Cempaka", "Kutilang", "Jati"]
TEAM = [("Ir. Lukman Hakim Nasution", "Kementerian Pekerjaan Umum"),
        ("Dewi Lestari Handayani, S.T.", "Kementerian Pekerjaan Umum"),
        ("Yusuf Hadiprasetyo, S.E.", "BNSP"), ("Rina Puspitasari, M.T.", "BNSP"),
        ("Bambang Sutrisno, S.T., M.M.", "Kementerian Pekerjaan Umum"),
        ("Siti Nurhaliza Rahman, S.H.", "BNSP")]
NOTES_GOOD = ["Rekaman surveilans pemegang sertifikat lengkap dan mudah ditelusuri.",
              "Proses sertifikasi tertib dan **terdokumentasi dengan baik**.",
              "Kerja sama dengan asosiasi profesi aktif dan dibuktikan dengan MoU yang berlaku."]
NOTES_MID = ["Pelaksanaan asesmen umumnya sesuai pedoman, namun sebagian rekaman verifikasi TUK belum lengkap.",
             "Bukti tindak lanjut keluhan asesi belum terdokumentasi seluruhnya.",
             "Data keterserapan pemegang sertifikat belum dihimpun secara *berkala*."]
NOTES_LOW = ["Sebagian besar bukti **belum tersedia** saat penilaian.",
             "Sistem penjaminan mutu belum berjalan; kaji ulang manajemen tidak dilaksanakan.",
             "Jumlah asesor aktif tidak sebanding dengan ruang lingkup lisensi."]
RECS = ["Lakukan survei kepuasan pengguna jasa terhadap pemegang sertifikat.",
        "Publikasikan ringkasan kinerja tahunan LSP secara terbuka.",
        "Susun data keterserapan pemegang sertifikat pada proyek konstruksi.",
        "Lengkapi rekaman verifikasi TUK sebelum uji kompetensi.",
        "Tingkatkan frekuensi surveilans terhadap pemegang sertifikat.",
        "Perbarui materi uji kompetensi sesuai **SKKNI** terbaru."]
MONTHS_I = [(5, "Mei"), (6, "Juni")]      # routine semester I
MONTHS_II = [(11, "November"), (12, "Desember")]


def read_indicators(repo):
    """(code, group, max) from content/indikator/*.md front matter (top-level scalar keys)."""
    d = os.path.join(repo, "content", "indikator")
    out = []
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".md"):
            continue
        text = open(os.path.join(d, fn), encoding="utf-8").read()
        fm = text.split("---", 2)[1]
        kv = {}
        for line in fm.splitlines():
            m = re.match(r"^([a-z_]+):\s*(.*)$", line)
            if m:
                kv[m.group(1)] = m.group(2).strip()
        out.append((kv["kode"], kv["kelompok"], int(kv["skor_maks"])))
    order = {"masukan": 0, "proses": 1, "keluaran": 2, "hasil": 3, "dampak": 4}
    out.sort(key=lambda t: (order.get(t[1], 9), t[0]))
    return out


def copy_project_files(repo, out):
    for sub in ("content", "themes"):
        shutil.copytree(os.path.join(repo, sub), os.path.join(out, sub))
    # content/statistik embeds tables from data/statistik: copy them so content/ stays valid.
    st = os.path.join(repo, "data", "statistik")
    if os.path.isdir(st):
        shutil.copytree(st, os.path.join(out, "data", "statistik"))
    cfg = os.path.join(repo, "pepgen.yaml")
    if os.path.isfile(cfg):
        shutil.copy(cfg, os.path.join(out, "pepgen.yaml"))


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def gen_registry(rng, n, first_year, last_year):
    lsps = []
    for i in range(1, n + 1):
        ident = f"lsp-sintetis-{i:05d}"
        prov, city = rng.choices(PROVINCES, weights=PROVINCE_WEIGHTS)[0]
        jenis = rng.choices(["P1", "P2", "P3"], weights=[2, 1, 7])[0]
        prefix = {"P1": "Politeknik", "P2": "Balai", "P3": ""}[jenis]
        name = " ".join(x for x in ["LSP Sintetis", prefix, rng.choice(NAME_A), rng.choice(NAME_B), f"{i:05d}"] if x)
        # Licences run 5 years. Most LSPs hold a current licence (last renewed in the 4 years before
        # the newest round, so it covers every round); ~1 % let it lapse during the series and are
        # not assessed after it ends.
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        if rng.random() < 0.01 and last_year > first_year:
            end = datetime.date(rng.randint(first_year + 1, last_year), m, d)
            start = datetime.date(end.year - 5, m, d) + datetime.timedelta(days=1)
        else:
            start = datetime.date(rng.randint(last_year - 4, last_year - 1), m, d)
            end = datetime.date(start.year + 5, m, d) - datetime.timedelta(days=1)
        issued, until = start.isoformat(), end.isoformat()
        entry = {"id": ident, "nama": name, "jenis": jenis, "provinsi": prov,
                 "kota": city, "nomor_lisensi": f"BNSP-LSP-SINTETIS-{i:05d}-ID",
                 "lisensi_terbit": issued, "lisensi_berlaku_sampai": until,
                 "situs_web": f"https://{ident}.example",
                 "alamat": f"Jl. Sintetis {rng.choice(STREETS)} No. {rng.randint(1, 200)}, {city}"}
        # Optional fields sometimes empty/absent, as the README allows.
        r = rng.random()
        if r < 0.05:
            entry["situs_web"] = ""
        elif r < 0.08:
            del entry["alamat"]
        elif r < 0.10:
            entry["lisensi_terbit"] = ""
        lsps.append(entry)
    return lsps


def gen_rounds(rng, lsps, indicators, rounds, incidental, start_year):
    n_ind = len(indicators)
    # Per-LSP latent quality and fixed per-indicator bias.
    quality = {}
    bias = {}
    for l in lsps:
        quality[l["id"]] = clamp(rng.gauss(0.72, 0.11), 0.30, 0.98)
        bias[l["id"]] = [rng.gauss(0.0, 0.07) for _ in range(n_ind)]

    # Routine periods: start_year-1, start_year-2, start_year+1-1, ...
    periods = []
    for k in range(rounds):
        year = start_year + k // 2
        sem = k % 2 + 1
        month, _ = rng.choice(MONTHS_I if sem == 1 else MONTHS_II)
        day = rng.randint(2, 27)
        periods.append({"periode": f"{year}-{sem}", "jenis": "rutin", "tanggal": f"{year:04d}-{month:02d}-{day:02d}",
                        "judul": f"Penilaian Rutin Semester {'I' if sem == 1 else 'II'} Tahun {year}",
                        "year": year, "sem": sem, "idx": k})
    # Incidental rounds: between two routine rounds (August/September of a year), numbered per year.
    inc = []
    years = sorted({p["year"] for p in periods})
    per_year = {}
    for j in range(incidental):
        year = years[(j * 2 + 1) % len(years)] if years else start_year
        per_year[year] = per_year.get(year, 0) + 1
        num = per_year[year]
        inc.append({"periode": f"{year}-i{num}", "jenis": "insidental",
                    "tanggal": f"{year:04d}-{8 + (num - 1) % 2:02d}-{rng.randint(2, 27):02d}",
                    "judul": f"Pemantauan Insidental {num} Tahun {year}", "year": year, "sem": 0, "idx": None})

    out = []
    for p in sorted(periods + inc, key=lambda p: (p["tanggal"], p["periode"])):
        team = [{"nama": nm, "instansi": ag} for nm, ag in rng.sample(TEAM, 3)]
        if p["jenis"] == "rutin":
            # Drift every LSP's quality a little before each routine round (slight upward trend).
            for l in lsps:
                quality[l["id"]] = clamp(quality[l["id"]] + rng.gauss(0.004, 0.015), 0.25, 0.99)
            members = [l for l in lsps if rng.random() >= 0.02 and l["lisensi_berlaku_sampai"] >= p["tanggal"]]
        else:
            k = max(1, len(lsps) // 50)
            members = sorted((l for l in rng.sample(lsps, k) if l["lisensi_berlaku_sampai"] >= p["tanggal"]),
                             key=lambda l: l["id"])
        hasil = []
        for l in members:
            q = quality[l["id"]]
            b = bias[l["id"]]
            skor = {}
            for i, (code, _group, mx) in enumerate(indicators):
                v = q + b[i] + rng.gauss(0.0, 0.06)
                skor[code] = int(clamp(round(mx * v), 0, mx))
            if rng.random() < 0.03:  # incomplete sheet
                for code in rng.sample([c for c, _, _ in indicators], rng.randint(1, 3)):
                    if rng.random() < 0.5:
                        skor[code] = None
                    else:
                        del skor[code]
            notes = NOTES_GOOD if q > 0.8 else NOTES_MID if q > 0.6 else NOTES_LOW
            recs = rng.sample(RECS, rng.randint(0, 3 if q < 0.8 else 1))
            hasil.append({"lsp": l["id"], "skor": skor, "catatan": rng.choice(notes), "rekomendasi": recs})
        out.append({"periode": p["periode"], "jenis": p["jenis"], "tanggal": p["tanggal"],
                    "judul": p["judul"], "tim": team, "hasil": hasil})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repo", required=True, help="pepgen repository (source of content/ and themes/)")
    ap.add_argument("--out", required=True, help="project directory to create (must not exist)")
    ap.add_argument("--lsps", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=10, help="routine rounds")
    ap.add_argument("--incidental", type=int, default=2, help="extra incidental rounds (subset of LSPs)")
    ap.add_argument("--start-year", type=int, default=2021)
    ap.add_argument("--seed", type=int, default=20240601)
    a = ap.parse_args()
    if a.lsps < 1 or a.lsps > 99999 or a.rounds < 1 or a.incidental < 0:
        sys.exit("gen_data: --lsps must be 1..99999, --rounds >= 1, --incidental >= 0")
    if os.path.exists(a.out):
        sys.exit(f"gen_data: {a.out} already exists")

    rng = random.Random(a.seed)
    indicators = read_indicators(a.repo)
    os.makedirs(os.path.join(a.out, "data", "penilaian"))
    copy_project_files(a.repo, a.out)
    write_json(os.path.join(a.out, "data", "meta.json"), {
        "data_contoh": True,
        "keterangan": "Data sintetis untuk uji kinerja (benchmark): seluruh LSP, nama, nomor, angka, dan orang "
                      "di dalamnya rekaan semata."})
    lsps = gen_registry(rng, a.lsps, a.start_year, a.start_year + (a.rounds - 1) // 2)
    write_json(os.path.join(a.out, "data", "lsp.json"), {"lsp": lsps})
    rounds = gen_rounds(rng, lsps, indicators, a.rounds, a.incidental, a.start_year)
    sheets = incomplete = 0
    for r in rounds:
        write_json(os.path.join(a.out, "data", "penilaian", r["periode"] + ".json"), r)
        sheets += len(r["hasil"])
        incomplete += sum(1 for h in r["hasil"] if len(h["skor"]) < len(indicators) or None in h["skor"].values())
    print(f"gen_data: {len(lsps)} LSP, {len(rounds)} rounds ({a.rounds} rutin + {a.incidental} insidental), "
          f"{sheets} sheets ({incomplete} incomplete), seed {a.seed} -> {a.out}")


if __name__ == "__main__":
    main()
