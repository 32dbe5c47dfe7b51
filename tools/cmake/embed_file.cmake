# Writes OUTPUT, a C++ file defining `std::string_view FUNCTION()` that returns the bytes of INPUT.
# Run at build time (cmake -P), so editing the input rebuilds the program with it.
file(READ "${INPUT}" bytes HEX)
string(LENGTH "${bytes}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${bytes}")
string(REGEX REPLACE "(([^,]*,){24})" "\\1\n    " bytes "${bytes}")
file(WRITE "${OUTPUT}.part" "// Generated from ${INPUT} by tools/cmake/embed_file.cmake; do not edit.
#include <string_view>

namespace lectern {

namespace {
constexpr char bytes[${size} + 1] = {
    ${bytes}'\\0'};
} // namespace

std::string_view ${FUNCTION}() {
    return {bytes, ${size}};
}

} // namespace lectern
")
file(RENAME "${OUTPUT}.part" "${OUTPUT}")
