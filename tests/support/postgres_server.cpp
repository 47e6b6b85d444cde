#include "support/postgres_server.hpp"

#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace cc::test_support {

namespace fs = std::filesystem;

namespace {

// The newest installed server: Debian puts each major version in /usr/lib/postgresql/N/bin.
std::string find_bin_dir() {
  std::string best;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const auto bin = entry.path() / "bin";
    if (fs::exists(bin / "initdb") && fs::exists(bin / "pg_ctl") && bin.string() > best) best = bin.string();
  }
  return best;
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command, returning its combined output; throws when it fails.
std::string shell(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed");
  std::array<char, 4096> buf{};
  while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) output.append(buf.data(), n);
  const int status = pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("command failed: " + command + "\n" + output);
  }
  return output;
}

}  // namespace

std::string PostgresServer::unavailable_reason() {
  if (find_bin_dir().empty()) {
    return "PostgreSQL server binaries (initdb, pg_ctl) are not installed under /usr/lib/postgresql: "
           "run scripts/setup.sh (package postgresql)";
  }
  if (geteuid() == 0 && getpwnam("postgres") == nullptr) {
    return "running as root and there is no unprivileged 'postgres' user to run the server";
  }
  return {};
}

PostgresServer* PostgresServer::shared() {
  static std::unique_ptr<PostgresServer> server;
  if (server) return server.get();
  if (!unavailable_reason().empty()) return nullptr;
  char dir[] = "/tmp/ccpg-XXXXXX";  // short: the socket path must fit in sun_path
  if (!mkdtemp(dir)) throw std::runtime_error("mkdtemp failed");
  server.reset(new PostgresServer(find_bin_dir(), dir));
  return server.get();
}

PostgresServer::PostgresServer(std::string bin_dir, std::string dir)
    : bin_(std::move(bin_dir)), dir_(std::move(dir)), as_root_(geteuid() == 0) {
  if (as_root_) {
    const passwd* pw = getpwnam("postgres");
    if (chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) throw std::runtime_error("chown " + dir_ + " failed");
  }
  try {
    run_as_owner(quote(bin_ + "/initdb") + " -D " + quote(dir_ + "/data") +
                 " -A trust -U postgres -E UTF8 --no-sync --no-instructions");
    // No TCP at all; fsync off because this server's data is thrown away.
    run_as_owner(quote(bin_ + "/pg_ctl") + " -D " + quote(dir_ + "/data") + " -l " + quote(dir_ + "/log") +
                 " -w -t 60 -o " + quote("-k " + dir_ + " -c listen_addresses= -c fsync=off -c max_connections=40") +
                 " start");
  } catch (...) {
    fs::remove_all(dir_);
    throw;
  }
}

PostgresServer::~PostgresServer() {
  try {
    run_as_owner(quote(bin_ + "/pg_ctl") + " -D " + quote(dir_ + "/data") + " -m immediate -w stop");
  } catch (...) {
  }
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string PostgresServer::run_as_owner(const std::string& command) const {
  return shell(as_root_ ? "runuser -u postgres -- sh -c " + quote(command) : command);
}

std::string PostgresServer::uri(const std::string& database) const {
  return "postgresql:///" + database + "?host=" + dir_ + "&user=postgres";
}

std::string PostgresServer::create_database() {
  const std::string name = "cc_test_" + std::to_string(getpid()) + "_" + std::to_string(++databases_);
  run_as_owner(quote(bin_ + "/psql") + " -h " + quote(dir_) + " -U postgres -d postgres -q -v ON_ERROR_STOP=1 -c " +
               quote("CREATE DATABASE " + name));
  return uri(name);
}

}  // namespace cc::test_support
