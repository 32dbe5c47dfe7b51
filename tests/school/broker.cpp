#include "broker.h"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fstream>
#include <mosquitto.h>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace lectern::test {

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

namespace {

bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

} // namespace

bool eventually(const std::function<bool()>& done, int ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

Broker::Broker() {
    m_folder =
        std::filesystem::temp_directory_path() / ("lectern-broker-" + std::to_string(::getpid()) + "-" +
                                                  std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::create_directories(m_folder);
    m_port = free_port();
    std::ofstream(m_folder / "mosquitto.conf") << "listener " << m_port << " 127.0.0.1\n"
                                               << "allow_anonymous true\npersistence false\n"
                                               << "log_dest none\n";
    start();
}

Broker::~Broker() {
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(m_folder, ignored);
}

bool Broker::start() {
    if (m_pid > 0)
        return true;
    const std::string conf = (m_folder / "mosquitto.conf").string();
    m_pid = ::fork();
    if (m_pid == 0) {
        ::execlp("mosquitto", "mosquitto", "-c", conf.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return eventually([this] { return accepts(m_port); }, 5000);
}

void Broker::stop() {
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
    m_pid = -1;
}

} // namespace lectern::test

namespace lectern::test {

bool publish_raw(int port, const std::string& topic, const std::string& payload, bool retain) {
    mosquitto_lib_init();
    mosquitto* client = mosquitto_new(nullptr, true, nullptr);
    if (!client)
        return false;
    bool sent = mosquitto_connect(client, "127.0.0.1", port, 5) == MOSQ_ERR_SUCCESS;
    int mid = 0;
    sent = sent && mosquitto_publish(client, &mid, topic.c_str(), static_cast<int>(payload.size()),
                                     payload.data(), 1, retain) == MOSQ_ERR_SUCCESS;
    // Run the loop until the broker has the message (QoS 1), then leave cleanly.
    for (int i = 0; sent && i < 20; ++i)
        mosquitto_loop(client, 50, 1);
    mosquitto_disconnect(client);
    mosquitto_destroy(client);
    return sent;
}

} // namespace lectern::test
