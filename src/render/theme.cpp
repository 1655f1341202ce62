#include "render/theme.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <set>
#include <map>
#include <random>
#include <cctype>
#include <optional>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "render/template_scan.h"
#include "render/value_digest.h"
#include "util/files.h"
#include "util/fingerprint.h"
#include "util/text.h"

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;

namespace pepgen {

namespace {

/// What kainjow's render(ctx, stream) needs of a stream. kainjow hands text over a line at a
/// time, when the line ends: `handed` counts the hand-overs, so a list's parts can tell
/// whether a row ended a line (ListTracker).
struct StringSink {
    std::string text;
    std::size_t handed = 0;
    StringSink& operator<<(const std::string& s) {
        text += s;
        ++handed;
        return *this;
    }
};

}  // namespace

/// The rows of the lists being made in parts, as kainjow renders them: which runs of rows are
/// rendered (the rest are kept from the previous file) and where each row's output begins and
/// ends. A row's bytes run from where it is pushed to where it is popped. kainjow holds back
/// the line being rendered until it ends, so a row that ends no line would give its bytes to the
/// next: every row rendered must end one, or the page is made whole.
struct Theme::ListTracker {
    const ListParts* how = nullptr;
    const std::set<std::string>* names = nullptr;  ///< what the rows look up (names_inside_sections)
    const StringSink* sink = nullptr;
    bool filter = true;  ///< false: every row rendered (a page made in parts for the first time)
    bool broken = false;
    struct Row {
        std::size_t index, push_at, push_handed, pop_at = 0, pop_handed = 0;
        bool popped = false;
    };
    struct Occurrence {
        std::size_t total = 0;
        std::vector<std::size_t> starts;  ///< where each run of rows begins, then the row count
        std::vector<std::string> keys;  ///< per run of rows; empty: made every build
        std::vector<char> make;         ///< per run: rendered now
        std::vector<std::size_t> picked;  ///< the rows rendered, by index, in order
        std::vector<Row> rows;          ///< as they were pushed
        /// A keyed lazy list's rows (Value::lazy): only the picked ones are made, the rest stay empty.
        std::vector<Value> made;
    };
    std::deque<Occurrence> occurrences;  // stable addresses: spans point at them
};

namespace {

/// Feeds kainjow from our Value tree. Only what a template looks up is turned
/// into kainjow data: texts and flags as they are, objects as stand-ins whose
/// own lookups come back here. Nothing is deep-copied.
class ValueContext : public mustache::basic_context<std::string> {
public:
    using Tracker = Theme::ListTracker;
    explicit ValueContext(const Value& root, Tracker* tracker = nullptr) : tracker_(tracker) {
        levels_.push_back({wrap(&root), &root, 0});
    }

    void push(const mustache::data* data) override {
        // A section over a text keeps it for its whole body: out of the scratch slot.
        if (data == &scratch_) data = &arena_.emplace_back(scratch_.string_value());
        // Which Value a stand-in is for is found once here, not at every lookup below it. The
        // lists wrapped inside this level are not iterated once it is popped: their spans go then.
        const auto [span, index] = locate(data);
        const Value* v = nullptr;
        if (span) {
            v = span->items + (span->picked ? span->picked[index] : index);
            if (v->kind() != Value::Kind::object && v->kind() != Value::Kind::list) v = nullptr;
        } else if (data == &kObject) {
            v = pending_object_;
        }
        Level level{data, v, lists_.size()};
        if (span && span->occurrence) {
            // A row of a list made in parts inside another such row: its place is not one run of bytes.
            for (const auto& l : levels_)
                if (l.occurrence) tracker_->broken = true;
            level.occurrence = span->occurrence;
            level.row = span->occurrence->rows.size();
            span->occurrence->rows.push_back(
                {span->picked[index], tracker_->sink->text.size(), tracker_->sink->handed});
        }
        levels_.push_back(level);
    }
    void pop() override {
        if (auto* occurrence = levels_.back().occurrence) {
            auto& row = occurrence->rows[levels_.back().row];
            row.pop_at = tracker_->sink->text.size();
            row.pop_handed = tracker_->sink->handed;
            row.popped = true;
        }
        lists_.resize(std::min(lists_.size(), levels_.back().lists));
        levels_.pop_back();
    }

    const mustache::data* get(const std::string& name) const override {
        if (name == ".") {
            // A section over "." pushes the current object's stand-in again: it must stand for this object.
            if (levels_.back().data == &kObject) pending_object_ = levels_.back().value;
            return levels_.back().data;
        }
        const bool dotted = name.find('.') != std::string::npos;
        for (auto it = levels_.rbegin(); it != levels_.rend(); ++it) {
            if (it->value) {
                const Value* v = dotted ? it->value->find_path(name) : it->value->get(name);
                if (v && tracker_ && !dotted && v->kind() == Value::Kind::list && name == tracker_->how->list)
                    return wrap_in_parts(v);
                if (v) return wrap(v);
            } else if (!dotted) {
                if (const auto* d = it->data->get(name)) return d;
            }
        }
        // Mustache would render nothing; a theme author's typo must not be a silent blank.
        if (std::find(missing_.begin(), missing_.end(), name) == missing_.end()) missing_.push_back(name);
        return nullptr;
    }
    /// Names the template looked up that no level of the context has.
    const std::vector<std::string>& missing() const { return missing_; }
    const mustache::data* get_partial(const std::string&) const override { return nullptr; }  // inlined at load

private:
    struct Level {
        const mustache::data* data;
        const Value* value;  ///< the object or list `data` stands in for; null for kainjow's own data
        std::size_t lists;   ///< how many list spans there were when this level was pushed
        Tracker::Occurrence* occurrence = nullptr;  ///< a row of a list made in parts: which list
        std::size_t row = 0;                        ///< and which of its pushed rows
    };
    /// A wrapped list's elements: kainjow pushes each in turn, by its address in the list's array.
    struct Span {
        const mustache::data* first;
        std::size_t count;
        const Value* items;
        const std::size_t* picked = nullptr;  ///< a list made in parts: the Value rows its elements are
        Tracker::Occurrence* occurrence = nullptr;
    };

    /// kainjow data for a list's elements (objects as stand-ins), in the arena.
    const mustache::data* list_data(const std::vector<Value>& items, const std::vector<std::size_t>* picked) const {
        mustache::data list{mustache::data::type::list};
        const auto count = picked ? picked->size() : items.size();
        for (std::size_t i = 0; i < count; ++i) {
            const auto& item = items[picked ? (*picked)[i] : i];
            if (item.kind() == Value::Kind::text) list.push_back(mustache::data(item.text()));
            else if (item.kind() == Value::Kind::flag) list.push_back(mustache::data(item.flag()));
            else list.push_back(mustache::data(true));
        }
        return &arena_.emplace_back(std::move(list));
    }

    /// A list made in parts: its rows are cut into runs of `rows`, each keyed by its rows, the row
    /// before it (which leaves kainjow's line state as the run finds it) and whatever the rows look
    /// up around them at this place in the page. Only the runs the previous file lacks are rendered,
    /// each after the row before it.
    /// A keyed lazy list (Value::lazy) is keyed by its source's row keys instead, and only the rows
    /// rendered are made: after a correction, a few runs of a national table.
    const mustache::data* wrap_in_parts(const Value* v) const {
        const auto& how = *tracker_->how;
        const LazyItems* lazy = v->lazy();
        if (lazy && !lazy->keyed()) lazy = nullptr;
        static const std::vector<Value> none;
        const auto& items = lazy ? none : v->items();
        auto& occ = tracker_->occurrences.emplace_back();
        const std::size_t n = lazy ? lazy->size() : items.size(), size = std::max<std::size_t>(1, how.rows);
        // The first row alone (what comes before it on its line is rendered with it), the middle
        // in runs of `size`, the last row alone (its line ends after the list): only the two ends
        // are rendered every time.
        occ.total = n;
        occ.starts.push_back(0);
        if (n > 2) {
            for (std::size_t i = 1; i < n - 1; i += size) occ.starts.push_back(i);
            occ.starts.push_back(n - 1);
        } else if (n == 2) {
            occ.starts.push_back(1);
        }
        const std::size_t runs = n == 0 ? 0 : occ.starts.size();
        occ.starts.push_back(n);
        occ.keys.assign(runs, std::string());
        occ.make.assign(runs, 1);
        if (runs >= 3) {
            ValueFeed around(how.seed);
            around.text(how.list);
            around.number(levels_.size());
            for (const auto& name : *tracker_->names) {
                around.text(name);
                for (const auto& level : levels_) {
                    const Value* found = level.value ? level.value->get(name) : nullptr;
                    around.number(level.value ? (found ? 1 : 0) : (level.data->get(name) ? 3 : 2));
                    if (found) around.value(*found);
                }
            }
            const auto place = around.digest();
            std::vector<std::uint64_t> digest(n);
            for (std::size_t i = 0; i < n - 1; ++i) digest[i] = lazy ? lazy->key(i) : value_digest(items[i]);
            for (std::size_t r = 1; r + 1 < runs; ++r) {
                ValueFeed key(place);
                for (std::size_t i = occ.starts[r] - 1; i < occ.starts[r + 1]; ++i) key.number(digest[i]);
                occ.keys[r] = fingerprint_hex(key.digest());
                occ.make[r] = !(tracker_->filter && how.kept && how.kept(occ.keys[r]));
            }
        }
        for (std::size_t r = 0; r < runs; ++r) {
            if (!occ.make[r]) continue;
            if (r > 0 && !occ.make[r - 1]) occ.picked.push_back(occ.starts[r] - 1);
            for (std::size_t i = occ.starts[r]; i < occ.starts[r + 1]; ++i) occ.picked.push_back(i);
        }
        if (lazy) {
            occ.made.resize(n);
            for (const auto i : occ.picked) occ.made[i] = lazy->make(i);
        }
        const auto& rows = lazy ? occ.made : items;
        const auto* d = list_data(rows, &occ.picked);
        if (!occ.picked.empty())
            lists_.push_back({d->list_value().data(), occ.picked.size(), rows.data(), occ.picked.data(), &occ});
        return d;
    }

    /// The list span `data` is an element of, and its place there.
    std::pair<const Span*, std::size_t> locate(const mustache::data* data) const {
        // The list being iterated is the latest one still open, or close to it.
        for (auto it = lists_.rbegin(); it != lists_.rend(); ++it) {
            // Addresses as numbers: `data` need not be in the span's array at all.
            const auto offset = reinterpret_cast<std::uintptr_t>(data) - reinterpret_cast<std::uintptr_t>(it->first);
            const auto index = offset / sizeof(mustache::data);
            if (offset % sizeof(mustache::data) != 0 || index >= it->count) continue;
            return {&*it, index};
        }
        return {nullptr, 0};
    }

    const mustache::data* wrap(const Value* v) const {
        switch (v->kind()) {
            case Value::Kind::text:
                // kainjow renders a variable before it looks up the next name, and a section
                // pushes its value first (see push): one reused slot serves every text, so a
                // page's texts are not all copied and kept until it is done. The string is
                // the slot's own heap object, assigned to keep its capacity.
                const_cast<std::string&>(scratch_.string_value()) = v->text();
                return &scratch_;
            case Value::Kind::flag: return v->flag() ? &kTrue : &kFalse;
            case Value::Kind::object:
                // Any truthy stand-in will do. kainjow pushes a section's value right after looking
                // it up, with no other look-up between: the object is remembered until then.
                pending_object_ = v;
                return &kObject;
            case Value::Kind::list: {
                const auto* d = list_data(v->items(), nullptr);
                // The elements keep their addresses from here on: one span maps them all.
                if (!v->items().empty()) lists_.push_back({d->list_value().data(), v->items().size(), v->items().data()});
                return d;
            }
        }
        return nullptr;
    }

    static inline const mustache::data kTrue{true}, kFalse{false}, kObject{true};
    std::vector<Level> levels_;
    mutable std::vector<std::string> missing_;
    mutable mustache::data scratch_{std::string()};
    mutable std::deque<mustache::data> arena_;  // stable addresses
    mutable const Value* pending_object_ = nullptr;
    mutable std::vector<Span> lists_;  // spans of the lists wrapped in the levels still open, oldest first
    Tracker* tracker_;
};

/// kainjow's html_escape, byte for byte, but copying unescaped runs whole
/// rather than a character at a time (every variable of every page goes
/// through it), and most texts, which need nothing escaped, as they are.
std::string escape_html_like_kainjow(const std::string& s) {
    static const auto special = [] {
        std::array<bool, 256> t{};
        for (unsigned char c : std::string_view("&<>\"'")) t[c] = true;
        return t;
    }();
    std::size_t i = 0;
    while (i < s.size() && !special[static_cast<unsigned char>(s[i])]) ++i;
    if (i == s.size()) return s;
    std::string out;
    out.reserve(s.size() + 16);
    std::size_t run = 0;
    for (; i < s.size(); ++i) {
        const char* rep = nullptr;
        switch (s[i]) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&apos;"; break;
            default: continue;
        }
        out.append(s, run, i - run);
        out += rep;
        run = i + 1;
    }
    out.append(s, run, std::string::npos);
    return out;
}

std::atomic<std::size_t> next_theme_id{1};

bool read_dir(const fs::path& root, const fs::path& dir, std::map<std::string, std::string>& out, Diagnostics& diags) {
    bool ok = true;
    for (const auto& path : list_files(root, dir, ".mustache", diags)) {
        auto text = read_input_text(root, path, diags);
        if (!text) {
            ok = false;
            continue;
        }
        out[path.stem().string()] = std::move(*text);
    }
    return ok;
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/// The partial tag at `at` ("{{> name}}", spaces allowed inside): its name
/// and the index just past it, or nothing when the text there is not one.
std::optional<std::pair<std::string, std::size_t>> partial_tag(const std::string& text, std::size_t at) {
    auto i = at + 3;  // past "{{>"
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    const auto name_start = i;
    while (i < text.size() && (is_ascii_alnum(text[i]) || text[i] == '_' || text[i] == '-')) ++i;
    const auto name_end = i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (name_end == name_start || text.compare(i, 2, "}}") != 0) return std::nullopt;
    return std::make_pair(text.substr(name_start, name_end - name_start), i + 2);
}

/// Replaces every {{> name}} with the partial's text (partials may use partials).
bool inline_partials(std::string& text, const std::map<std::string, std::string>& partials, const std::string& file,
                     Diagnostics& diags, int depth = 0) {
    if (depth > 10) {
        diags.error(file, "partial saling memanggil terlalu dalam (melingkar?)");
        return false;
    }
    std::string out;
    std::size_t copied = 0;
    bool ok = true;
    for (auto at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at + 1)) {
        const auto tag = partial_tag(text, at);
        if (!tag) continue;
        out.append(text, copied, at - copied);
        const auto& name = tag->first;
        auto p = partials.find(name);
        if (p == partials.end()) {
            diags.error(file, "partial '" + name + "' tidak ditemukan di templates/partials/");
            ok = false;
        } else {
            std::string inner = p->second;
            if (!inner.empty() && inner.back() == '\n') inner.pop_back();
            ok = inline_partials(inner, partials, file, diags, depth + 1) && ok;
            out += inner;
        }
        copied = tag->second;
        at = copied - 1;
    }
    out.append(text, copied, std::string::npos);
    text = std::move(out);
    return ok;
}

}  // namespace

std::unique_ptr<Theme> Theme::load(const fs::path& root, const std::string& name, Diagnostics& diags) {
    const auto dir = root / "themes" / name;
    if (!fs::is_directory(dir)) {
        diags.error("themes/" + name, "direktori tema tidak ditemukan");
        return nullptr;
    }
    auto theme = std::unique_ptr<Theme>(new Theme());
    theme->id_ = next_theme_id++;
    const auto errors_before = diags.error_count();
    std::map<std::string, std::string> partials, templates;
    read_dir(root, dir / "templates", templates, diags);
    read_dir(root, dir / "templates" / "partials", partials, diags);
    for (auto& [tname, text] : templates) {
        const auto file = display_path(root, dir / "templates" / (tname + ".mustache"));
        if (!inline_partials(text, partials, file, diags)) continue;
        auto compiled = std::make_shared<mustache::mustache>(text);
        if (!compiled->is_valid()) {
            diags.error(file, "templat Mustache tidak valid: " + compiled->error_message());
            continue;
        }
        compiled->set_custom_escape(escape_html_like_kainjow);
        theme->parsed_[tname] = std::move(compiled);
        theme->fingerprint_ += tname + "\n" + text + "\n";
        theme->templates_[tname] = text;
    }
    if (!theme->has_template("layout"))
        diags.error(display_path(root, dir / "templates"), "templat layout.mustache tidak ditemukan");
    const auto assets = dir / "assets";
    std::error_code ec;
    if (fs::is_directory(assets)) {
        // Linked folders are followed, as the template folders are (list_files): each folder once,
        // so a link back up ends there. One that leads out of the project is refused, as a file
        // that does is refused when copied.
        FolderVisits visits;
        visits.first(assets);
        auto it = fs::recursive_directory_iterator(assets, fs::directory_options::follow_directory_symlink, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const auto rel = it->path().lexically_relative(assets).generic_string();
            if (rel.find("/.") != std::string::npos || rel[0] == '.') {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            std::error_code st_ec;
            const auto st = fs::status(it->path(), st_ec);
            if (fs::is_directory(st)) {
                if (!visits.first(it->path())) {
                    it.disable_recursion_pending();
                } else if (it->is_symlink(st_ec)) {
                    // One message for the folder, not one per file in it, and no walk through it.
                    if (const auto real = leaves_project(root, it->path())) {
                        it.disable_recursion_pending();
                        diags.error(display_path(root, it->path()),
                                    "tautan simbolik mengarah ke luar proyek ('" + real->string() +
                                        "'); salin foldernya ke dalam tema atau hapus tautannya");
                    }
                }
                continue;
            }
            // Every asset is published, so one that cannot be read is an error, never a silent gap.
            if (fs::is_regular_file(st)) theme->assets_[rel] = it->path();
            else diags.error(display_path(root, it->path()), "bukan berkas biasa (folder, FIFO atau tautan rusak); hapus atau ganti");
        }
        if (ec) diags.error(display_path(root, assets), "folder aset tidak dapat dibaca: " + ec.message());
    }
    if (diags.error_count() > errors_before) return nullptr;
    return theme;
}

std::string Theme::render(const std::string& name, const Value& context, const std::string* content,
                          ListTracker* tracker) const {
    // kainjow's render is not const, so each thread renders its own copy of
    // the parsed tree (copying it costs a fraction of parsing the text again).
    thread_local std::map<std::pair<std::size_t, std::string>, std::unique_ptr<mustache::mustache>> compiled;
    auto& tmpl = compiled[{id_, name}];
    if (!tmpl) tmpl = std::make_unique<mustache::mustache>(*parsed_.at(name));
    // Straight into a string: kainjow's own render(ctx) goes through an
    // ostringstream and copies the page out of it at the end.
    StringSink sink;
    if (tracker) tracker->sink = &sink;
    ValueContext ctx(context, tracker);
    mustache::data extra;
    if (content) {
        extra.set("content", *content);
        ctx.push(&extra);
    }
    tmpl->render(ctx, sink);
    if (!ctx.missing().empty()) {
        std::string names, keys;
        for (const auto& m : ctx.missing()) names += (names.empty() ? "" : ", ") + ("{{" + m + "}}");
        for (const auto& field : context.fields()) keys += (keys.empty() ? "" : ", ") + field.first;
        throw std::runtime_error("templates/" + name + ".mustache memakai " + names +
                                 ", yang tidak ada dalam data halaman ini; periksa ejaannya (kunci yang ada: " + keys +
                                 ")");
    }
    return std::move(sink.text);
}

/// Random per process, so no input can contain it; it never reaches the output.
const std::string& Theme::content_mark() {
    static const std::string mark = [] {
        std::random_device rd;
        char buf[48];
        std::snprintf(buf, sizeof buf, "%c%08x%08x%08x%08x%c", '\0', rd(), rd(), rd(), rd(), '\0');
        return std::string(buf, 34);
    }();
    return mark;
}

std::string Theme::splice_body(const std::string& frame, const std::string& body) {
    const auto& mark = content_mark();
    std::string page;
    page.reserve(frame.size() + body.size());
    std::size_t from = 0;
    for (auto hit = frame.find(mark); hit != std::string::npos; hit = frame.find(mark, from)) {
        page.append(frame, from, hit - from);
        page += body;
        from = hit + mark.size();
    }
    page.append(frame, from, std::string::npos);
    return page;
}

std::string Theme::render_page(const std::string& name, const Value& context) const {
    const auto content = render(name, context, nullptr);
    // An empty page body could change how the layout's blank lines are kept:
    // render it as it is. Otherwise the layout gets a short mark and the body
    // is put in its place once, rather than copied through kainjow's line buffer.
    if (content.empty()) return render("layout", context, &content);
    return splice_body(render("layout", context, &content_mark()), content);
}

namespace {

/// A stretch of a page's body: bytes rendered now [from, to), or a part kept under `key`.
struct Piece {
    std::size_t from = 0, to = 0;
    std::string key;
    bool made = true;
};

/// Cuts a body rendered with a tracker into its pieces, in order; nothing when the rows'
/// places cannot be trusted (see ListTracker).
std::optional<std::vector<Piece>> cut_body(const Theme::ListTracker& t, std::size_t body_size) {
    if (t.broken) return std::nullopt;
    std::vector<Piece> pieces;
    std::size_t cursor = 0;
    for (const auto& occ : t.occurrences) {
        if (occ.rows.empty()) continue;  // looked up, never iterated ({{^rows}})
        // Each row rendered once, in order, each ending a line, each beginning where the last ended.
        if (occ.rows.size() != occ.picked.size()) return std::nullopt;
        for (std::size_t k = 0; k < occ.rows.size(); ++k) {
            const auto& row = occ.rows[k];
            if (row.index != occ.picked[k] || !row.popped || row.pop_handed <= row.push_handed) return std::nullopt;
            if (k > 0 && row.push_at != occ.rows[k - 1].pop_at) return std::nullopt;
        }
        if (occ.rows.front().push_at < cursor) return std::nullopt;
        pieces.push_back({cursor, occ.rows.front().push_at, {}, true});
        std::size_t k = 0;
        for (std::size_t r = 0; r < occ.keys.size(); ++r) {
            if (!occ.make[r]) {
                pieces.push_back({0, 0, occ.keys[r], false});
                continue;
            }
            if (r > 0 && !occ.make[r - 1]) ++k;  // the row before the run, rendered for its line state only
            const auto last = occ.starts[r + 1] - 1 - occ.starts[r];
            if (k + last >= occ.rows.size() || occ.rows[k].index != occ.starts[r]) return std::nullopt;
            pieces.push_back({occ.rows[k].push_at, occ.rows[k + last].pop_at, occ.keys[r], true});
            k += last + 1;
        }
        cursor = occ.rows.back().pop_at;
    }
    if (cursor > body_size) return std::nullopt;
    pieces.push_back({cursor, body_size, {}, true});
    return pieces;
}

}  // namespace

std::vector<MadePart> Theme::render_page_in_parts(const std::string& name, const Value& context,
                                                  const ListParts& how) const {
    const auto names = names_inside_sections(templates_.at(name), how.list);
    if (names) {
        for (const bool filter : {true, false}) {
            ListTracker tracker;
            tracker.how = &how;
            tracker.names = &*names;
            tracker.filter = filter;
            const auto body = render(name, context, nullptr, &tracker);
            auto pieces = cut_body(tracker, body.size());
            if (!pieces) {
                bool any_kept = false;
                for (const auto& occ : tracker.occurrences)
                    for (char m : occ.make) any_kept = any_kept || !m;
                if (filter && any_kept) continue;  // rendered whole, the rows may yet be told apart
                break;
            }
            if (body.empty()) break;
            const auto frame = render("layout", context, &content_mark());
            const auto& mark = content_mark();
            const auto at = frame.find(mark);
            if (at == std::string::npos || frame.find(mark, at + mark.size()) != std::string::npos) break;
            // The parts, the layout around the body; runs made every build joined into one part.
            std::vector<MadePart> parts;
            auto add = [&parts](std::string key, std::optional<std::string> bytes) {
                if (bytes && key.empty() && !parts.empty() && parts.back().key.empty() && parts.back().bytes) {
                    *parts.back().bytes += *bytes;
                    return;
                }
                parts.push_back({std::move(key), std::move(bytes)});
            };
            add({}, frame.substr(0, at));
            for (const auto& p : *pieces) {
                if (p.made) add(p.key, body.substr(p.from, p.to - p.from));
                else add(p.key, std::nullopt);
            }
            add({}, frame.substr(at + mark.size()));
            return parts;
        }
    }
    return {MadePart{{}, render_page(name, context)}};
}

}  // namespace pepgen
