#include "page_policy.h"

#include <array>
#include <sodium.h>

namespace lectern {

namespace {

// "'sha256-BASE64' " for each element `tag` in `page`, as CSP Level 2 hashes it: the exact text between
// the opening tag's ">" and the closing tag.
std::string hashes_of(std::string_view page, std::string_view tag) {
    const std::string open = "<" + std::string(tag);
    const std::string close = "</" + std::string(tag) + ">";
    std::string sources;
    std::size_t at = 0;
    while ((at = page.find(open, at)) != std::string_view::npos) {
        const std::size_t body = page.find('>', at);
        const std::size_t end = body == std::string_view::npos ? body : page.find(close, body);
        if (end == std::string_view::npos)
            break;
        const std::string_view text = page.substr(body + 1, end - body - 1);
        std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
        crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
        std::array<char, sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)>
            base64{};
        sodium_bin2base64(base64.data(), base64.size(), digest.data(), digest.size(),
                          sodium_base64_VARIANT_ORIGINAL);
        sources += "'sha256-" + std::string(base64.data()) + "' ";
        at = end + close.size();
    }
    if (sources.empty())
        return "'none'";
    sources.pop_back();
    return sources;
}

} // namespace

std::string page_policy(std::string_view page, std::string_view img_src) {
    // Idempotent; it fails only without a source of randomness, which hashing does not need.
    [[maybe_unused]] const int ready = sodium_init();
    return "default-src 'none'; script-src " + hashes_of(page, "script") + "; style-src " +
           hashes_of(page, "style") + "; img-src " + std::string(img_src) +
           "; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

} // namespace lectern
