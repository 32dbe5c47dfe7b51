#include "render/font_catalog.h"
#include "render_fixture.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

TEST_CASE("font catalog: the default body family resolves to DejaVu Sans") {
    FontCatalog& catalog = test::shared_font_catalog();
    const auto regular = catalog.primary_face(TextStyle{});
    REQUIRE(regular);
    CHECK(catalog.face(*regular).family == "DejaVu Sans");
    CHECK(catalog.font(*regular, 32) != nullptr);
    CHECK(catalog.provides(*regular, U'ą', 32));
    CHECK_FALSE(catalog.provides(*regular, U'中', 32));
}

TEST_CASE("font catalog: bold and italic find other faces of the family or fake them") {
    FontCatalog& catalog = test::shared_font_catalog();
    const auto regular = catalog.primary_face(TextStyle{});
    const auto bold = catalog.primary_face(TextStyle{.bold = true});
    const auto italic = catalog.primary_face(TextStyle{.italic = true});
    REQUIRE(regular);
    REQUIRE(bold);
    REQUIRE(italic);
    CHECK(*bold != *regular);
    CHECK(catalog.face(*bold).file.find("Bold") != std::string::npos); // fonts-dejavu-core has a real bold
    CHECK(*italic != *regular); // a real oblique (fonts-dejavu-extra) or the regular slanted by SDL_ttf
}

TEST_CASE("font catalog: code points the primary lacks get a fallback face that has them") {
    FontCatalog& catalog = test::shared_font_catalog();
    const TextStyle style;
    for (const char32_t code_point : {U'中', U'の', U'한', U'ے', U'ہ'}) {
        CAPTURE(static_cast<unsigned>(code_point));
        const auto fallback = catalog.fallback_face(code_point, style, 32);
        REQUIRE(fallback);
        CHECK(catalog.provides(*fallback, code_point, 32));
    }
}

TEST_CASE("font catalog: fallback faces are remembered, not asked of fontconfig again") {
    FontCatalog& catalog = test::shared_font_catalog();
    const TextStyle style{.role = FontRole::Heading};
    REQUIRE(catalog.fallback_face(U'語', style, 24));
    const auto queries = catalog.fontconfig_queries();
    CHECK(catalog.fallback_face(U'語', style, 24)); // same code point
    CHECK(catalog.fallback_face(U'誌', style, 24)); // same block, the same CJK face has it
    CHECK(catalog.fontconfig_queries() == queries);
}

TEST_CASE("font catalog: a code point no font has gets no fallback") {
    FontCatalog& catalog = test::shared_font_catalog();
    CHECK_FALSE(catalog.fallback_face(0x10FFFD, TextStyle{}, 32)); // private use, plane 16
}

TEST_CASE("font catalog: open fonts are bounded, least recently used closed first") {
    FontCatalog catalog(FontFamilies{}, 3);
    const auto face = catalog.primary_face(TextStyle{});
    REQUIRE(face);
    for (int size = 10; size < 20; ++size) {
        CHECK(catalog.font(*face, size) != nullptr);
        CHECK(catalog.open_font_count() <= 3);
    }
    CHECK(catalog.open_font_count() == 3);
    CHECK(catalog.last_error().empty());
}

TEST_CASE("font catalog: a family that is not installed still gives a font") {
    FontCatalog catalog(FontFamilies{.body = "No Such Family 12345", .heading = "DejaVu Serif"});
    const auto body = catalog.primary_face(TextStyle{});
    REQUIRE(body);
    CHECK(catalog.face(*body).family != "No Such Family 12345"); // fontconfig substitutes; callers can tell
    CHECK(catalog.font(*body, 20) != nullptr);
}

TEST_CASE("font catalog: pixel sizes are the nearest integer within bounds") {
    CHECK(nearest_pixel_size(40.4f) == 40);
    CHECK(nearest_pixel_size(40.6f) == 41);
    CHECK(nearest_pixel_size(0.2f) == min_pixel_size);
    CHECK(nearest_pixel_size(-3.0f) == min_pixel_size);
    CHECK(nearest_pixel_size(1e9f) == max_pixel_size);
}
