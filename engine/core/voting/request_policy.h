// RequestPolicy: which requests may reach the voting server at all, read from their headers alone, so
// that only our own page can vote (vote-api.md, version 2). Pure: header text in, a verdict out.
//   - Host must name this server (421 otherwise): a page elsewhere that makes its own name point at the
//     teacher's computer (DNS rebinding) is refused.
//   - A request from a page of another site (its Origin is not ours, or Sec-Fetch-Site says cross-site)
//     is refused (403), so no web page can vote through a pupil's browser.
//   - POST bodies must be JSON (415 otherwise): a plain HTML form cannot send that.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// The names this server answers to: its own addresses, "localhost" and the --host-name, all at `port`.
struct OwnHosts {
    std::vector<std::string> names; // "192.168.1.20", "127.0.0.1", "::1", "localhost", "lectern.school"
    int port = 0;
};

// Whether a Host header ("192.168.1.20:8750", "[::1]:8750", "Localhost:8750") names this server. The
// port must be given unless it is 80 (browsers leave the default port out).
bool is_own_host(std::string_view host_header, const OwnHosts& own);

// Whether the request comes from a page of another site: an Origin header that is not
// "http://" + the Host header, or Sec-Fetch-Site "cross-site". (Absent headers say nothing: tools and
// old browsers send neither, and same-site requests from our own page carry our own origin.)
bool is_cross_site(std::string_view origin, std::string_view sec_fetch_site, std::string_view host_header);

// Whether a Content-Type header says JSON ("application/json", parameters such as charset allowed).
bool is_json_content_type(std::string_view content_type);

} // namespace lectern
