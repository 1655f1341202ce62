#include "render/value_digest.h"

#include <vector>

namespace pepgen {

namespace {

/// Buffers of feeds that are done, for the thread's next ones (a feed can be open inside another).
thread_local std::vector<std::string> spare_buffers;

}  // namespace

ValueFeed::ValueFeed(std::uint64_t seed) {
    if (!spare_buffers.empty()) {
        buf_ = std::move(spare_buffers.back());
        spare_buffers.pop_back();
        buf_.clear();
    } else {
        buf_.reserve(kBlock);
    }
    number(seed);
}

ValueFeed::~ValueFeed() {
    if (spare_buffers.size() < 4 && buf_.capacity() >= kBlock) spare_buffers.push_back(std::move(buf_));
}

void ValueFeed::flush() {
    if (!fp_) fp_ = std::make_unique<Fingerprinter>();
    fp_->add(buf_);
    buf_.clear();
}

std::uint64_t ValueFeed::digest() {
    if (!fp_) return fingerprint(buf_);
    flush();
    return fp_->value();
}

void ValueFeed::value(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::text:
            buf_ += 't';
            text(v.text());
            break;
        case Value::Kind::flag: buf_ += v.flag() ? '1' : '0'; break;
        case Value::Kind::list:
            buf_ += 'l';
            number(v.items().size());
            for (const auto& item : v.items()) value(item);
            break;
        case Value::Kind::object:
            buf_ += 'o';
            number(v.fields().size());
            for (const auto& [name, field] : v.fields()) {
                text(name);
                value(field);
            }
            break;
    }
    if (buf_.size() >= kBlock) flush();
}

std::uint64_t value_digest(const Value& v, std::uint64_t seed) {
    ValueFeed feed(seed);
    feed.value(v);
    return feed.digest();
}

}  // namespace pepgen
