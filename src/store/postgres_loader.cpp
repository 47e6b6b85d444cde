// open_postgres(): loads the PostgreSQL backend module on first use. It is looked for in
// the installed libdir relative to the program (<prefix>/bin/.. /<libdir>/coldcheck, so
// a package under any prefix finds its own), then, for a program inside the build tree,
// where the build put it, then at the configured install path.
#include <dlfcn.h>

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/db.hpp"
#include "store/postgres_module.hpp"

namespace cc::store {

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> module_candidates() {
  std::vector<fs::path> out;
  std::error_code ec;
  const fs::path program = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    out.push_back(program.parent_path().parent_path() / CC_STORE_MODULE_LIBDIR / "coldcheck" / kPostgresModuleFile);
    // Only a program built in this tree looks into the tree: an installed one never does.
    const std::string tree = CC_STORE_BINARY_DIR "/";
    if (program.string().starts_with(tree)) out.emplace_back(CC_STORE_MODULE_BUILD_PATH);
  }
  out.push_back(fs::path(CC_STORE_MODULE_INSTALL_DIR) / kPostgresModuleFile);
  return out;
}

OpenPostgresEntry load_entry() {
  std::string tried;
  for (const auto& path : module_candidates()) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      tried += (tried.empty() ? "" : ", ") + path.string();
      continue;
    }
    // Never closed: connections it made live as long as the program.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
      throw Error(ErrorCode::kUnsupported, "cannot load the PostgreSQL backend: " + std::string(::dlerror()));
    void* entry = ::dlsym(handle, kPostgresModuleEntry);
    if (!entry) throw Error(ErrorCode::kUnsupported, path.string() + ": not a coldcheck PostgreSQL backend");
    return reinterpret_cast<OpenPostgresEntry>(entry);
  }
  throw Error(ErrorCode::kUnsupported, "PostgreSQL support is not installed (" + std::string(kPostgresModuleFile) +
                                           " not found at " + tried + ")");
}

}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& uri) {
  static std::mutex mutex;
  static OpenPostgresEntry entry = nullptr;
  OpenPostgresEntry open = nullptr;
  {
    const std::lock_guard lock(mutex);
    if (!entry) entry = load_entry();  // a failed load is retried next time (it may be installed since)
    open = entry;
  }
  return std::unique_ptr<Connection>(open(uri.c_str()));
}

}  // namespace cc::store
