#include "file_check.h"

#include "concat.h"

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

// Closes the descriptor whatever way the read ends.
struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0)
            close(fd);
    }
};

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

FileText read_regular_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
    FileText result;
    result.problem = regular_file_problem(path, max_bytes);
    if (!result.problem.empty())
        return result;
    // Non-blocking, and checked again once open: the path may have been replaced since it was looked at.
    const FileDescriptor file{open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
    struct stat opened {};
    if (file.fd < 0 || fstat(file.fd, &opened) != 0) {
        result.problem = concat("it cannot be read (", std::strerror(errno), ")");
        return result;
    }
    if (!S_ISREG(opened.st_mode)) {
        result.problem = "it is not a regular file";
        return result;
    }
    std::string text;
    char buffer[65536];
    while (true) {
        const ssize_t got = read(file.fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            result.problem = concat("it cannot be read (", std::strerror(errno), ")");
            return result;
        }
        if (got == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(got));
        if (text.size() > max_bytes) {
            result.problem = too_big(text.size(), max_bytes);
            return result;
        }
    }
    result.text = std::move(text);
    return result;
}

} // namespace lectern
