#include "cli/tool_commands.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>

namespace fs = std::filesystem;

namespace pepgen {

namespace {
const ToolCommands* registered = nullptr;
}

bool is_tool_command(const std::string& command) {
    return command == "new" || command == "import" || command == "export" || command == "serve";
}

const ToolCommands* tool_commands() { return registered; }

void set_tool_commands(const ToolCommands* commands) { registered = commands; }

int run_tool_program(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    const auto self = fs::read_symlink("/proc/self/exe", ec);
    const auto tool = (ec ? fs::path(".") : self.parent_path()) / "pepgen-alat";
    std::vector<std::string> words{tool.string()};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    out.flush();
    err.flush();
    ::execv(tool.c_str(), argv.data());
    const int error = errno;
    const std::string why = error == ENOENT ? "yang tidak ada"
                            : error == EACCES ? "yang tidak boleh dijalankan (periksa izinnya)"
                                              : std::string("yang tidak dapat dijalankan (") + std::strerror(error) + ")";
    err << "pepgen: galat: perintah " << (args.empty() ? std::string() : args.front())
        << " dijalankan oleh program pembantu " << tool.string() << ", " << why
        << "; pepgen-alat harus ada di folder yang sama dengan pepgen: "
        << "bangun ulang dengan bash scripts/setup.sh, atau salin keduanya bersama\n";
    return 1;
}

}  // namespace pepgen
