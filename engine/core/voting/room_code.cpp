#include "room_code.h"

namespace lectern {

std::string room_code_from(std::uint32_t random) {
    std::string code;
    for (std::size_t i = 0; i < room_code_length; ++i) {
        code += room_code_alphabet[random % room_code_alphabet.size()];
        random /= static_cast<std::uint32_t>(room_code_alphabet.size());
    }
    return code;
}

bool is_room_code(std::string_view given, std::string_view code) {
    if (given.size() != code.size() || code.empty())
        return false;
    for (std::size_t i = 0; i < given.size(); ++i) {
        char c = given[i];
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        if (c != code[i])
            return false;
    }
    return true;
}

} // namespace lectern
