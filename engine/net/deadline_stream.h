// DeadlineStream: one connection of the voting server, as cpp-httplib's Stream. Its reads share one
// deadline: the whole request must arrive within it, so a client sending a byte now and then (or nothing
// at all) is cut off and frees its thread; writes wait at most a few seconds for a slow reader.
#pragma once

#include <httplib.h>

#include <array>
#include <chrono>
#include <string>

namespace lectern {

class DeadlineStream final : public httplib::Stream {
public:
    DeadlineStream(int socket, std::chrono::milliseconds read_deadline,
                   std::chrono::milliseconds write_timeout);

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return m_socket; }

private:
    int m_socket;
    // cpp-httplib reads a request's lines a byte at a time: read ahead, as its own stream does.
    std::array<char, 4096> m_buffer{};
    std::size_t m_buffered_from = 0, m_buffered_to = 0;
    std::chrono::steady_clock::time_point m_read_by;
    std::chrono::milliseconds m_write_timeout;
};

// The numeric text of a socket's peer (or, with `local`, own) address, and its port.
std::string address_of(int socket, bool local, int* port = nullptr);

} // namespace lectern
