#pragma once
// OpenSSL for a long-running service: initialised without its error-string tables
// (about 0.4 MB resident, kept for the process's life). Nothing the service shows comes
// from them; an OpenSSL error still reads as its numeric code ("error:1C8000E9:..."), and
// our own messages say what failed. Must run before any other OpenSSL call.
namespace cc::service {

void init_openssl_for_service();

}  // namespace cc::service
