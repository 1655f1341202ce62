#include "render/value_digest.h"

namespace pepgen {

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
