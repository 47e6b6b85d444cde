#include "store/import.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "core/error.hpp"
#include "report/read_report.hpp"
#include "report/seal.hpp"

namespace cc::store {

namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;

std::vector<fs::path> report_files(const std::vector<fs::path>& paths) {
  std::vector<fs::path> out;
  for (const auto& p : paths) {
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) throw Error(ErrorCode::kNotFound, p.string() + ": no such file or directory");
    if (!fs::is_directory(status)) {
      out.push_back(p);
      continue;
    }
    std::vector<fs::path> found;
    for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec)) found.push_back(it->path());
    }
    if (ec) throw Error(ErrorCode::kIo, p.string() + ": " + ec.message());
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

namespace {

// Why a report that parsed is not kept; "" when it is fine.
std::string refusal_reason(const rp::Report& report, const ImportOptions& options) {
  const auto verified = report::verify(report);
  if (!verified.ok) {
    std::string why = "not intact";
    for (const auto& p : verified.problems) why += "; " + p;
    return why;
  }
  if (report.has_binding() && options.check_binding) {
    if (auto why = options.check_binding(report); !why.empty()) return "device binding: " + why;
  }
  return {};
}

}  // namespace

namespace {

// One file's outcome, handed from the reading thread to the storing one.
struct Item {
  std::size_t index = 0;
  std::optional<rp::Report> report;  // set when it may be stored
  std::string refusal;               // else why not
};

Item read_one(const fs::path& file, std::size_t index, const ImportOptions& options) {
  Item item;
  item.index = index;
  try {
    auto report = report::read_report(file);
    item.refusal = refusal_reason(report, options);
    if (item.refusal.empty()) item.report = std::move(report);
  } catch (const Error& e) {
    // read_report names the file; the refusal list does too, so keep only the reason.
    item.refusal = e.what();
    const std::string prefix = file.string() + ": ";
    if (item.refusal.rfind(prefix, 0) == 0) item.refusal.erase(0, prefix.size());
  }
  return item;
}

// A bounded hand-over between the two threads: the reader waits when the store falls behind.
class Queue {
 public:
  void push(Item item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < kCapacity || stopped_; });
    if (stopped_) return;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  // Empty optional when the reader is done and everything was taken.
  std::optional<Item> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || finished_; });
    if (items_.empty()) return std::nullopt;
    Item item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void finish(std::exception_ptr error = nullptr) {
    std::lock_guard lock(mutex_);
    finished_ = true;
    error_ = error;
    not_empty_.notify_all();
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    not_full_.notify_all();
  }
  bool stopped() {
    std::lock_guard lock(mutex_);
    return stopped_;
  }
  std::exception_ptr error() {
    std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  static constexpr std::size_t kCapacity = 4096;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Item> items_;
  bool finished_ = false;
  bool stopped_ = false;
  std::exception_ptr error_;
};

}  // namespace

// Reading, parsing and verifying run on one thread and storing on this one, so an
// import keeps two cores busy.
ImportSummary import_files(Store& store, const std::vector<fs::path>& files, const ImportOptions& options) {
  ImportSummary summary;
  summary.files = files.size();
  Queue queue;
  std::thread reader([&] {
    try {
      for (std::size_t i = 0; i < files.size() && !queue.stopped(); ++i) queue.push(read_one(files[i], i, options));
      queue.finish();
    } catch (...) {
      queue.finish(std::current_exception());
    }
  });
  struct Join {
    Queue& queue;
    std::thread& thread;
    ~Join() {
      queue.stop();
      thread.join();
    }
  } join{queue, reader};

  std::vector<rp::Report> batch;
  auto flush = [&] {
    if (batch.empty()) return;
    for (const auto& r : store.put_many(batch)) ++(r.inserted ? summary.stored : summary.duplicates);
    batch.clear();
  };
  std::size_t done = 0;
  while (auto item = queue.pop()) {
    if (item->report) {
      batch.push_back(std::move(*item->report));
      if (batch.size() >= std::max<std::size_t>(1, options.batch)) flush();
    } else {
      summary.refused.push_back({files[item->index], item->refusal});
    }
    if (options.progress) options.progress(++done, files.size());
  }
  if (auto error = queue.error()) std::rethrow_exception(error);
  flush();
  return summary;
}

}  // namespace cc::store
