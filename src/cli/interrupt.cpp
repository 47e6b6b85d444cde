#include "cli/interrupt.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/error.hpp"

namespace cc::cli {
namespace {
sigset_t interrupt_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (const int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
  return set;
}
}  // namespace

Interrupt::Interrupt() {
  const sigset_t set = interrupt_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signals_.reset(::signalfd(-1, &set, SFD_CLOEXEC));
  finished_.reset(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
  if (!signals_ || !finished_)
    throw Error(ErrorCode::kIo, std::string("cannot watch for Ctrl-C: ") + std::strerror(errno));
}

Interrupt::~Interrupt() {
  // A Ctrl-C that came while the command was ending has been answered by ending it:
  // take it off the queue, so unblocking does not kill the process on its way out.
  const sigset_t set = interrupt_signals();
  const timespec now{0, 0};
  while (sigtimedwait(&set, nullptr, &now) > 0) {
  }
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

void Interrupt::finish() noexcept {
  const std::uint64_t one = 1;
  (void)!::write(finished_.get(), &one, sizeof one);
}

bool Interrupt::wait() {
  pollfd fds[2] = {{signals_.get(), POLLIN, 0}, {finished_.get(), POLLIN, 0}};
  while (true) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if ((fds[0].revents & POLLIN) != 0) return true;
    if ((fds[1].revents & POLLIN) != 0) return false;
  }
}

}  // namespace cc::cli
