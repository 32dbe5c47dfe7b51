// RoomCode: the four characters pupils type (or scan) to join this presentation's voting, from an
// alphabet without look-alikes (no I, O, 0 or 1). Pure: the randomness comes in as a number.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lectern {

inline constexpr std::string_view room_code_alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
inline constexpr std::size_t room_code_length = 4;

// A code made from 20 bits of `random`.
std::string room_code_from(std::uint32_t random);

// Whether `given` (from a query string) names the room `code`; lower case is accepted, as pupils type it.
bool is_room_code(std::string_view given, std::string_view code);

} // namespace lectern
