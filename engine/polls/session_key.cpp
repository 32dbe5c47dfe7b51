#include "session_key.h"

#include "core/base/unique_fd.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lectern {

std::filesystem::path session_key_path(const std::filesystem::path& log) {
    std::filesystem::path key = log;
    key.replace_extension(".key");
    return key;
}

namespace {

std::optional<SessionKey> read_key(const std::filesystem::path& path) {
    const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (!fd)
        return std::nullopt;
    SessionKey key{};
    struct stat info {};
    const bool whole = ::fstat(fd.get(), &info) == 0 && S_ISREG(info.st_mode) &&
                       info.st_size == static_cast<off_t>(key.size()) &&
                       ::read(fd.get(), key.data(), key.size()) == static_cast<ssize_t>(key.size());
    return whole ? std::optional(key) : std::nullopt;
}

std::optional<SessionKey> make_key(const std::filesystem::path& path) {
    SessionKey key{};
    if (::getrandom(key.data(), key.size(), 0) != static_cast<ssize_t>(key.size()))
        return std::nullopt;
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd)
        return key; // not kept: good for this run
    const bool saved = ::write(fd.get(), key.data(), key.size()) == static_cast<ssize_t>(key.size()) &&
                       ::fsync(fd.get()) == 0;
    fd.reset();
    if (!saved)
        ::unlink(path.c_str());
    return key;
}

} // namespace

std::optional<SessionKey> session_key_for(const std::filesystem::path& log) {
    const std::filesystem::path path = session_key_path(log);
    if (auto key = read_key(path))
        return key;
    return make_key(path);
}

} // namespace lectern
