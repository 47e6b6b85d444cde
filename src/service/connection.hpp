#pragma once
// One client connection: read a request within the limits, pass it through the policy,
// answer from the page, the login or the Api (off this thread when the route blocks),
// or turn the connection into an event stream. Private to src/service.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <array>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "service/http_status.hpp"
#include "service/page.hpp"
#include "service/response_head.hpp"
#include "service/server_shared.hpp"

namespace cc::service {

namespace beast = boost::beast;
namespace http = boost::beast::http;

template <class Protocol>
class Connection : public std::enable_shared_from_this<Connection<Protocol>> {
 public:
  using Socket = typename Protocol::socket::template rebind_executor<boost::asio::io_context::executor_type>::other;

  Connection(Socket socket, Server::Shared& shared, bool local)
      : socket_(std::move(socket)),
        timer_(socket_.get_executor()),
        shared_(shared),
        local_(local),
        buffer_(shared.limits.header_bytes + shared.limits.body_bytes + 1024) {}
  ~Connection() {
    if (subscription_) shared_.hub.unsubscribe(subscription_);
    if (admitted_) --shared_.connections;
  }

  void start(bool over_cap) {
    if (over_cap) {
      keep_alive_ = false;
      return reply(503, "busy", "too many connections; try again shortly");
    }
    // Only admitted connections count against the cap: one being refused is not one.
    ++shared_.connections;
    admitted_ = true;
    read();
  }

 private:
  using Request = http::request<http::string_body>;
  using Clock = std::chrono::steady_clock;

  void read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.limits.header_bytes));
    parser_->body_limit(shared_.limits.body_bytes);
    set_deadline(shared_.limits.request_timeout);
    http::async_read(socket_, buffer_, *parser_,
                     [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    clear_deadline();
    head_request_ = false;  // a refusal of what was read is not an answer to an earlier HEAD
    if (ec) {
      keep_alive_ = false;
      if (ec == http::error::header_limit) return reply(431, "limit", "request headers too large");
      if (ec == http::error::body_limit) return reply(413, "limit", "request body too large");
      if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
          ec != http::error::end_of_stream && ec != http::error::partial_message) {
        return reply(400, "malformed", "not an HTTP/1.1 request");
      }
      return close();  // timeout, reset, or the client went away
    }
    request_ = parser_->release();
    handle();
  }

  // The deadline of the phase under way (reading a request, writing a response). Setting
  // it is a store: the timer wakes at or before it and is re-armed only when a deadline
  // comes earlier than its wake-up, so a request costs no timer operation in the usual case.
  void set_deadline(std::chrono::milliseconds limit) {
    deadline_ = Clock::now() + limit;
    if (!timer_armed_ || deadline_ < timer_.expiry()) arm_timer();
  }
  void clear_deadline() { deadline_ = Clock::time_point::max(); }

  void arm_timer() {
    timer_armed_ = true;
    timer_.expires_at(deadline_);
    std::weak_ptr<Connection> weak = this->shared_from_this();
    timer_.async_wait([weak](beast::error_code ec) {
      if (ec == boost::asio::error::operation_aborted) return;  // re-armed earlier, or closed
      if (const auto self = weak.lock()) self->on_timer();
    });
  }

  void on_timer() {
    timer_armed_ = false;
    if (closed_ || deadline_ == Clock::time_point::max()) return;
    if (Clock::now() >= deadline_) return close();  // the pending read or write ends with an error
    arm_timer();
  }

  std::optional<std::string_view> header(http::field field, bool& duplicate) const {
    const auto range = request_.equal_range(field);
    if (range.first == range.second) return std::nullopt;
    if (std::next(range.first) != range.second) duplicate = true;
    return std::string_view(range.first->value().data(), range.first->value().size());
  }

  void handle() {
    keep_alive_ = request_.keep_alive();
    head_request_ = request_.method() == http::verb::head;
    bool duplicate = false;
    facts_ = RequestFacts{};
    facts_.method = std::string_view(request_.method_string().data(), request_.method_string().size());
    facts_.host = header(http::field::host, duplicate);
    facts_.origin = header(http::field::origin, duplicate);
    facts_.authorization = header(http::field::authorization, duplicate);
    facts_.cookie = header(http::field::cookie, duplicate);
    facts_.content_type = header(http::field::content_type, duplicate);
    if (const auto it = request_.find("Sec-Fetch-Site"); it != request_.end()) {
      facts_.fetch_site = std::string_view(it->value().data(), it->value().size());
    }
    facts_.local_socket = local_;
    cors_origin_ = shared_.policy.allowed_origin(facts_);
    if (duplicate) {
      keep_alive_ = false;
      return reply(400, "malformed", "a repeated Host, Origin, Authorization, Cookie or Content-Type header");
    }
    ApiRequest api;
    try {
      split_target(std::string_view(request_.target().data(), request_.target().size()), api.path, api.query);
    } catch (const std::exception&) {
      return reply(400, "malformed", "a bad request target");
    }
    if (request_.method() == http::verb::options) return preflight();
    if (api.path.rfind("/api/", 0) == 0) {
      const auto who = shared_.policy.caller(facts_);
      if (const auto refusal = shared_.policy.check_api(facts_, who)) return refuse(*refusal);
      api.method = std::string(facts_.method);
      api.caller = who;
      if (const auto it = request_.find(http::field::accept_language); it != request_.end()) {
        api.accept_language = std::string(it->value().substr(0, 64));
      }
      api.body = std::move(request_.body());
      if (!shared_.api.may_block(api.method, api.path)) return send(shared_.api.handle(api));
      boost::asio::post(shared_.pool, [self = this->shared_from_this(), api = std::move(api)] {
        auto response = self->shared_.api.handle(api);
        boost::asio::post(self->socket_.get_executor(),
                          [self, response = std::move(response)]() mutable { self->send(std::move(response)); });
      });
      return;
    }
    if (const auto refusal = shared_.policy.check_site(facts_)) return refuse(*refusal);
    if (request_.method() != http::verb::get) return reply(405, "method", "method not allowed here");
    if (api.path == "/" || api.path == "/index.html") return serve_page();
    if (api.path == "/login") return login(api.query);
    return reply(404, "not-found", "no such page");
  }

  // The version to answer in: the request's, or 1.1 before one was read.
  unsigned version() const { return request_.version() ? request_.version() : 11; }

  void preflight() {
    if (const auto refusal = shared_.policy.check_site(facts_)) return refuse(*refusal);
    ResponseHead head(head_, 204, version());
    head.add("Access-Control-Allow-Methods", "GET, POST, DELETE");
    head.add("Access-Control-Allow-Headers", "Authorization, Content-Type");
    head.add("Access-Control-Max-Age", "600");
    write(head, {});
  }

  void serve_page() {
    const auto& p = page();
    if (shared_.policy.caller(facts_) == Caller::kAnonymous) {
      ResponseHead head(head_, 401, version());
      head.add("Content-Type", "text/plain; charset=utf-8");
      return write(head,
                   "Open the login URL that `coldcheck serve` printed (it works once).\n"
                   "请打开 `coldcheck serve` 打印的登录链接（仅可使用一次）。\n"
                   "Nobody genuine ever asks for your recovery words. 真正的客服绝不会索要您的助记词。\n");
    }
    ResponseHead head(head_, 200, version());
    head.add("Content-Type", "text/html; charset=utf-8");
    head.add("Content-Security-Policy", p.csp);
    write(head, std::string(p.html));
  }

  void login(const std::map<std::string, std::string, std::less<>>& query) {
    const auto code = query.find("code");
    const auto session = code == query.end() ? std::nullopt : shared_.sessions.redeem(code->second);
    if (!session)
      return reply(403, "auth", "this login link was already used or is not ours; run coldcheck serve again");
    ResponseHead head(head_, 303, version());
    head.add("Location", "/");
    head.add("Set-Cookie", std::string(kSessionCookie) + "=" + *session + "; Path=/; HttpOnly; SameSite=Strict");
    write(head, {});
  }

  void refuse(const Refusal& refusal) {
    if (refusal.status == 421 || refusal.status == 400) keep_alive_ = false;
    ResponseHead head(head_, refusal.status, version());
    head.add("Content-Type", "application/json");
    if (refusal.status == 401) head.add("WWW-Authenticate", "Bearer realm=\"coldcheck\"");
    write(head, error_json(refusal.code, refusal.message));
  }

  void reply(unsigned status, std::string_view code, std::string_view message) {
    ResponseHead head(head_, status, version());
    head.add("Content-Type", "application/json");
    write(head, error_json(code, message));
  }

  void send(ApiResponse api) {
    if (!api.sse_topic.empty() && api.status == 200) return start_stream(api.sse_topic);
    ResponseHead head(head_, api.status, version());
    head.add("Content-Type", api.content_type);
    if (api.content_type.rfind("text/html", 0) == 0) {
      // Reports and statistics pages: their own inline style, never a script.
      head.add("Content-Security-Policy",
               "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox");
    }
    for (const auto& [name, value] : api.headers) head.add(name, value);
    write(head, std::move(api.body));
  }

  // Ends the head and writes it and the body in one call. A head with an unsafe header
  // line is never sent: the answer becomes a 500.
  void write(ResponseHead& head, std::string body) {
    if (cors_origin_) head.add("Access-Control-Allow-Origin", *cors_origin_);
    if (!head.safe()) {
      keep_alive_ = false;
      ResponseHead internal(head_, 500, version());
      internal.add("Content-Type", "application/json");
      return write(internal, error_json("internal", "internal error"));
    }
    if (head.bodiless()) body.clear();
    head.finish(keep_alive_, body.size());
    body_ = std::move(body);
    // A HEAD answer says how long the body would be and sends none.
    const std::array<boost::asio::const_buffer, 2> buffers{
        boost::asio::buffer(head_), boost::asio::buffer(body_.data(), head_request_ ? 0 : body_.size())};
    set_deadline(shared_.limits.write_timeout);
    boost::asio::async_write(socket_, buffers, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      self->clear_deadline();
      self->body_.clear();
      if (ec || !self->keep_alive_) return self->close();
      self->read();
    });
  }

  // An event stream: headers once, then every event of `topic` as it comes; the
  // connection ends when the client goes away or falls too far behind.
  void start_stream(const std::string& topic) {
    clear_deadline();
    std::string head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
        "X-Content-Type-Options: nosniff\r\nVary: Origin\r\nConnection: close\r\n";
    if (cors_origin_) head += "Access-Control-Allow-Origin: " + *cors_origin_ + "\r\n";
    head += "\r\n";
    queue(std::make_shared<const std::string>(std::move(head)));
    std::weak_ptr<Connection> weak = this->shared_from_this();
    auto executor = socket_.get_executor();
    subscription_ = shared_.hub.subscribe(topic, [weak, executor](const WireEvent& event) {
      boost::asio::post(executor, [weak, event] {
        if (const auto self = weak.lock()) self->queue(event);
      });
    });
    watch_for_close();
  }

  void watch_for_close() {
    socket_.async_read_some(boost::asio::buffer(sink_),
                            [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->close();
                              self->watch_for_close();
                            });
  }

  void queue(const WireEvent& event) {
    if (closed_) return;
    if (events_.size() >= shared_.limits.max_queued_events) return close();
    events_.push_back(event);
    if (events_.size() == 1) write_event();
  }

  void write_event() {
    boost::asio::async_write(socket_, boost::asio::buffer(*events_.front()),
                             [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                               if (ec || self->closed_) return self->close();
                               self->events_.pop_front();
                               if (!self->events_.empty()) self->write_event();
                             });
  }

  void close() {
    if (closed_) return;
    closed_ = true;
    if (subscription_) {
      shared_.hub.unsubscribe(subscription_);
      subscription_ = 0;
    }
    timer_.cancel();
    beast::error_code ec;
    socket_.shutdown(Protocol::socket::shutdown_both, ec);
    socket_.close(ec);
  }

  Socket socket_;
  boost::asio::basic_waitable_timer<Clock, boost::asio::wait_traits<Clock>, boost::asio::io_context::executor_type>
      timer_;
  Clock::time_point deadline_ = Clock::time_point::max();
  bool timer_armed_ = false;
  Server::Shared& shared_;
  const bool local_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Request request_;
  RequestFacts facts_;
  std::optional<std::string> cors_origin_;
  bool keep_alive_ = true;
  bool head_request_ = false;
  bool admitted_ = false;  // counted against the connection cap
  std::string head_;       // the response head being written; its capacity is reused
  std::string body_;
  std::deque<WireEvent> events_;
  std::uint64_t subscription_ = 0;
  std::array<char, 64> sink_{};
  bool closed_ = false;
};

}  // namespace cc::service
