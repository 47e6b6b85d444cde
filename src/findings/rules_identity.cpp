// CC-AUTH-TEST-ROOT: not a retail device (demo run, emulator or simulator).
// CC-CLONE-MISIDENTIFIED: the device matched a catalog model that shares a USB
// vendor:product id with a model of another maker speaking the same protocol (OneKey
// on Trezor's 1209:53c1). Going by the USB id alone, such a device would be taken for
// the other maker's; Features.vendor (facts.protocol_vendor) told the real maker. Who
// owns which id is catalog data. A model on its own ids (KeepKey's 2b24:xxxx) never
// raises it, nor does a device no catalog model matched.
#include <cstdio>

#include "i18n/format.hpp"
#include "findings/rules.hpp"
#include "findings/translations.hpp"

namespace cc::findings {
namespace {

std::string usb_id_text(const catalog::UsbId& usb) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04x:%04x", usb.vendor_id(), usb.product_id());
  return buf;
}

struct SharedId {
  const catalog::UsbId* usb = nullptr;
  const catalog::Model* owner = nullptr;  // the other maker's model listing it too
};

// The first USB id `model` borrows (catalog: borrowed) that another maker's model of the
// same protocol lists as its own.
SharedId shared_with_other_maker(const catalog::Model& model, const catalog::Catalog& catalog) {
  for (const auto& mine : model.usb()) {
    if (!mine.borrowed()) continue;
    for (const auto& other : catalog.models()) {
      if (other.vendor() == model.vendor() || other.protocol() != model.protocol()) continue;
      for (const auto& theirs : other.usb()) {
        if (theirs.borrowed()) continue;
        if (theirs.vendor_id() == mine.vendor_id() && theirs.product_id() == mine.product_id()) return {&mine, &other};
      }
    }
  }
  return {};
}

void clone_rule(const ::coldcheck::DeviceFacts& facts, const catalog::Catalog& catalog, Emitter& emit) {
  const catalog::Model* model = catalog.find(facts.catalog_id());
  if (model == nullptr) return;
  const SharedId shared = shared_with_other_maker(*model, catalog);
  if (shared.usb == nullptr) return;
  const std::string& taken_for = shared.owner->vendor();
  const std::string maker = facts.maker().empty() ? model->vendor() : facts.maker();
  auto& f = emit.add("CC-CLONE-MISIDENTIFIED");
  emit.detail(f, emit.say(N_("The device uses USB ID %1$s, which %5$s devices use too, but it identifies "
                             "itself as %2$s (vendor string \"%3$s\"). It is a %4$s, not a %5$s."),
                          {usb_id_text(*shared.usb), model->name(), facts.protocol_vendor(), maker, taken_for}));
  emit.evidence(f, N_("maker"), maker, emit.say(N_("%s, going by the USB ID alone"), {taken_for}));
  const auto& their_vendor = shared.owner->features_match().vendor();
  if (!facts.protocol_vendor().empty() && !their_vendor.empty()) {
    emit.evidence(f, N_("vendor string"), facts.protocol_vendor(), their_vendor[0]);
  }
}

}  // namespace

void identity_rules(const Inputs& inputs, const catalog::Catalog& catalog, Emitter& emit) {
  const bool emulator = inputs.facts != nullptr && inputs.facts->emulator();
  if (inputs.demo || emulator) {
    auto& f = emit.add("CC-AUTH-TEST-ROOT");
    f.set_detail(inputs.demo
                     ? emit.t(N_("This report was made in demo mode, against coldcheck's built-in simulator."))
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
    detail =
        emit.t(N_("Your description contained what looks like a recovery phrase or a private key, so "
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
