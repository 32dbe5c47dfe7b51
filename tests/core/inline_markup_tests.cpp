#include "core/text/inline_markup.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("**bold** and _italic_ spans are parsed, and plain text is kept as one span") {
    CHECK(parse_inline_markup("plain") == std::vector<StyledSpan>{{"plain", false, false}});
    CHECK(parse_inline_markup("Only add people you **know and trust** in real life") ==
          std::vector<StyledSpan>{{"Only add people you ", false, false},
                                  {"know and trust", true, false},
                                  {" in real life", false, false}});
    CHECK(parse_inline_markup("_really_ private") ==
          std::vector<StyledSpan>{{"really", false, true}, {" private", false, false}});
    CHECK(parse_inline_markup("**_both_**") == std::vector<StyledSpan>{{"both", true, true}});
}

TEST_CASE("markers that are not closed, or inside words, show as written") {
    CHECK(parse_inline_markup("2 ** 3") == std::vector<StyledSpan>{{"2 ** 3", false, false}});
    CHECK(parse_inline_markup("snake_case_name") ==
          std::vector<StyledSpan>{{"snake_case_name", false, false}});
    CHECK(parse_inline_markup("an _open marker") ==
          std::vector<StyledSpan>{{"an _open marker", false, false}});
    CHECK(plain_text_of("Think **before** you _post_") == "Think before you post");
}
