// A real mosquitto broker for one test: on a free port of 127.0.0.1, anonymous, nothing kept on disk;
// stopped (and started again on the same port) as a school's broker might be.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <sys/types.h>

namespace lectern::test {

class Broker {
public:
    Broker();
    ~Broker();
    Broker(const Broker&) = delete;
    Broker& operator=(const Broker&) = delete;

    bool running() const { return m_pid > 0; }
    int port() const { return m_port; }
    void stop();  // SIGKILL: as a broker's machine losing power would
    bool start(); // again, on the same port

private:
    std::filesystem::path m_folder;
    int m_port = 0;
    pid_t m_pid = -1;
};

// A TCP port on 127.0.0.1 that nothing listens on now.
int free_port();

// Waits up to `ms` (10 s by default) for `done` to hold, looking every 20 ms.
bool eventually(const std::function<bool()>& done, int ms = 10000);

} // namespace lectern::test

namespace lectern::test {
// Publishes one message as any client on the broker could (a rogue laptop with mosquitto_pub).
bool publish_raw(int port, const std::string& topic, const std::string& payload, bool retain);
} // namespace lectern::test
