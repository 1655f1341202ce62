#include "cli/build.h"

#include <algorithm>
#include <ostream>
#include <set>
#include <thread>

#include "cli/check.h"
#include "cli/interrupt.h"
#include "cli/project.h"
#include "cli/render_pool.h"
#include "render/theme.h"
#include "site/discard_bin.h"
#include "site/incremental_keys.h"
#include "site/memory_disk.h"
#include "site/output_folder.h"
#include "site/output_survey.h"
#include "site/page_keys.h"
#include "site/plan.h"
#include "site/writer.h"
#include "util/files.h"
#include "util/memory.h"
#include "util/sha256.h"

namespace fs = std::filesystem;

namespace pepgen {


bool build_site(const fs::path& root, const BuildOptions& options, Diagnostics& diags, BuildSummary* summary) {
    if (!check_output_location(root, options.output, diags)) return false;
    // data/ is read as one state: a command changing it (an import, a correction) finishes first,
    // and none starts until the project is loaded.
    std::optional<DataRead> reading;
    if (!options.data_held) {
        reading.emplace(read_project_data(root, options.data_wait, options.notices));
        if (!reading->problem.empty()) {
            diags.error(display_path(root, root / "data"), reading->problem);
            return false;
        }
    }
    // Nothing changed since the last build (same inputs, same program, same
    // options, every file still there): the site is already right.
    const auto extra = program_identity() + "|" + options.base_url.value_or("-") + "|" + (options.incremental ? "i" : "f") +
                       (options.include_drafts ? "|d" : "|p");
    const auto cache_dir = fs::absolute(root) / kRoundCacheDir;
    // A build from scratch (--penuh) and a release read every input again; others trust unchanged stamps.
    const auto inputs =
        scan_inputs(root, extra, InputMemo{cache_dir / "masukan", options.incremental && !options.release});
    Disk& disk = options.disk ? *options.disk : real_disk();
    // A scan that could not list every folder may have missed a changed file: nothing is kept by key.
    const bool keyed = options.incremental && !options.release && inputs.complete;
    if (keyed && SiteWriter::up_to_date(options.output, inputs.all, disk)) {
        if (summary) {
            *summary = BuildSummary{};
            summary->up_to_date = true;
        }
        return true;
    }
    // Which of the previous build's files are still as it left them, looked at while the project loads.
    std::optional<OutputSurvey> survey;
    if (keyed) survey.emplace(disk, options.output);
    // What earlier builds replaced is deleted beside this build's loading (see DiscardBin).
    DiscardBin bin(disk, cache_dir / "buang");
    bin.empty_in_background();
    ProjectOptions project_options;
    project_options.include_drafts = options.include_drafts;
    if (options.release) project_options.today = options.release->date;
    // A release reads every round file afresh; other builds take unchanged ones as the last build left them,
    // except a build from scratch (--penuh, and --verifikasi's reference), which reads them all again.
    // A scan that missed a folder cannot name the content it holds: entries are then found by bytes read.
    else
        project_options.round_cache = RoundCache{cache_dir / "penilaian", program_identity(), options.incremental,
                                                 inputs.complete ? &inputs.files : nullptr};
    auto project = load_project(root, diags, project_options);
    reading.reset();
    // The parsed round files are gone: at national scale, when every round was read, hundreds of
    // megabytes a later stage should not add to. After a correction (one round read) there is
    // little to give back, and giving it costs a rebuild what the next allocations pay again.
    if (project.data.rounds_parsed > 1) release_free_memory(true);
    if (options.release && project.results) {
        // publish has just archived the release's files: they are read back
        // from the archive like every earlier release's.
        auto& ledger = project.data.ledger;
        for (const auto& [path, hash] : options.release->files) {
            if (ledger.archive.count(hash)) continue;
            auto read = read_project_file(root, root / "data" / "terbitan" / "arsip" / hash);
            if (read.text && sha256_hex(*read.text) == hash) ledger.archive.emplace(hash, std::move(*read.text));
            else diags.error("data/terbitan/arsip/" + hash, "salinan " + path + " untuk rilis ini tidak dapat dibaca kembali");
        }
        ledger.releases.push_back(*options.release);
        project.results->publication = publication_of(ledger);
    }
    if (diags.has_errors() || !project.results) return false;
    // The theme is read and parsed beside the page keys, which do not need it.
    std::unique_ptr<Theme> theme;
    Diagnostics theme_diags;
    std::jthread theme_loading([&] { theme = Theme::load(root, project.content.config.theme, theme_diags); });
    SiteModel model(project.content, project.data, *project.results, project.stat_checks);
    if (options.base_url) model.base_url = *options.base_url;
    // A release not yet on disk is in no input's fingerprint: every page is planned again.
    if (keyed) {
        model.keys = derive_keys(inputs, extra, project.content);
        model.keys.pages = page_keys(model);
    }
    theme_loading.join();
    diags.append(theme_diags);
    if (diags.has_errors() || !theme) return false;
    if (keyed) model.keys.templates = template_keys(*theme);
    auto writer = SiteWriter::begin(options.output, diags, !options.incremental, disk, &bin, survey ? &*survey : nullptr);
    if (!writer) return false;

    Progress progress(options.progress, "Merender halaman", 0);
    SitePlan plan;
    plan.rows_per_part = options.rows_per_part;
    std::size_t rendered = 0;
    {
        std::size_t most_rows = project.data.lsps.size();
        for (const auto& rr : project.results->rounds) most_rows = std::max(most_rows, rr.sheets.size());
        RenderPool pool(*theme, *writer, thread_count(), progress, model.keys.render, model.keys.templates,
                        heavy_workers_for(most_rows), options.expect_corrections);
        plan.page_sink = [&](PlannedPage&& page) { pool.submit(std::move(page)); };
        plan.file_sink = [&](PlannedFile&& file) {
            if (file.make_bytes || file.stream) pool.submit(std::move(file));
            else writer->write(file.path, file.bytes, file.key);
        };
        plan.reuse = [&](const std::string& path, const std::string& key) { return writer->reuse(path, key); };
        plan_site_into(model, plan);
        pool.finish();
        rendered = pool.rendered();
        for (const auto& e : pool.errors()) diags.error("themes/" + project.content.config.theme, e);
        for (const auto& e : pool.file_errors()) diags.error(options.output.string(), e);
    }
    for (const auto& [rel, source] : theme->assets()) {
        auto read = read_project_file(root, source);
        if (!read.text) diags.error(display_path(root, source), read.error);
        else writer->write("assets/" + rel, *read.text);
    }
    if (diags.has_errors()) return false;
    // Freeing what the pages were made from (at national scale, hundreds of thousands of objects)
    // is left to another thread while the commit waits on the file system.
    std::jthread freeing([gone = std::move(project)]() mutable { const auto dropped = std::move(gone); });
    if (!writer->commit(inputs.all, diags)) return false;
    if (summary) {
        summary->pages = plan.page_paths.size();
        summary->files = plan.file_count;
        summary->assets = theme->assets().size();
        summary->written = writer->written();
        summary->unchanged = writer->unchanged();
        summary->rendered = rendered;
    }
    return true;
}

bool verify_against_full_build(const fs::path& root, const BuildOptions& options, Diagnostics& diags,
                               std::size_t* compared) {
    MemoryDisk memory;
    BuildOptions full = options;
    full.incremental = false;
    full.verify = false;
    full.progress = false;
    full.disk = &memory;
    full.output = fs::absolute(options.output).lexically_normal();
    Diagnostics reference_diags;
    if (!build_site(root, full, reference_diags)) {
        diags.error(options.output.string(), "verifikasi: build penuh di memori gagal; lihat pesan build di atas");
        return false;
    }
    Disk& disk = options.disk ? *options.disk : real_disk();
    const auto prefix = full.output.generic_string() + "/";
    // pepgen's bookkeeping (the manifest of keys) and what a static host keeps beside the site are not the site.
    auto published = [](const std::string& rel) {
        const auto top = rel.substr(0, rel.find('/'));
        const auto& kept = host_kept_names();
        return !is_pepgen_entry(top) && std::find(kept.begin(), kept.end(), top) == kept.end();
    };
    std::set<std::string> expected;
    std::size_t differ = 0, equal = 0;
    for (const auto& [path, node] : memory.nodes()) {
        if (node.kind != Disk::Kind::file || path.compare(0, prefix.size(), prefix) != 0) continue;
        const auto rel = path.substr(prefix.size());
        if (!published(rel)) continue;
        expected.insert(rel);
        std::string error;
        const auto bytes = disk.read(options.output / rel, error);
        if (!bytes) {
            diags.error(display_path(root, options.output / rel), "verifikasi: berkas ini tidak ada, padahal build penuh membuatnya");
            ++differ;
        } else if (*bytes != node.bytes) {
            diags.error(display_path(root, options.output / rel), "verifikasi: isinya berbeda dari hasil build penuh");
            ++differ;
        } else {
            ++equal;
        }
    }
    // A file the full build does not make is stale when pepgen's manifest says pepgen wrote it; one
    // it never wrote was put there by someone (a warning: the build leaves such files alone).
    std::string manifest_error;
    const auto manifest_text = disk.read(options.output / kManifestName, manifest_error);
    const auto manifest = parse_manifest(manifest_text ? *manifest_text : std::string());
    for (const auto& rel : files_below(disk, options.output, published)) {
        if (expected.count(rel)) continue;
        if (manifest.files.count(rel)) {
            diags.error(display_path(root, options.output / rel),
                        "verifikasi: berkas ini sisa build sebelumnya; build penuh tidak membuatnya lagi");
            ++differ;
        } else {
            diags.warning(display_path(root, options.output / rel),
                          "verifikasi: berkas ini bukan buatan pepgen dan bukan bagian dari situs; hapus bila "
                          "tidak sengaja ditaruh di sini (pepgen membiarkannya)");
        }
    }
    if (compared) *compared = equal;
    if (differ)
        diags.error(options.output.string(), "verifikasi: " + std::to_string(differ) + " berkas berbeda dari build penuh; " +
                                                 "bangun ulang dengan pepgen build --penuh dan laporkan ini sebagai galat pepgen");
    return differ == 0;
}

int run_build(const fs::path& root, const BuildOptions& options, std::ostream& out, std::ostream& err) {
    InterruptCleanup interrupt;
    Diagnostics diags;
    BuildSummary summary;
    bool ok = build_site(root, options, diags, &summary);
    const bool verify_ok = !ok || !options.verify || verify_against_full_build(root, options, diags, &summary.verified);
    print_diagnostics(diags, err);
    if (ok && !verify_ok) {
        err << "Situs dibangun di " << options.output.string()
            << ", tetapi verifikasi menemukan berkas yang berbeda dari build penuh (lihat di atas).\n";
        return 1;
    }
    if (!ok) {
        err << "Situs tidak dibangun; isi " << options.output.string() << " tidak diubah.\n";
        return 1;
    }
    const auto verified = options.verify ? "Verifikasi: " + std::to_string(summary.verified) +
                                               " berkas sama persis dengan build penuh.\n"
                                         : std::string();
    if (summary.up_to_date) {
        out << "Tidak ada perubahan sejak build terakhir; " << options.output.string() << " sudah mutakhir.\n" << verified;
        return 0;
    }
    out << "Situs dibangun di " << options.output.string() << ": " << summary.pages << " halaman, " << summary.files
        << " berkas data, " << summary.assets << " aset (" << summary.written << " berkas ditulis, " << summary.unchanged
        << " tidak berubah; " << summary.rendered << " halaman dirender).\n" << verified;
    return 0;
}

}  // namespace pepgen
