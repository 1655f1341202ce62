/// Finds an id's position in a list of ids (a round's sheets by LSP id) through
/// a sorted table of 64-bit hashes: 16 bytes an entry, where a hash map of
/// string copies takes about 70, and a national run indexes 100,000 sheets twice.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pepgen {

class IdIndex {
public:
    IdIndex() = default;
    /// Indexes ids id_at(0) .. id_at(n - 1). A repeated id is found at its first position.
    template <class IdAt>
    IdIndex(std::size_t n, IdAt id_at) {
        entries_.reserve(n);
        for (std::size_t i = 0; i < n; ++i) entries_.push_back({hash(id_at(i)), static_cast<std::uint32_t>(i)});
        std::sort(entries_.begin(), entries_.end());
    }

    /// The first position whose id is `id`; the hash only narrows the search, id_at decides.
    template <class IdAt>
    std::optional<std::size_t> find(std::string_view id, IdAt id_at) const {
        const auto h = hash(id);
        for (auto it = std::lower_bound(entries_.begin(), entries_.end(), std::pair<std::uint64_t, std::uint32_t>{h, 0});
             it != entries_.end() && it->first == h; ++it)
            if (std::string_view(id_at(it->second)) == id) return it->second;
        return std::nullopt;
    }

    bool empty() const { return entries_.empty(); }
    std::size_t size() const { return entries_.size(); }
    void clear() { entries_.clear(); }

private:
    static std::uint64_t hash(std::string_view id) { return std::hash<std::string_view>{}(id); }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> entries_;  ///< (hash, position), sorted
};

}  // namespace pepgen
