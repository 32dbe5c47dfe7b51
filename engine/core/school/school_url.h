// SchoolUrl: where the school's MQTT broker is, as --school gives it: mqtt://[USER:PASS@]HOST[:PORT]
// (port 1883 by default) or mqtts:// for TLS (port 8883). Pure.
#pragma once

#include "core/base/expected.h"

#include <string>
#include <string_view>

namespace lectern {

struct SchoolUrl {
    bool tls = false;
    std::string user; // "" for none
    std::string password;
    std::string host;
    int port = 1883;
};

// The broker's address, or a Failure saying what is wrong with the text and how it should look.
Expected<SchoolUrl> parse_school_url(std::string_view text);

} // namespace lectern
