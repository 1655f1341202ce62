// render/value: the page-data tree (text, flag, list, object): set, get, find_path, nonempty.
#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>
#include <string>

#include "render/value.h"
#include "render/value_digest.h"

using namespace pepgen;

TEST_CASE("each constructor gives its kind; a default Value is an empty object", "[value]") {
    CHECK(Value().kind() == Value::Kind::object);
    CHECK(Value().is_object());
    CHECK(Value().fields().empty());
    CHECK(Value("teks").kind() == Value::Kind::text);
    const Value from_string(std::string("teks"));
    CHECK(from_string.text() == "teks");
    CHECK(Value(true).kind() == Value::Kind::flag);
    CHECK(Value(true).flag());
    CHECK_FALSE(Value(false).flag());
    CHECK(Value::list().kind() == Value::Kind::list);
    CHECK(Value::list().items().empty());
    const auto l = Value::list({Value("a"), Value(false)});
    REQUIRE(l.items().size() == 2);
    CHECK(l.items()[0].text() == "a");
    CHECK(l.items()[1].kind() == Value::Kind::flag);
}

TEST_CASE("nonempty gives false for empty text, so a template section over it shows nothing", "[value]") {
    CHECK(Value::nonempty("").kind() == Value::Kind::flag);
    CHECK_FALSE(Value::nonempty("").flag());
    CHECK(Value::nonempty("x").kind() == Value::Kind::text);
    CHECK(Value::nonempty("x").text() == "x");
}

TEST_CASE("set keeps fields in insertion order and replaces a field of the same name in place", "[value]") {
    Value v;
    v.set("judul", "A").set("jumlah", "3").set("ada", true);
    REQUIRE(v.fields().size() == 3);
    CHECK(v.fields()[0].first == "judul");
    CHECK(v.fields()[1].first == "jumlah");
    CHECK(v.fields()[2].first == "ada");
    v.set("jumlah", "4");
    REQUIRE(v.fields().size() == 3);
    CHECK(v.fields()[1].first == "jumlah");
    CHECK(v.fields()[1].second.text() == "4");
    // Keys of the same length and first letter are still told apart.
    v.set("judux", "B");
    CHECK(v.fields().size() == 4);
    CHECK(v.get("judul")->text() == "A");
    CHECK(v.get("judux")->text() == "B");
    // An empty key is a key like any other.
    v.set("", "kosong");
    CHECK(v.get("")->text() == "kosong");
    // Chained on a temporary, the result is the whole object.
    const auto t = Value().set("a", "1").set("b", "2");
    CHECK(t.fields().size() == 2);
}

TEST_CASE("push_back appends to a list in order", "[value]") {
    auto l = Value::list();
    l.push_back("satu");
    l.push_back(Value().set("x", "y"));
    REQUIRE(l.items().size() == 2);
    CHECK(l.items()[0].text() == "satu");
    CHECK(l.items()[1].get("x")->text() == "y");
}

TEST_CASE("get finds a field of an object only; anything else has no fields", "[value]") {
    const auto v = Value().set("a", "1");
    REQUIRE(v.get("a"));
    CHECK(v.get("a")->text() == "1");
    CHECK(v.get("b") == nullptr);
    CHECK(v.get("A") == nullptr);
    CHECK(Value("a").get("a") == nullptr);
    CHECK(Value(true).get("a") == nullptr);
    CHECK(Value::list({Value().set("a", "1")}).get("a") == nullptr);
}

TEST_CASE("find_path follows dotted names through nested objects, and stops at anything missing", "[value]") {
    const auto v = Value()
                       .set("kategori", Value().set("css", "atas").set("nama", Value().set("pendek", "A")))
                       .set("daftar", Value::list({Value("x")}))
                       .set("judul", "J");
    REQUIRE(v.find_path("kategori.css"));
    CHECK(v.find_path("kategori.css")->text() == "atas");
    CHECK(v.find_path("kategori.nama.pendek")->text() == "A");
    CHECK(v.find_path("judul")->text() == "J");
    CHECK(v.find_path("kategori")->is_object());
    CHECK(v.find_path("kategori.warna") == nullptr);
    CHECK(v.find_path("hilang.css") == nullptr);
    CHECK(v.find_path("judul.x") == nullptr);    // a text has no fields
    CHECK(v.find_path("daftar.0") == nullptr);   // nor has a list
    CHECK(v.find_path("kategori.") == nullptr);  // an empty last part is a key the object lacks
    CHECK(v.find_path("") == nullptr);
}

TEST_CASE("a value holds only its kind: fields on a non-object, items on a non-list are refused, not kept unseen",
          "[value]") {
    Value text("teks");
    CHECK_THROWS_AS(text.set("a", "1"), std::logic_error);
    Value flag(true);
    CHECK_THROWS_AS(flag.push_back("x"), std::logic_error);
    Value object;
    CHECK_THROWS_AS(object.push_back("x"), std::logic_error);
    auto list = Value::list();
    CHECK_THROWS_AS(list.set("a", "1"), std::logic_error);
    // Each accessor of another kind gives the empty answer.
    CHECK(text.items().empty());
    CHECK(text.fields().empty());
    CHECK_FALSE(text.flag());
    CHECK(flag.text().empty());
    CHECK(list.fields().empty());
    // Many fields: every one is kept, in order, through the growth steps.
    Value big;
    for (int i = 0; i < 100; ++i) big.set("k" + std::to_string(i), std::to_string(i));
    REQUIRE(big.fields().size() == 100);
    CHECK(big.fields()[99].first == "k99");
    CHECK(big.get("k42")->text() == "42");
}

TEST_CASE("a shared value reads as what it holds, is held by every copy without copying, and cannot be changed",
          "[value]") {
    Value row;
    row.set("nama", "LSP A").set("kategori", Value().set("key", "baik"));
    const auto shared = Value::shared(row);
    CHECK(shared.kind() == Value::Kind::object);
    CHECK(shared.is_object());
    CHECK(shared.get("nama")->text() == "LSP A");
    CHECK(shared.find_path("kategori.key")->text() == "baik");
    CHECK(shared.fields().size() == 2);
    // Copies hold the same object: the fields are at the same address.
    const Value copy = shared;
    CHECK(&copy.fields() == &shared.fields());
    // A list of shared rows reads like a list of rows.
    auto list = Value::list({shared, copy});
    CHECK(list.items()[1].get("nama")->text() == "LSP A");
    // Sharing a shared value does not wrap it twice.
    CHECK(&Value::shared(shared).fields() == &shared.fields());
    // Other kinds read through too.
    CHECK(Value::shared(Value("teks")).text() == "teks");
    CHECK(Value::shared(Value(true)).flag());
    CHECK(Value::shared(Value::list({Value("x")})).items().size() == 1);
    // Another page's data holds it: changing it would change that page too.
    Value changed = shared;
    CHECK_THROWS_AS(changed.set("nama", "LSP B"), std::logic_error);
    auto shared_list = Value::shared(Value::list());
    CHECK_THROWS_AS(shared_list.push_back("x"), std::logic_error);
    CHECK(shared.get("nama")->text() == "LSP A");
}

TEST_CASE("an object laid over a shared one reads its own fields first, then the base's, and leaves the base as it is",
          "[value]") {
    Value row;
    row.set("nama", "LSP A").set("href", "../../lsp/a/").set("kategori", Value().set("key", "baik"));
    const auto shared = Value::shared(row);
    auto higher = Value::over(shared).set("href", "../lsp/a/");
    CHECK(higher.is_object());
    CHECK(higher.get("href")->text() == "../lsp/a/");
    CHECK(higher.get("nama")->text() == "LSP A");
    CHECK(higher.find_path("kategori.key")->text() == "baik");
    CHECK(higher.get("tidak-ada") == nullptr);
    // The base is held, not copied, and still reads as before.
    CHECK(shared.get("href")->text() == "../../lsp/a/");
    CHECK(&higher.get("nama")->text() == &shared.get("nama")->text());
    CHECK(higher.base() != nullptr);
    CHECK(higher.base()->get("href")->text() == "../../lsp/a/");
    CHECK(shared.base() == nullptr);
    // Setting a field the base has lays it over, never changing the base.
    higher.set("nama", "LSP A (baru)");
    CHECK(higher.get("nama")->text() == "LSP A (baru)");
    CHECK(shared.get("nama")->text() == "LSP A");
}

namespace {

/// Items "0", "1", ...; counts how often they are made all at once and one by one.
class Numbers final : public LazyItems {
public:
    explicit Numbers(std::size_t n) : n_(n) {}
    std::size_t size() const override { return n_; }
    Value make(std::size_t i) const override {
        ++made_one;
        return Value(std::to_string(i));
    }
    std::vector<Value> make_all() const override {
        ++made_all;
        return LazyItems::make_all();
    }
    mutable int made_one = 0, made_all = 0;

private:
    std::size_t n_;
};

}  // namespace

TEST_CASE("a lazy list reads as the list its source makes, made once for every copy, and only when read",
          "[value]") {
    auto source = std::make_shared<Numbers>(3);
    const auto v = Value::lazy(source);
    CHECK(v.kind() == Value::Kind::list);
    CHECK(v.lazy() == source.get());
    CHECK(source->made_all == 0);  // nothing made until read
    const Value copy = v;
    const auto shared = Value::shared(v);
    REQUIRE(copy.items().size() == 3);
    CHECK(copy.items()[2].text() == "2");
    CHECK(&v.items() == &copy.items());
    CHECK(&shared.items() == &v.items());
    CHECK(shared.lazy() == source.get());
    CHECK(source->made_all == 1);
    CHECK(source->made_one == 3);
    // Digested as the list it reads as: a page keyed by its data cannot tell them apart.
    CHECK(value_digest(v) == value_digest(Value::list({Value("0"), Value("1"), Value("2")})));
    CHECK(Value::list().lazy() == nullptr);
    CHECK_THROWS_AS(Value(v).push_back(Value("3")), std::logic_error);
}
