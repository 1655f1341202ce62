/// A small ordered map kept in one sorted vector: the std::map interface, at
/// half the memory and without a node per entry, for small maps looked up often
/// (such as an indicator code to its catalogue position).
#pragma once

#include <algorithm>
#include <initializer_list>
#include <stdexcept>
#include <utility>
#include <vector>

namespace pepgen {

template <class Key, class T>
class FlatMap {
public:
    using value_type = std::pair<Key, T>;
    using iterator = typename std::vector<value_type>::iterator;
    using const_iterator = typename std::vector<value_type>::const_iterator;

    FlatMap() = default;
    FlatMap(std::initializer_list<value_type> items) {
        for (const auto& item : items) (*this)[item.first] = item.second;
    }

    iterator begin() { return items_.begin(); }
    iterator end() { return items_.end(); }
    const_iterator begin() const { return items_.begin(); }
    const_iterator end() const { return items_.end(); }
    std::size_t size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }
    void reserve(std::size_t n) { items_.reserve(n); }
    void clear() { items_.clear(); }

    template <class K>
    iterator find(const K& key) {
        auto it = lower(key);
        return it != items_.end() && it->first == key ? it : items_.end();
    }
    template <class K>
    const_iterator find(const K& key) const {
        auto it = lower(key);
        return it != items_.end() && it->first == key ? it : items_.end();
    }
    template <class K>
    std::size_t count(const K& key) const { return find(key) != end() ? 1 : 0; }

    T& at(const Key& key) {
        auto it = find(key);
        if (it == end()) throw std::out_of_range("FlatMap::at");
        return it->second;
    }
    const T& at(const Key& key) const {
        auto it = find(key);
        if (it == end()) throw std::out_of_range("FlatMap::at");
        return it->second;
    }

    T& operator[](const Key& key) {
        // Input usually arrives in order: appending is the common case.
        if (items_.empty() || items_.back().first < key) return items_.emplace_back(key, T{}).second;
        auto it = lower(key);
        if (it != items_.end() && it->first == key) return it->second;
        return items_.emplace(it, key, T{})->second;
    }

    std::size_t erase(const Key& key) {
        auto it = find(key);
        if (it == end()) return 0;
        items_.erase(it);
        return 1;
    }

    bool operator==(const FlatMap& other) const = default;

private:
    template <class K>
    iterator lower(const K& key) {
        return std::lower_bound(items_.begin(), items_.end(), key,
                                [](const value_type& item, const K& k) { return item.first < k; });
    }
    template <class K>
    const_iterator lower(const K& key) const {
        return std::lower_bound(items_.begin(), items_.end(), key,
                                [](const value_type& item, const K& k) { return item.first < k; });
    }

    std::vector<value_type> items_;
};

}  // namespace pepgen
