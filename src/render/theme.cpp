#include "render/theme.h"

#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

/// Looks names up in the data stack first, then among the theme's partials,
/// so templates can use {{> name}} without partials living in page data.
class ThemeContext : public mustache::basic_context<std::string> {
public:
    ThemeContext(const mustache::data* data, const std::map<std::string, mustache::data>& partials)
        : partials_(partials) {
        push(data);
    }
    void push(const mustache::data* data) override { items_.insert(items_.begin(), data); }
    void pop() override { items_.erase(items_.begin()); }
    const mustache::data* get(const std::string& name) const override { return inner_get(name); }
    const mustache::data* get_partial(const std::string& name) const override {
        auto it = partials_.find(name);
        return it == partials_.end() ? nullptr : &it->second;
    }

private:
    const mustache::data* inner_get(const std::string& name) const {
        if (name == ".") return items_.front();
        const bool dotted = name.find('.') != std::string::npos;
        std::vector<std::string> parts;
        if (dotted) {
            std::size_t start = 0, pos;
            while ((pos = name.find('.', start)) != std::string::npos) {
                parts.push_back(name.substr(start, pos - start));
                start = pos + 1;
            }
            parts.push_back(name.substr(start));
        }
        for (const auto* item : items_) {
            if (!dotted) {
                if (const auto* v = item->get(name)) return v;
                continue;
            }
            const mustache::data* v = item;
            for (const auto& p : parts) {
                v = v->get(p);
                if (!v) break;
            }
            if (v) return v;
        }
        return nullptr;
    }

    std::vector<const mustache::data*> items_;
    const std::map<std::string, mustache::data>& partials_;
};

void load_dir(const fs::path& root, const fs::path& dir, std::map<std::string, std::string>& out,
              Diagnostics& diags) {
    for (const auto& path : list_files(dir, ".mustache")) {
        const auto file = display_path(root, path);
        auto read = read_text_file(path);
        if (!read.text) {
            diags.error(file, read.error);
            continue;
        }
        mustache::mustache tmpl(*read.text);
        if (!tmpl.is_valid()) {
            diags.error(file, "templat Mustache tidak valid: " + tmpl.error_message());
            continue;
        }
        out[path.stem().string()] = std::move(*read.text);
    }
}

}  // namespace

std::unique_ptr<Theme> Theme::load(const fs::path& root, const std::string& name, Diagnostics& diags) {
    const auto dir = root / "themes" / name;
    if (!fs::is_directory(dir)) {
        diags.error("themes/" + name, "direktori tema tidak ditemukan");
        return nullptr;
    }
    auto theme = std::unique_ptr<Theme>(new Theme());
    const auto errors_before = diags.error_count();
    load_dir(root, dir / "templates", theme->templates_, diags);
    load_dir(root, dir / "templates" / "partials", theme->partials_, diags);
    if (!theme->has_template("layout"))
        diags.error(display_path(root, dir / "templates"), "templat layout.mustache tidak ditemukan");
    const auto assets = dir / "assets";
    std::error_code ec;
    if (fs::is_directory(assets)) {
        for (auto it = fs::recursive_directory_iterator(assets, ec); it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            if (ec) break;
            if (!it->is_regular_file()) continue;
            const auto rel = fs::relative(it->path(), assets).generic_string();
            if (rel.find("/.") != std::string::npos || rel[0] == '.') continue;
            theme->assets_[rel] = it->path();
        }
    }
    // Partials are handed to kainjow as strings; it compiles them where used.
    for (const auto& [pname, text] : theme->partials_) theme->partial_data_.emplace(pname, mustache::data(text));
    if (diags.error_count() > errors_before) return nullptr;
    return theme;
}

std::string Theme::render(const std::string& source, const mustache::data& context) const {
    mustache::mustache tmpl(source);
    ThemeContext ctx(&context, partial_data_);
    return tmpl.render(ctx);
}

std::string Theme::render_page(const std::string& name, const mustache::data& context) const {
    const auto content = render(templates_.at(name), context);
    mustache::data wrapped = context;
    wrapped.set("content", content);
    return render(templates_.at("layout"), wrapped);
}

}  // namespace pepgen
