#include "net_fixture.h"

#include "core/polls/poll_record.h"

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <malloc.h>
#include <netinet/in.h>
#include <new>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

// --- counting operator new and delete: the live heap, as the allocator cannot hide it ---

namespace {
std::atomic<long long> live_bytes = 0;
}

void* operator new(std::size_t size) {
    void* block = std::malloc(size == 0 ? 1 : size);
    if (!block)
        throw std::bad_alloc();
    live_bytes += static_cast<long long>(malloc_usable_size(block));
    return block;
}
void operator delete(void* block) noexcept {
    if (block)
        live_bytes -= static_cast<long long>(malloc_usable_size(block));
    std::free(block);
}
void operator delete(void* block, std::size_t) noexcept {
    operator delete(block);
}
void* operator new[](std::size_t size) {
    return operator new(size);
}
void operator delete[](void* block) noexcept {
    operator delete(block);
}
void operator delete[](void* block, std::size_t) noexcept {
    operator delete(block);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    void* block = std::malloc(size == 0 ? 1 : size);
    if (block)
        live_bytes += static_cast<long long>(malloc_usable_size(block));
    return block;
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
    return operator new(size, tag);
}
void operator delete(void* block, const std::nothrow_t&) noexcept {
    operator delete(block);
}
void operator delete[](void* block, const std::nothrow_t&) noexcept {
    operator delete(block);
}
void* operator new(std::size_t size, std::align_val_t alignment) {
    const auto align = static_cast<std::size_t>(alignment);
    void* block = std::aligned_alloc(align, (size + align - 1) / align * align);
    if (!block)
        throw std::bad_alloc();
    live_bytes += static_cast<long long>(malloc_usable_size(block));
    return block;
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
    return operator new(size, alignment);
}
void operator delete(void* block, std::align_val_t) noexcept {
    operator delete(block);
}
void operator delete[](void* block, std::align_val_t) noexcept {
    operator delete(block);
}
void operator delete(void* block, std::size_t, std::align_val_t) noexcept {
    operator delete(block);
}
void operator delete[](void* block, std::size_t, std::align_val_t) noexcept {
    operator delete(block);
}

namespace lectern::test {

Voting::Voting(VoteServerOptions options) {
    const Deck& deck = every_layout();
    Expected<StoreOpening> opening =
        ResultsStore::open(every_layout_path(), deck, 0, std::chrono::system_clock::now());
    REQUIRE(opening);
    book = std::make_unique<PollBook>(polls_for(deck), std::move(opening->store), "");
    options = on_loopback(std::move(options));
    auto started = VoteServer::start(options, *book, std::make_shared<const Deck>(deck), [this] { ++wakes; });
    REQUIRE_MESSAGE(started, (started ? "" : started.error()));
    server = std::move(*started);
    show(quiz_slide);
}

VoteServerOptions on_loopback(VoteServerOptions options) {
    options.bind = "127.0.0.1";
    options.port = 0;
    options.room_code = "K7QP";
    return options;
}

std::unique_ptr<VoteServer> start_on_quiz(PollBook& book, const VoteServerOptions& options) {
    auto started = VoteServer::start(options, book, std::make_shared<const Deck>(every_layout()), {});
    REQUIRE_MESSAGE(started, (started ? "" : started.error()));
    std::unique_ptr<VoteServer> server = std::move(*started);
    book.apply(PollRecord::opened("phone-number"));
    server->show(quiz_slide);
    return server;
}

void Voting::show(std::size_t slide) {
    book->apply(PollRecord::opened(id(slide)));
    server->show(slide);
}

std::string Voting::id(std::size_t slide) const {
    return every_layout().slides[slide].id;
}

httplib::Client Voting::client() const {
    httplib::Client c("127.0.0.1", server->port());
    c.set_read_timeout(5);
    return c;
}

const std::string& Voting::token(int device) {
    auto found = tokens.find(device);
    if (found == tokens.end()) {
        auto c = client();
        const auto res = c.Post("/api/device?room=K7QP", "{}", "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        const std::string cookie = res->get_header_value("Set-Cookie");
        REQUIRE(cookie.starts_with("lectern_device="));
        found = tokens.emplace(device, cookie.substr(15, cookie.find(';') - 15)).first;
    }
    return found->second;
}

httplib::Result vote(httplib::Client& c, const std::string& body, const std::string& token,
                     const std::string& room) {
    httplib::Headers headers;
    if (!token.empty())
        headers.emplace("Cookie", "lectern_device=" + token);
    return c.Post(("/api/vote?room=" + room).c_str(), headers, body, "application/json");
}

std::string quiz_vote(int choice) {
    return R"({"poll": "phone-number", "choices": [)" + std::to_string(choice) + "]}";
}

std::string words_answer(const std::string& poll, const std::string& text) {
    return R"({"poll": ")" + poll + R"(", "text": ")" + text + R"("})";
}

Connection::Connection(const char* source, int port) {
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source, &from.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (m_fd >= 0 && (::bind(m_fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
                      ::connect(m_fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0)) {
        ::close(m_fd);
        m_fd = -1;
    }
}

Connection::Connection(Connection&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {
}

Connection::~Connection() {
    if (m_fd >= 0)
        ::close(m_fd);
}

bool Connection::send(const std::string& text) {
    return m_fd >= 0 &&
           ::send(m_fd, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
}

std::string Connection::receive(int ms) {
    std::string text;
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (m_fd >= 0) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        pollfd wait{m_fd, POLLIN, 0};
        if (::poll(&wait, 1, static_cast<int>(left.count())) <= 0)
            break;
        char buffer[4096];
        const ssize_t got = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (got <= 0)
            break;
        text.append(buffer, static_cast<std::size_t>(got));
    }
    return text;
}

bool Connection::closed_within(int ms) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (m_fd >= 0) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return false;
        pollfd wait{m_fd, POLLIN, 0};
        if (::poll(&wait, 1, static_cast<int>(left.count())) <= 0)
            return false;
        char buffer[512];
        const ssize_t got = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR))
            return true;
    }
    return true;
}

std::string RawAnswer::header(const std::string& name) const {
    const std::size_t at = head.find("\r\n" + name + ": ");
    if (at == std::string::npos)
        return {};
    const std::size_t start = at + name.size() + 4;
    return head.substr(start, head.find("\r\n", start) - start);
}

RawAnswer parse_answer(const std::string& text) {
    RawAnswer answer;
    if (text.size() < 12 || !text.starts_with("HTTP/1."))
        return answer;
    answer.status = std::atoi(text.c_str() + 9);
    const std::size_t end = text.find("\r\n\r\n");
    answer.head = text.substr(0, end);
    if (end != std::string::npos)
        answer.body = text.substr(end + 4);
    return answer;
}

RawAnswer request_from(const char* source, int port, const std::string& request, int ms) {
    Connection connection(source, port);
    if (!connection.send(request))
        return {};
    return parse_answer(connection.receive(ms));
}

std::string http_text(const std::string& method, const std::string& target, int port,
                      const std::string& extra_headers, const std::string& body) {
    std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                       "\r\nConnection: close\r\n" + extra_headers;
    if (method == "POST")
        text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return text + "\r\n" + body;
}

long long live_heap_bytes() {
    return live_bytes.load();
}

int thread_count() {
    int count = 0;
    for ([[maybe_unused]] const auto& task : std::filesystem::directory_iterator("/proc/self/task"))
        ++count;
    return count;
}

} // namespace lectern::test
