// SessionKey: the secret a session's device tokens are made with (net/device_tokens.h), kept beside the
// session's log (session-....key, mode 0600) so that after a crash or a power cut the restarted show
// still recognises the devices of the lesson: a pupil who changes their vote after the restart replaces
// it instead of counting twice. It goes when the log goes (ResultsStore::end_session, --delete).
// No SDL, ImGui or network includes.
#pragma once

#include <array>
#include <filesystem>
#include <optional>

namespace lectern {

inline constexpr std::size_t session_key_bytes = 32;
using SessionKey = std::array<unsigned char, session_key_bytes>;

// The key file that belongs to a session's log ("session-20240501-103205.log" -> "...-103205.key").
std::filesystem::path session_key_path(const std::filesystem::path& log);

// The session's key: read when the file is there (a restored session), else made from the system's
// random source and saved (fsynced) first. Nothing when it can be neither read nor saved (the caller
// then uses a key that lasts only as long as the process).
std::optional<SessionKey> session_key_for(const std::filesystem::path& log);

} // namespace lectern
