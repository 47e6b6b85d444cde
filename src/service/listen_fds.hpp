#pragma once
// Socket activation without libsystemd: the LISTEN_FDS protocol of sd_listen_fds(3).
// The service manager starts us with LISTEN_PID (our pid) and LISTEN_FDS (a count); the
// sockets are fds 3, 4, ... Two environment variables do not need a library that maps
// six compression and crypto libraries into an idle daemon.
#include <optional>
#include <vector>

namespace cc::service {

inline constexpr int kListenFdsStart = 3;

// The fds passed to this process, each made FD_CLOEXEC, and the LISTEN_* variables
// removed so a child does not take them for its own. Empty when nothing was passed or it
// was meant for another process (LISTEN_PID is not ours). A LISTEN_PID or LISTEN_FDS that
// is not a number, or a passed fd that is not open, is an error (kInvalidArgument).
std::vector<int> take_listen_fds();

// The address family (AF_UNIX, AF_INET, AF_INET6) of `fd` when it is a listening stream
// socket; nullopt for anything else (not a socket, a datagram socket, not listening).
std::optional<int> listening_stream_family(int fd);

}  // namespace cc::service
