#include "file_check.h"

#include "concat.h"
#include "unique_fd.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lectern {

namespace {

std::string kind_problem(const std::filesystem::file_status& status) {
    switch (status.type()) {
    case std::filesystem::file_type::not_found:
        return std::string(missing_file_problem);
    case std::filesystem::file_type::directory:
        return "it is a folder, not a file";
    case std::filesystem::file_type::fifo:
        return "it is a FIFO (named pipe), not a file";
    case std::filesystem::file_type::character:
    case std::filesystem::file_type::block:
        return "it is a device, not a file";
    case std::filesystem::file_type::socket:
        return "it is a socket, not a file";
    case std::filesystem::file_type::regular:
        return {};
    default:
        return "it is not a regular file";
    }
}

std::string too_big(std::uintmax_t size, std::uintmax_t max_bytes) {
    return concat("it is ", size_text(size), ", more than the ", size_text(max_bytes), " allowed");
}

} // namespace

std::string size_text(std::uintmax_t bytes) {
    const double mib = static_cast<double>(bytes) / (1u << 20);
    if (mib >= 1)
        return concat(number_text(std::round(mib * 10) / 10), " MiB");
    return concat(number_text(std::ceil(static_cast<double>(bytes) / 1024)), " KiB");
}

std::string regular_file_problem(const std::filesystem::path& path, std::uintmax_t max_bytes) {
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error); // follows links
    if (error && status.type() != std::filesystem::file_type::not_found)
        return concat("it cannot be looked at (", error.message(), ")");
    if (std::string problem = kind_problem(status); !problem.empty())
        return problem;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error)
        return concat("it cannot be looked at (", error.message(), ")");
    return size > max_bytes ? too_big(size, max_bytes) : std::string();
}

Expected<std::string> read_regular_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
    if (std::string problem = regular_file_problem(path, max_bytes); !problem.empty())
        return Failure{std::move(problem)};
    // Non-blocking, and checked again once open: the path may have been replaced since it was looked at.
    const UniqueFd file(open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    struct stat opened {};
    if (!file || fstat(file.get(), &opened) != 0)
        return Failure{concat("it cannot be read (", std::strerror(errno), ")")};
    if (!S_ISREG(opened.st_mode))
        return Failure{"it is not a regular file"};
    std::string text;
    char buffer[65536];
    while (true) {
        const ssize_t got = read(file.get(), buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return Failure{concat("it cannot be read (", std::strerror(errno), ")")};
        if (got == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(got));
        if (text.size() > max_bytes)
            return Failure{too_big(text.size(), max_bytes)};
    }
    return text;
}

} // namespace lectern
