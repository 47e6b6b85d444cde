// Trezor v1 codec throughput. Target (DESIGN.md): >= 1 GB/s, so the host is never
// the bottleneck of a 64 KB/s HID link. Bytes counted are payload bytes.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "coldcheck/trezor.pb.h"
#include "protocol/trezor/codec.hpp"
#include "protocol/trezor/registry.hpp"

namespace {

namespace tw = ::coldcheck::wire::trezor;
using cc::trezor::kPacketSize;

std::vector<std::uint8_t> make_payload(std::size_t n) {
  std::vector<std::uint8_t> p(n);
  for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<std::uint8_t>(i * 31 + 7);
  return p;
}

void bm_encode_into(benchmark::State& state) {
  const auto payload = make_payload(static_cast<std::size_t>(state.range(0)));
  std::vector<std::uint8_t> out(cc::trezor::packet_count(payload.size()) * kPacketSize);
  for (auto _ : state) {
    cc::trezor::encode_into(0x0011, payload, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * state.range(0));
}

void bm_encode(benchmark::State& state) {
  const auto payload = make_payload(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto packets = cc::trezor::encode(0x0011, payload);
    benchmark::DoNotOptimize(packets.data());
  }
  state.SetBytesProcessed(state.iterations() * state.range(0));
}

// Feeds 64-byte packets as a transport would, then takes the message.
void bm_decode(benchmark::State& state) {
  const auto payload = make_payload(static_cast<std::size_t>(state.range(0)));
  const auto packets = cc::trezor::encode(0x0011, payload);
  cc::trezor::Decoder decoder(payload.size());
  for (auto _ : state) {
    for (const auto& p : packets) decoder.feed(p);
    auto m = decoder.take();
    benchmark::DoNotOptimize(m.payload.data());
  }
  state.SetBytesProcessed(state.iterations() * state.range(0));
}

tw::Features realistic_features() {
  tw::Features f;
  f.set_vendor("trezor.io");
  f.set_major_version(2);
  f.set_minor_version(8);
  f.set_patch_version(1);
  f.set_device_id("3A1F0C5E2B7D9E4F60718293");
  f.set_pin_protection(true);
  f.set_passphrase_protection(false);
  f.set_language("en-US");
  f.set_label("My Trezor");
  f.set_initialized(true);
  f.set_revision(std::string(20, '\x9c'));
  f.set_unlocked(true);
  f.set_backup_availability(tw::BACKUP_NOT_AVAILABLE);
  f.set_model("Safe 3");
  f.set_recovery_status(tw::RECOVERY_NOTHING);
  for (const auto c : {tw::CAPABILITY_BITCOIN, tw::CAPABILITY_BITCOIN_LIKE, tw::CAPABILITY_ETHEREUM,
                       tw::CAPABILITY_SHAMIR, tw::CAPABILITY_SHAMIR_GROUPS, tw::CAPABILITY_TRANSLATIONS}) {
    f.add_capabilities(c);
  }
  f.set_backup_type(tw::BACKUP_TYPE_SLIP39_BASIC);
  f.set_wipe_code_protection(false);
  f.set_session_id(std::string(32, '\x5a'));
  f.set_internal_model("T2B1");
  f.set_bootloader_locked(true);
  return f;
}

void bm_registry_encode_features(benchmark::State& state) {
  const auto f = realistic_features();
  for (auto _ : state) {
    auto packets = cc::trezor::encode_message(cc::trezor::Table::kTrezor, f);
    benchmark::DoNotOptimize(packets.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(f.ByteSizeLong()));
}

void bm_registry_decode_features(benchmark::State& state) {
  const auto f = realistic_features();
  const auto packets = cc::trezor::encode_message(cc::trezor::Table::kTrezor, f);
  cc::trezor::Decoder decoder;
  for (auto _ : state) {
    for (const auto& p : packets) decoder.feed(p);
    auto msg = cc::trezor::decode_message(cc::trezor::Table::kTrezor, decoder.take());
    benchmark::DoNotOptimize(msg.get());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(f.ByteSizeLong()));
}

}  // namespace

BENCHMARK(bm_encode_into)->Arg(64)->Arg(1 << 10)->Arg(64 << 10)->Arg(1 << 20);
BENCHMARK(bm_encode)->Arg(64)->Arg(1 << 10)->Arg(64 << 10)->Arg(1 << 20);
BENCHMARK(bm_decode)->Arg(64)->Arg(1 << 10)->Arg(64 << 10)->Arg(1 << 20);
BENCHMARK(bm_registry_encode_features);
BENCHMARK(bm_registry_decode_features);

BENCHMARK_MAIN();
