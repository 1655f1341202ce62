#include "site/link_check.h"

#include <algorithm>
#include <map>
#include <set>


namespace fs = std::filesystem;

namespace pepgen {

namespace {

/// Values of one attribute (href=, src=, id=) in HTML, as written between quotes.
void attribute_values(const std::string& html, const std::string& name, std::vector<std::string>& out) {
    const std::string needle = " " + name + "=\"";
    for (auto pos = html.find(needle); pos != std::string::npos; pos = html.find(needle, pos + 1)) {
        const auto start = pos + needle.size();
        const auto end = html.find('"', start);
        if (end == std::string::npos) break;
        out.push_back(html.substr(start, end - start));
    }
}

std::string unescape_amp(std::string s) {
    for (auto pos = s.find("&amp;"); pos != std::string::npos; pos = s.find("&amp;", pos + 1)) s.replace(pos, 5, "&");
    return s;
}

bool external(const std::string& url) {
    const auto colon = url.find(':');
    const auto slash = url.find('/');
    return colon != std::string::npos && (slash == std::string::npos || colon < slash);
}

/// Every .html file below dir, not through symlinks.
void html_pages(Disk& disk, const fs::path& dir, std::vector<fs::path>& out) {
    for (const auto& rel : files_below(disk, dir))
        if (fs::path(rel).extension() == ".html") out.push_back(dir / rel);
}

}  // namespace

std::size_t check_site_links(const fs::path& site, Diagnostics& diags, Disk& disk) {
    std::map<fs::path, std::set<std::string>> ids;  // page -> its ids, read when first needed
    auto ids_of = [&](const fs::path& page) -> const std::set<std::string>& {
        auto it = ids.find(page);
        if (it != ids.end()) return it->second;
        std::vector<std::string> values;
        std::string error;
        if (auto text = disk.read(page, error)) attribute_values(*text, "id", values);
        return ids.emplace(page, std::set<std::string>(values.begin(), values.end())).first->second;
    };
    std::size_t checked = 0;
    std::vector<fs::path> pages;
    html_pages(disk, site, pages);
    std::sort(pages.begin(), pages.end());
    for (const auto& page : pages) {
        std::string error;
        const auto text = disk.read(page, error);
        if (!text) continue;
        std::vector<std::string> links;
        attribute_values(*text, "href", links);
        attribute_values(*text, "src", links);
        const auto shown = page.lexically_relative(site).generic_string();
        for (const auto& raw : links) {
            const auto url = unescape_amp(raw);
            if (url.empty() || external(url)) continue;  // other hosts and mailto: are not ours to check
            ++checked;
            if (url[0] == '/') {
                diags.error(shown, "tautan absolut '" + url + "' tidak berfungsi di subdirektori atau dari disk");
                continue;
            }
            const auto hash = url.find('#');
            auto path_part = url.substr(0, hash);
            const auto query = path_part.find('?');
            if (query != std::string::npos) path_part.resize(query);
            const auto target = path_part.empty() ? page : (page.parent_path() / path_part).lexically_normal();
            if (!path_part.empty() && disk.lstat(target).kind != Disk::Kind::file) {
                diags.error(shown, "tautan rusak: '" + url + "' tidak menunjuk ke berkas di situs");
                continue;
            }
            if (hash != std::string::npos && hash + 1 < url.size() && target.extension() == ".html") {
                const auto fragment = url.substr(hash + 1);
                if (!ids_of(target).count(fragment))
                    diags.error(shown, "tautan rusak: '#" + fragment + "' tidak ada di " +
                                           target.lexically_relative(site).generic_string());
            }
        }
    }
    return checked;
}

}  // namespace pepgen
