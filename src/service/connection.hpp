#pragma once
// One client connection: read a request within the limits, pass it through the policy,
// answer from the page, the login or the Api (off this thread when the route blocks),
// or turn the connection into an event stream. Private to src/service.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <array>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "service/http_status.hpp"
#include "service/page.hpp"
#include "service/server_shared.hpp"

namespace cc::service {

namespace beast = boost::beast;
namespace http = boost::beast::http;

// The response headers every answer carries.
void add_common_headers(http::response<http::string_body>& response);

template <class Protocol>
class Connection : public std::enable_shared_from_this<Connection<Protocol>> {
 public:
  Connection(typename Protocol::socket socket, Server::Shared& shared, bool local)
      : stream_(std::move(socket)),
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
  using Response = http::response<http::string_body>;

  void read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.limits.header_bytes));
    parser_->body_limit(shared_.limits.body_bytes);
    stream_.expires_after(shared_.limits.request_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
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

  std::optional<std::string_view> header(http::field field, bool& duplicate) const {
    const auto range = request_.equal_range(field);
    if (range.first == range.second) return std::nullopt;
    if (std::next(range.first) != range.second) duplicate = true;
    return std::string_view(range.first->value().data(), range.first->value().size());
  }

  void handle() {
    keep_alive_ = request_.keep_alive();
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
      if (const auto refusal = shared_.policy.check_api(facts_)) return refuse(*refusal);
      api.method = std::string(facts_.method);
      api.caller = shared_.policy.caller(facts_);
      if (const auto it = request_.find(http::field::accept_language); it != request_.end()) {
        api.accept_language = std::string(it->value().substr(0, 64));
      }
      api.body = std::move(request_.body());
      if (!shared_.api.may_block(api.method, api.path)) return send(shared_.api.handle(api));
      boost::asio::post(shared_.pool, [self = this->shared_from_this(), api = std::move(api)] {
        auto response = self->shared_.api.handle(api);
        boost::asio::post(self->stream_.get_executor(),
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

  void preflight() {
    if (const auto refusal = shared_.policy.check_site(facts_)) return refuse(*refusal);
    auto response = std::make_shared<Response>(http::status::no_content, request_.version());
    response->set(http::field::access_control_allow_methods, "GET, POST, DELETE");
    response->set(http::field::access_control_allow_headers, "Authorization, Content-Type");
    response->set(http::field::access_control_max_age, "600");
    write(std::move(response));
  }

  void serve_page() {
    const auto& p = page();
    if (shared_.policy.caller(facts_) == Caller::kAnonymous) {
      auto response = std::make_shared<Response>(http::status::unauthorized, request_.version());
      response->set(http::field::content_type, "text/plain; charset=utf-8");
      response->body() =
          "Open the login URL that `coldcheck serve` printed (it works once).\n"
          "请打开 `coldcheck serve` 打印的登录链接（仅可使用一次）。\n"
          "Nobody genuine ever asks for your recovery words. 真正的客服绝不会索要您的助记词。\n";
      return write(std::move(response));
    }
    auto response = std::make_shared<Response>(http::status::ok, request_.version());
    response->set(http::field::content_type, "text/html; charset=utf-8");
    response->set("Content-Security-Policy", p.csp);
    response->body() = std::string(p.html);
    write(std::move(response));
  }

  void login(const std::map<std::string, std::string, std::less<>>& query) {
    const auto code = query.find("code");
    const auto session = code == query.end() ? std::nullopt : shared_.sessions.redeem(code->second);
    if (!session)
      return reply(403, "auth", "this login link was already used or is not ours; run coldcheck serve again");
    auto response = std::make_shared<Response>(http::status::see_other, request_.version());
    response->set(http::field::location, "/");
    response->set(http::field::set_cookie,
                  std::string(kSessionCookie) + "=" + *session + "; Path=/; HttpOnly; SameSite=Strict");
    write(std::move(response));
  }

  void refuse(const Refusal& refusal) {
    auto response = make_json(refusal.status, error_json(refusal.code, refusal.message));
    if (refusal.status == 401) response->set(http::field::www_authenticate, "Bearer realm=\"coldcheck\"");
    if (refusal.status == 421 || refusal.status == 400) keep_alive_ = false;
    write(std::move(response));
  }

  void reply(unsigned status, std::string_view code, std::string_view message) {
    write(make_json(status, error_json(code, message)));
  }

  std::shared_ptr<Response> make_json(unsigned status, std::string body) {
    auto response =
        std::make_shared<Response>(static_cast<http::status>(status), request_.version() ? request_.version() : 11);
    response->set(http::field::content_type, "application/json");
    response->body() = std::move(body);
    return response;
  }

  void send(ApiResponse api) {
    if (!api.sse_topic.empty() && api.status == 200) return start_stream(api.sse_topic);
    auto response = std::make_shared<Response>(static_cast<http::status>(api.status), request_.version());
    response->set(http::field::content_type, api.content_type);
    if (api.content_type.rfind("text/html", 0) == 0) {
      // Reports and statistics pages: their own inline style, never a script.
      response->set("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox");
    }
    for (auto& [name, value] : api.headers) response->set(name, value);
    response->body() = std::move(api.body);
    write(std::move(response));
  }

  void write(std::shared_ptr<Response> response) {
    add_common_headers(*response);
    if (cors_origin_) response->set(http::field::access_control_allow_origin, *cors_origin_);
    response->keep_alive(keep_alive_);
    response->prepare_payload();
    response_ = std::move(response);
    stream_.expires_after(shared_.limits.write_timeout);
    http::async_write(stream_, *response_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      self->response_.reset();
      if (ec || !self->keep_alive_) return self->close();
      self->read();
    });
  }

  // An event stream: headers once, then every event of `topic` as it comes; the
  // connection ends when the client goes away or falls too far behind.
  void start_stream(const std::string& topic) {
    stream_.expires_never();
    std::string head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
        "X-Content-Type-Options: nosniff\r\nVary: Origin\r\nConnection: close\r\n";
    if (cors_origin_) head += "Access-Control-Allow-Origin: " + *cors_origin_ + "\r\n";
    head += "\r\n";
    queue(std::make_shared<const std::string>(std::move(head)));
    std::weak_ptr<Connection> weak = this->shared_from_this();
    auto executor = stream_.get_executor();
    subscription_ = shared_.hub.subscribe(topic, [weak, executor](const WireEvent& event) {
      boost::asio::post(executor, [weak, event] {
        if (const auto self = weak.lock()) self->queue(event);
      });
    });
    watch_for_close();
  }

  void watch_for_close() {
    stream_.socket().async_read_some(boost::asio::buffer(sink_),
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
    boost::asio::async_write(stream_.socket(), boost::asio::buffer(*events_.front()),
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
    beast::error_code ec;
    stream_.socket().shutdown(Protocol::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::basic_stream<Protocol> stream_;
  Server::Shared& shared_;
  const bool local_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Request request_;
  RequestFacts facts_;
  std::optional<std::string> cors_origin_;
  bool keep_alive_ = true;
  bool admitted_ = false;  // counted against the connection cap
  std::shared_ptr<Response> response_;
  std::deque<WireEvent> events_;
  std::uint64_t subscription_ = 0;
  std::array<char, 64> sink_{};
  bool closed_ = false;
};

}  // namespace cc::service
