#include "worksheet/workbook_reader.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <cstdio>
#include <exception>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include <ixion/address.hpp>
#include <ixion/formula_result.hpp>
#include <ixion/model_context.hpp>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/sax_parser.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>
#include <orcus/spreadsheet/sheet.hpp>
#include <orcus/spreadsheet/styles.hpp>

namespace pepgen {

namespace ss = orcus::spreadsheet;

namespace {
std::string walk_zip(std::string_view bytes, std::vector<std::string>* names);
}  // namespace

WorkbookFormat workbook_format(std::string_view bytes) {
    // Judged from the package's directory, without liborcus: its own detector
    // parses the parts in this process, and a damaged file can take gigabytes there.
    if (bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return WorkbookFormat::none;
    std::vector<std::string> names;
    if (!walk_zip(bytes, &names).empty()) return WorkbookFormat::none;
    bool content_types = false, workbook = false, content = false;
    for (const auto& n : names) {
        content_types = content_types || n == "[Content_Types].xml";
        workbook = workbook || n == "xl/workbook.xml";
        content = content || n == "content.xml";
    }
    if (content_types && workbook) return WorkbookFormat::xlsx;
    // An OpenDocument package starts with an uncompressed "mimetype" part naming its kind.
    constexpr std::string_view kOds = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
    if (content && bytes.size() > 30 + kOds.size() && bytes.substr(30, kOds.size()) == kOds) return WorkbookFormat::ods;
    return WorkbookFormat::none;
}

const WorkbookSheet* Workbook::sheet(const std::string& name) const {
    for (const auto& s : sheets)
        if (s.name == name) return &s;
    return nullptr;
}

namespace {

/// Whether a number format shows dates or times: Excel's built-in date
/// formats (14–22, 45–47) or a format code with day, month, year or hour
/// letters outside quotes and brackets.
bool is_date_format(std::size_t identifier, std::string_view code) {
    if ((identifier >= 14 && identifier <= 22) || (identifier >= 45 && identifier <= 47)) return true;
    bool quoted = false;
    int bracket = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') quoted = !quoted;
        else if (quoted) continue;
        else if (c == '\\' || c == '_' || c == '*') ++i;  // the next character is literal or padding
        else if (c == '[') ++bracket;
        else if (c == ']') bracket = bracket > 0 ? bracket - 1 : 0;
        else if (bracket == 0 && (c == 'd' || c == 'D' || c == 'm' || c == 'M' || c == 'y' || c == 'Y' || c == 'h' ||
                                  c == 'H' || c == 'j' || c == 'J' || c == 't' || c == 'T'))
            return true;
    }
    return false;
}

/// The number format with this identifier (xlsx cell formats name a numFmtId, not an index).
const ss::number_format_t* number_format_by_id(const ss::styles& styles, std::size_t id) {
    for (std::size_t i = 0; i < styles.get_number_format_count(); ++i)
        if (const auto* nf = styles.get_number_format(i); nf && nf->identifier == id) return nf;
    return nullptr;
}

using CellKey = std::tuple<std::size_t, std::size_t, std::size_t>;  // sheet, row, column

/// What orcus does not keep of an .ods file's cells, read from its
/// content.xml: which hold dates or times (office:value-type; orcus keeps the
/// number but not how it is shown), and the whole text of cells with several
/// paragraphs (orcus keeps only the last line of a multi-line cell).
class OdsCells {
public:
    std::set<CellKey> dates;
    std::map<CellKey, std::string> texts;

    void doctype(const orcus::sax::doctype_declaration&) {}
    void start_declaration(std::string_view) {}
    void end_declaration(std::string_view) {}
    void characters(std::string_view val, bool) {
        if (in_p_) text_.append(val);
    }
    void attribute(const orcus::sax::parser_attribute& attr) {
        if (attr.name == "number-rows-repeated" || attr.name == "number-columns-repeated" || (attr.ns == "text" && attr.name == "c")) {
            std::size_t n = 0;
            for (const char c : attr.value) n = c >= '0' && c <= '9' ? n * 10 + static_cast<std::size_t>(c - '0') : n;
            repeat_ = n > 0 ? n : 1;
        } else if (attr.ns == "office" && attr.name == "value-type") {
            date_ = attr.value == "date" || attr.value == "time";
        }
    }
    void start_element(const orcus::sax::parser_element& e) {
        const bool table = e.ns == "table", text = e.ns == "text";
        if (table && e.name == "table") {
            ++sheet_;
            row_ = 0;
        } else if (table && e.name == "table-row") {
            row_repeat_ = repeat_;
            col_ = 0;
        } else if (table && (e.name == "table-cell" || e.name == "covered-table-cell")) {
            cell_ = CellKey{sheet_ - 1, row_, col_};
            in_cell_ = sheet_ > 0;
            paragraphs_ = 0;
            text_.clear();
            if (date_ && in_cell_)
                for (std::size_t r = 0; r < row_repeat_ && r < 1000; ++r)
                    for (std::size_t c = 0; c < repeat_ && c < 1000; ++c) dates.emplace(sheet_ - 1, row_ + r, col_ + c);
            col_ += repeat_;
        } else if (in_cell_ && text && e.name == "p") {
            if (paragraphs_++ > 0) text_ += '\n';
            in_p_ = true;
        } else if (in_p_ && text && e.name == "s") {
            text_.append(repeat_, ' ');
        } else if (in_p_ && text && e.name == "tab") {
            text_ += '\t';
        } else if (in_p_ && text && e.name == "line-break") {
            text_ += '\n';
        }
        repeat_ = 1;
        date_ = false;
    }
    void end_element(const orcus::sax::parser_element& e) {
        if (e.ns == "table" && e.name == "table-row") {
            row_ += row_repeat_;
        } else if (e.ns == "table" && (e.name == "table-cell" || e.name == "covered-table-cell")) {
            if (in_cell_ && paragraphs_ > 1) texts[cell_] = text_;
            in_cell_ = false;
        } else if (e.ns == "text" && e.name == "p") {
            in_p_ = false;
        }
    }

private:
    std::size_t sheet_ = 0, row_ = 0, col_ = 0, repeat_ = 1, row_repeat_ = 1, paragraphs_ = 0;
    bool date_ = false, in_cell_ = false, in_p_ = false;
    CellKey cell_;
    std::string text_;
};

OdsCells ods_cells(const std::string& bytes) {
    orcus::zip_archive_stream_blob stream(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    orcus::zip_archive archive(&stream);
    archive.load();
    std::vector<unsigned char> xml;
    OdsCells handler;
    if (!archive.read_file_entry("content.xml", xml)) return handler;
    orcus::sax_parser<OdsCells> parser(reinterpret_cast<const char*>(xml.data()), xml.size(), handler);
    parser.parse();
    return handler;
}

/// A number as a plain cell would show it: 8 → "8", 2.5 → "2.5".
std::string plain_number(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

/// A spreadsheet date serial (days since 30 December 1899) as YYYY-MM-DD.
std::string serial_date(double serial) {
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465) return plain_number(serial);
    // Days to civil date (Howard Hinnant's algorithm), from 1970-01-01 = serial 25569.
    long z = static_cast<long>(std::floor(serial)) - 25569 + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp + (mp < 10 ? 3 : -9);
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    // Room for any long, not only the years 1899..9999 the check above allows: the compiler cannot see that bound.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
    return buf;
}

}  // namespace

namespace {

/// liborcus itself, in this process: a damaged file can stop it with an
/// assertion (Debian builds it with them), so only a child process calls this.
std::optional<Workbook> parse_in_process(const std::string& bytes, WorkbookFormat format, std::string& error) {
    try {
        ss::document doc{ss::range_size_t{1048576, 16384}};
        ss::import_factory factory{doc};
        if (format == WorkbookFormat::xlsx) {
            orcus::orcus_xlsx filter(&factory);
            filter.read_stream(bytes);
        } else if (format == WorkbookFormat::ods) {
            orcus::orcus_ods filter(&factory);
            filter.read_stream(bytes);
        } else {
            error = "bukan buku kerja .xlsx atau .ods";
            return std::nullopt;
        }
        const auto ods = format == WorkbookFormat::ods ? ods_cells(bytes) : OdsCells();
        const auto& model = doc.get_model_context();
        const auto& styles = doc.get_styles();
        Workbook out;
        for (std::size_t s = 0; s < doc.get_sheet_count(); ++s) {
            const auto* sh = doc.get_sheet(static_cast<ss::sheet_t>(s));
            WorkbookSheet sheet;
            sheet.name = std::string(doc.get_sheet_name(static_cast<ss::sheet_t>(s)));
            const auto range = sh->get_data_range();
            if (range.valid()) {
                const auto rows = static_cast<std::size_t>(range.last.row) + 1;
                const auto cols = static_cast<std::size_t>(range.last.column) + 1;
                sheet.rows.assign(rows, std::vector<WorkbookCell>(cols));
                for (std::size_t r = 0; r < rows; ++r)
                    for (std::size_t c = 0; c < cols; ++c) {
                        const ixion::abs_address_t addr(static_cast<ixion::sheet_t>(s), static_cast<ixion::row_t>(r),
                                                        static_cast<ixion::col_t>(c));
                        auto& cell = sheet.rows[r][c];
                        auto type = model.get_celltype(addr);
                        if (type == ixion::celltype_t::formula) {
                            cell.formula = true;
                            const auto result = model.get_formula_result(addr);
                            switch (result.get_type()) {
                                case ixion::formula_result::result_type::value:
                                    cell.kind = WorkbookCell::Kind::number;
                                    cell.number = result.get_value();
                                    break;
                                case ixion::formula_result::result_type::string:
                                    cell.kind = WorkbookCell::Kind::text;
                                    cell.text = result.get_string();
                                    break;
                                default:
                                    cell.kind = WorkbookCell::Kind::text;
                                    cell.text = "#GALAT";
                                    break;
                            }
                        } else if (type == ixion::celltype_t::string) {
                            cell.kind = WorkbookCell::Kind::text;
                            const auto whole = ods.texts.find({s, r, c});
                            cell.text = whole != ods.texts.end() ? whole->second : std::string(model.get_string_value(addr));
                        } else if (type == ixion::celltype_t::numeric) {
                            cell.kind = WorkbookCell::Kind::number;
                            cell.number = model.get_numeric_value(addr);
                        } else if (type == ixion::celltype_t::boolean) {
                            cell.kind = WorkbookCell::Kind::boolean;
                            cell.number = model.get_boolean_value(addr) ? 1 : 0;
                        }
                        if (cell.kind == WorkbookCell::Kind::number) {
                            if (format == WorkbookFormat::ods) {
                                cell.date = ods.dates.count({s, r, c}) > 0;
                            } else if (const auto* xf = styles.get_cell_format(
                                           sh->get_cell_format(static_cast<ss::row_t>(r), static_cast<ss::col_t>(c)))) {
                                const auto* nf = number_format_by_id(styles, xf->number_format);
                                cell.date = is_date_format(xf->number_format, nf ? nf->format_string : std::string_view());
                            }
                            cell.text = cell.date ? serial_date(cell.number) : plain_number(cell.number);
                        } else if (cell.kind == WorkbookCell::Kind::boolean) {
                            cell.text = cell.number != 0 ? "TRUE" : "FALSE";
                        }
                    }
            }
            out.sheets.push_back(std::move(sheet));
        }
        return out;
    } catch (const std::exception& e) {
        error = std::string("buku kerja rusak atau tidak dapat dibaca (") + e.what() +
                "); buka di program lembar kerja lalu simpan ulang sebagai .xlsx atau .ods";
        return std::nullopt;
    }
}

// The child hands the workbook back as length-prefixed fields on a pipe.
void put_size(std::string& out, std::size_t n) { out.append(reinterpret_cast<const char*>(&n), sizeof n); }
void put_text(std::string& out, const std::string& t) {
    put_size(out, t.size());
    out += t;
}

std::string serialise(const Workbook& book) {
    std::string out;
    put_size(out, book.sheets.size());
    for (const auto& sheet : book.sheets) {
        put_text(out, sheet.name);
        put_size(out, sheet.rows.size());
        for (const auto& row : sheet.rows) {
            put_size(out, row.size());
            for (const auto& c : row) {
                out += static_cast<char>(c.kind);
                out += static_cast<char>((c.date ? 1 : 0) | (c.formula ? 2 : 0));
                out.append(reinterpret_cast<const char*>(&c.number), sizeof c.number);
                put_text(out, c.text);
            }
        }
    }
    return out;
}

struct Reader {
    const std::string& in;
    std::size_t at = 0;
    bool ok = true;
    std::size_t size() {
        std::size_t n = 0;
        if (in.size() - at < sizeof n) return ok = false, 0;
        std::memcpy(&n, in.data() + at, sizeof n);
        at += sizeof n;
        if (n > in.size()) ok = false;  // never more items than bytes
        return ok ? n : 0;
    }
    std::string text() {
        const auto n = size();
        if (!ok || in.size() - at < n) return ok = false, std::string();
        std::string t = in.substr(at, n);
        at += n;
        return t;
    }
};

std::optional<Workbook> deserialise(const std::string& in) {
    Reader r{in};
    Workbook book;
    const auto sheets = r.size();
    for (std::size_t s = 0; r.ok && s < sheets; ++s) {
        WorkbookSheet sheet;
        sheet.name = r.text();
        const auto rows = r.size();
        for (std::size_t i = 0; r.ok && i < rows; ++i) {
            std::vector<WorkbookCell> row;
            const auto cells = r.size();
            for (std::size_t j = 0; r.ok && j < cells; ++j) {
                if (in.size() - r.at < 2 + sizeof(double)) return std::nullopt;
                WorkbookCell c;
                c.kind = static_cast<WorkbookCell::Kind>(in[r.at]);
                c.date = (in[r.at + 1] & 1) != 0;
                c.formula = (in[r.at + 1] & 2) != 0;
                std::memcpy(&c.number, in.data() + r.at + 2, sizeof c.number);
                r.at += 2 + sizeof(double);
                c.text = r.text();
                row.push_back(std::move(c));
            }
            sheet.rows.push_back(std::move(row));
        }
        book.sheets.push_back(std::move(sheet));
    }
    if (!r.ok || r.at != in.size()) return std::nullopt;
    return book;
}

bool write_all(int fd, const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const auto n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

namespace {

/// Walks a ZIP package's directory: every entry's name (into `names` when
/// given), or why the package cannot be trusted.
std::string walk_zip(std::string_view bytes, std::vector<std::string>* names) {
    const auto u16 = [&](std::size_t at) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
               static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
    };
    const auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    // The end-of-central-directory record: 22 bytes plus a comment of up to 64 KiB.
    if (bytes.size() < 22) return "berkas terlalu pendek untuk sebuah buku kerja";
    std::size_t eocd = std::string_view::npos;
    const std::size_t lowest = bytes.size() > 22 + 65535 ? bytes.size() - 22 - 65535 : 0;
    for (std::size_t at = bytes.size() - 22 + 1; at-- > lowest;)
        if (bytes.compare(at, 4, std::string_view("PK\x05\x06", 4)) == 0) {
            eocd = at;
            break;
        }
    if (eocd == std::string_view::npos) return "daftar isi arsipnya (akhir berkas) tidak ada; berkas mungkin terpotong";
    const std::size_t entries = u16(eocd + 10);
    std::size_t at = u32(eocd + 16);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < entries; ++i) {
        if (at + 46 > bytes.size() || bytes.compare(at, 4, std::string_view("PK\x01\x02", 4)) != 0)
            return "daftar isi arsipnya rusak";
        const std::uint64_t size = u32(at + 24);
        // The part's own (local) header must agree: the reader sizes its buffers from it.
        const std::size_t local = u32(at + 42);
        if (u32(at + 20) > bytes.size() || local + 30 > bytes.size() ||
            bytes.compare(local, 4, std::string_view("PK\x03\x04", 4)) != 0 || u32(local + 18) > bytes.size() ||
            local + 30 + u16(local + 26) + u16(local + 28) > bytes.size() ||
            (u32(local + 22) != size && (u16(local + 6) & 8) == 0))
            return "daftar isi arsipnya tidak cocok dengan isinya";
        total += size;
        if (size > kMaxWorkbookPartBytes || total > 2 * kMaxWorkbookPartBytes)
            return "isinya mengaku berukuran " + std::to_string(total / (1024 * 1024)) +
                   " MiB setelah dibuka, melebihi batas " + std::to_string(2 * kMaxWorkbookPartBytes / (1024 * 1024)) +
                   " MiB (berkas rusak atau bukan lembar kerja)";
        if (names) names->emplace_back(bytes.substr(std::min(bytes.size(), at + 46), u16(at + 28)));
        at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    }
    return {};
}

}  // namespace

std::string zip_size_problem(std::string_view bytes) { return walk_zip(bytes, nullptr); }

std::optional<Workbook> read_workbook(const std::string& bytes, WorkbookFormat format, std::string& error) {
    if (format == WorkbookFormat::none) {
        error = "bukan buku kerja .xlsx atau .ods";
        return std::nullopt;
    }
    // liborcus allocates what each part claims to hold: a damaged 8 KB file
    // claiming gigabytes would take the machine's memory before failing.
    if (const auto problem = zip_size_problem(bytes); !problem.empty()) {
        error = "buku kerja rusak: " + problem + "; buka berkas itu di Excel atau LibreOffice Calc, simpan ulang "
                "sebagai .xlsx atau .ods, lalu impor lagi";
        return std::nullopt;
    }
    // liborcus runs in a child process: whatever a damaged file does to it
    // (an assertion, a crash) ends the child, and this process says so.
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        error = "buku kerja tidak dapat dibaca: " + std::string(std::strerror(errno));
        return std::nullopt;
    }
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        error = "buku kerja tidak dapat dibaca: " + std::string(std::strerror(errno));
        return std::nullopt;
    }
    if (pid == 0) {
        ::close(fds[0]);
        // Whatever the parent installed for these (a fuzzer, a sanitizer) is
        // not for the child: a reader that fails simply ends it.
        for (const int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) ::signal(sig, SIG_DFL);
        // orcus prints its own notes ("failed to get stat on content.xml"): not for the team's eyes.
        const int null = ::open("/dev/null", O_WRONLY);
        if (null >= 0) {
            ::dup2(null, 1);
            ::dup2(null, 2);
        }
        std::string child_error;
        const auto book = parse_in_process(bytes, format, child_error);
        const std::string reply = book ? "W" + serialise(*book) : "E" + child_error;
        ::_exit(write_all(fds[1], reply) ? 0 : 1);
    }
    ::close(fds[1]);
    std::string reply;
    char buf[65536];
    for (;;) {
        const auto n = ::read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        reply.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    const bool finished = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (finished && !reply.empty() && reply[0] == 'E') {
        error = reply.substr(1);
        return std::nullopt;
    }
    if (finished && !reply.empty() && reply[0] == 'W')
        if (auto book = deserialise(reply.substr(1))) return book;
    error = "buku kerja rusak: pembacanya berhenti di tengah isi berkas" +
            std::string(WIFSIGNALED(status) ? " (sinyal " + std::to_string(WTERMSIG(status)) + ")" : "") +
            "; buka berkas itu di Excel atau LibreOffice Calc, simpan ulang sebagai .xlsx atau .ods, lalu impor lagi";
    return std::nullopt;
}

}  // namespace pepgen
