#include "core/deck/slide_id.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("slugs keep ASCII letters and digits, joined by single hyphens") {
    CHECK(slug_of("Adding friends: **who** to trust") == "adding-friends-who-to-trust");
    CHECK(slug_of("  What's QQ?  ") == "what-s-qq");
    CHECK(slug_of("Year 7 & 8") == "year-7-8");
    CHECK(slug_of("问答") == "");
    CHECK(slug_of("Café crème") == "caf-cr-me");
}

TEST_CASE("slugs stop at 48 characters without a trailing hyphen") {
    const std::string slug =
        slug_of("a very long title that goes on and on and on about online safety for pupils");
    CHECK(slug.size() <= 48);
    CHECK(slug.back() != '-');
}

TEST_CASE("ids written in a deck are lowercase letters, digits, hyphens and underscores") {
    CHECK(is_valid_slide_id("phone-number"));
    CHECK(is_valid_slide_id("q1_intro"));
    CHECK_FALSE(is_valid_slide_id("Phone"));
    CHECK_FALSE(is_valid_slide_id("two words"));
    CHECK_FALSE(is_valid_slide_id("-leading"));
    CHECK_FALSE(is_valid_slide_id(""));
    CHECK_FALSE(is_valid_slide_id(std::string(65, 'a')));
}
