// libFuzzer target: any bytes as what a voter's browser sends: a vote body, a written answer to screen,
// an address to check, the Host, Origin, Sec-Fetch-Site and Content-Type headers. Everything here comes from
// the network, so none of it may crash or misbehave.
#include "core/base/json.h"
#include "core/polls/answer_screen.h"
#include "core/voting/request_policy.h"
#include "core/voting/school_network.h"
#include "core/voting/vote_request.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const lectern::Expected<lectern::VoteRequest> vote = lectern::parse_vote_request(text);
    if (vote && vote->text) {
        static const lectern::WordFilter filter = lectern::parse_word_filter("badword\nnobody likes you\n");
        lectern::held_because(*vote->text, filter);
    }
    (void)lectern::parse_json(text);
    lectern::is_school_network(text.substr(0, 64));
    lectern::parse_word_filter(text);
    static const lectern::OwnHosts own{{"192.168.1.20", "localhost", "::1"}, 8750};
    const std::size_t half = text.size() / 2;
    lectern::is_own_host(text, own);
    lectern::is_cross_site(text.substr(0, half), text.substr(half), text.substr(half / 2));
    lectern::is_json_content_type(text);
    return 0;
}
