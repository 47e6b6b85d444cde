// CC-AUTH-TEST-ROOT: not a retail device (demo run, emulator or simulator).
// CC-CLONE-MISIDENTIFIED: the device matched a catalog model whose maker is not Trezor,
// and that model shares a USB vendor:product id with a Trezor model in the catalog.
// Going by the USB id alone, such a device would be taken for a Trezor; Features.vendor
// (facts.protocol_vendor) told the real maker. A model on its own ids (KeepKey's
// 2b24:xxxx) never raises it, nor does a device no catalog model matched.
#include <cstdio>

#include "i18n/format.hpp"
#include "findings/rules.hpp"
#include "findings/translations.hpp"

namespace cc::findings {
namespace {

constexpr std::string_view kTrezor = "Trezor";

std::string usb_id_text(const catalog::UsbId& usb) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04x:%04x", usb.vendor_id(), usb.product_id());
  return buf;
}

// The first USB id of `model` that a Trezor model lists too, or nullptr.
const catalog::UsbId* shared_with_trezor(const catalog::Model& model, const catalog::Catalog& catalog) {
  for (const auto& mine : model.usb()) {
    for (const auto& other : catalog.models()) {
      if (other.vendor() != kTrezor) continue;
      for (const auto& theirs : other.usb()) {
        if (theirs.vendor_id() == mine.vendor_id() && theirs.product_id() == mine.product_id()) return &mine;
      }
    }
  }
  return nullptr;
}

void clone_rule(const ::coldcheck::DeviceFacts& facts, const catalog::Catalog& catalog, Emitter& emit) {
  const catalog::Model* model = catalog.find(facts.catalog_id());
  if (model == nullptr || model->vendor() == kTrezor) return;
  const catalog::UsbId* usb = shared_with_trezor(*model, catalog);
  if (usb == nullptr) return;
  const std::string maker = facts.maker().empty() ? model->vendor() : facts.maker();
  auto& f = emit.add("CC-CLONE-MISIDENTIFIED");
  emit.detail(f, emit.say(N_("The device uses USB ID %1$s, which Trezor devices use too, but it identifies "
                                "itself as %2$s (vendor string \"%3$s\"). It is a %4$s, not a Trezor."), {usb_id_text(*usb), model->name(), facts.protocol_vendor(), maker}));
  emit.evidence(f, N_("maker"), maker, emit.say(N_("%s, going by the USB ID alone"), {kTrezor}));
  if (!facts.protocol_vendor().empty()) {
    emit.evidence(f, N_("vendor string"), facts.protocol_vendor(), "trezor.io");
  }
}

}  // namespace

void identity_rules(const Inputs& inputs, const catalog::Catalog& catalog, Emitter& emit) {
  const bool emulator = inputs.facts != nullptr && inputs.facts->emulator();
  if (inputs.demo || emulator) {
    auto& f = emit.add("CC-AUTH-TEST-ROOT");
    f.set_detail(inputs.demo ? emit.t(N_("This report was made in demo mode, against coldcheck's built-in simulator."))
                             : emit.t(N_("This report was made against an emulator or simulator, not a retail device.")));
    emit.evidence(f, N_("retail device"), emit.yes_no(false), emit.yes_no(true));
  }
  if (inputs.facts != nullptr) clone_rule(*inputs.facts, catalog, emit);
}

void scam_rules(const Inputs& inputs, Emitter& emit) {
  if (!inputs.description_refused && !inputs.description_mentions_seed_request) return;
  auto& f = emit.add("CC-SCAM-RISK");
  std::string detail;
  if (inputs.description_refused) {
    detail = emit.t(N_("Your description contained what looks like a recovery phrase or a private key, so "
                       "coldcheck refused it and kept none of it."));
    emit.evidence(f, N_("your description"), emit.t(N_("contained secret material (refused)")),
                  emit.t(N_("no secrets")));
  }
  if (inputs.description_mentions_seed_request) {
    if (!detail.empty()) detail += " ";
    detail += emit.t(N_("Your description says that someone asked for your recovery phrase."));
    emit.evidence(f, N_("your description"), emit.t(N_("mentions a request for the recovery phrase")),
                  emit.t(N_("no such request")));
  }
  f.set_detail(detail);
}

}  // namespace cc::findings
