// `coldcheck serve`: the local service (a loopback API and its page) for people who
// would rather click than type, support portals and the bench dashboard.
#include <boost/asio/signal_set.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "findings/findings.hpp"
#include "i18n/format.hpp"
#include "service/openssl_init.hpp"
#include "service/service.hpp"
#include "store/location.hpp"

namespace cc::cli {

namespace {

using findings::tr;

constexpr unsigned kDefaultPort = 21340;

// "HOST:PORT" or "[V6]:PORT".
std::pair<std::string, unsigned> host_port(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    throw Error(ErrorCode::kInvalidArgument,
                "--listen: expected HOST:PORT, e.g. 127.0.0.1:" + std::to_string(kDefaultPort));
  }
  const auto port_text = text.substr(colon + 1);
  if (port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos) {
    throw Error(ErrorCode::kInvalidArgument, "--listen: the port is a number from 0 to 65535");
  }
  const auto port = static_cast<unsigned>(std::stoul(port_text));
  if (port > 65535) throw Error(ErrorCode::kInvalidArgument, "--listen: the port is a number from 0 to 65535");
  return {text.substr(0, colon), port};
}

std::filesystem::path default_socket_path() {
  if (const char* run = std::getenv("XDG_RUNTIME_DIR"); run && *run)
    return std::filesystem::path(run) / "coldcheck.sock";
  return {};
}

}  // namespace

int run_serve(const std::vector<std::string>& args) {
  return guarded([&] {
    service::init_openssl_for_service();  // first: before the catalog's signature check
    po::options_description desc("options");
    desc.add_options()("listen", po::value<std::vector<std::string>>()->value_name("HOST:PORT")->composing(),
                       ("listen here (repeatable; loopback only; default 127.0.0.1:" + std::to_string(kDefaultPort) +
                        " and [::1]:" + std::to_string(kDefaultPort) + "; port 0 picks a free one)")
                           .c_str())(
        "socket", po::value<std::string>()->value_name("PATH"),
        "also listen on this Unix socket, mode 0600 (default: $XDG_RUNTIME_DIR/coldcheck.sock)")("no-socket",
                                                                                                 "no Unix socket")(
        "emulator", po::value<std::vector<std::string>>()->value_name("udp:HOST:PORT|tcp:HOST:PORT")->composing(),
        "also offer this emulator endpoint as a device (repeatable)")(
        "store", po::value<std::string>()->value_name("PATH|URI"),
        "the report store (default: ~/.local/share/coldcheck/reports.db)")("no-store", "serve without a report store")(
        "token-file", po::value<std::string>()->value_name("FILE"),
        "the API token file, made on first use, mode 0600 (default: ~/.config/coldcheck/service.token)")(
        "lang", po::value<std::string>()->value_name("LANG"),
        "en or zh-CN: the default for reports (default: from LANG)")(
        "print-token", "print the API token (what Authorization: Bearer takes) and exit")(
        "key", po::value<std::string>()->value_name("FILE"),
        "install key file (default: ~/.config/coldcheck/install.key)");
    add_catalog_option(desc);
    po::variables_map vm;
    if (!parse_options("serve", "[--listen HOST:PORT]... [--socket PATH]", desc, args, vm)) return 0;

    service::ServiceConfig config;
    const auto token_path = vm.count("token-file") ? std::filesystem::path(vm["token-file"].as<std::string>())
                                                   : service::default_token_path();
    config.token = service::load_or_create_token(token_path);
    if (vm.count("print-token")) {
      std::cout << config.token << "\n";
      return 0;
    }
    config.api.language = lang_option(vm);
    if (!vm.count("no-store")) {
      config.api.store = vm.count("store")
                             ? store::parse_location(vm["store"].as<std::string>())
                             : store::Location{store::Location::Kind::kSqlite, store::default_store_path().string()};
    }
    if (vm.count("key")) config.api.key_path = vm["key"].as<std::string>();
    if (vm.count("emulator")) {
      for (const auto& e : vm["emulator"].as<std::vector<std::string>>()) {
        config.api.emulators.push_back(transport::parse_device_path(e));
      }
    }
    const auto lang = config.api.language;
    service::Service service(catalog_from(vm), std::move(config));

    std::vector<std::string> where;
    if (service.adopt_systemd_sockets() > 0) {
      where.emplace_back("the sockets systemd passed");
    } else {
      const auto listens = vm.count("listen") ? vm["listen"].as<std::vector<std::string>>()
                                              : std::vector<std::string>{"127.0.0.1:" + std::to_string(kDefaultPort),
                                                                         "[::1]:" + std::to_string(kDefaultPort)};
      for (const auto& l : listens) {
        const auto [host, port] = host_port(l);
        const auto bound = service.listen_tcp(host, port);
        where.push_back("http://" + host + ":" + std::to_string(bound));
      }
      if (!vm.count("no-socket")) {
        const auto path =
            vm.count("socket") ? std::filesystem::path(vm["socket"].as<std::string>()) : default_socket_path();
        if (!path.empty()) {
          service.listen_unix(path);
          where.push_back("unix:" + path.string());
        }
      }
    }
    // The "listening on" lines stay the same in every language: scripts read them.
    for (const auto& w : where) std::cout << "listening on " << w << "\n";
    std::cout << i18n::format(tr("open this link once to sign in (it works one time): %s", lang), {service.login_url()})
              << "\n"
              << tr("API clients: Authorization: Bearer $(coldcheck serve --print-token)", lang) << "\n"
              << tr("Nobody genuine ever asks for your recovery words.", lang) << "\n"
              << std::flush;

    boost::asio::signal_set signals(service.io(), SIGINT, SIGTERM);
    signals.async_wait([&service](const boost::system::error_code&, int) { service.stop(); });
    service.run();
    return 0;
  });
}

}  // namespace cc::cli
