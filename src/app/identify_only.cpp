#include "app/identify_only.hpp"
#include "findings/check_ids.hpp"

#include <optional>

#include "checks/check_result.hpp"
#include "findings/translations.hpp"

namespace cc::app {

namespace rp = ::coldcheck::report;
using findings::tr;

::coldcheck::DeviceFacts identify_usb_node(const catalog::Catalog& catalog, const enumerate::UsbNode& node) {
  ::coldcheck::DeviceFacts facts;
  facts.set_path(node.path);
  // -1 and 0 are how the scan says "not known" (hidapi could not read the report
  // descriptor, libusb has no usage page): they must not fail the match, as in `list`.
  const auto interface_number = node.interface_number >= 0 ? std::optional<int>(node.interface_number) : std::nullopt;
  const auto usage_page = node.usage_page != 0 ? std::optional<std::uint16_t>(node.usage_page) : std::nullopt;
  const auto matches = catalog.match_usb(node.vendor_id, node.product_id, interface_number, usage_page, node.product);
  if (matches.empty()) return facts;
  const auto& m = matches.front();
  facts.set_catalog_id(m.model->id());
  facts.set_model_name(m.model->name());
  facts.set_maker(m.model->vendor());
  if (m.usb->mode() == ::coldcheck::catalog::MODE_BOOTLOADER) facts.set_mode(::coldcheck::DEVICE_MODE_BOOTLOADER);
  if (m.usb->mode() == ::coldcheck::catalog::MODE_FIRMWARE) facts.set_mode(::coldcheck::DEVICE_MODE_FIRMWARE);
  return facts;
}

std::vector<rp::CheckResult> identify_only_checks(const ::coldcheck::DeviceFacts& facts, findings::Language lang) {
  const std::string who = facts.model_name().empty() ? tr(N_("this device"), lang) : facts.model_name();
  const std::string reason =
      tr(N_("coldcheck only identifies this device family from its USB descriptor; it does not speak its protocol yet"),
         lang) +
      " (" + who + ")";
  std::vector<rp::CheckResult> out;
  out.push_back(checks::make_check(findings::kFwRevision, tr(N_("firmware revision against the release catalog"), lang),
                                   rp::CHECK_UNSUPPORTED, reason));
  out.push_back(checks::make_check(findings::kFwHash, tr(N_("firmware hash against the release image"), lang),
                                   rp::CHECK_UNSUPPORTED, reason));
  out.push_back(checks::make_check(findings::kAuthDevice, tr(N_("secure-element attestation"), lang),
                                   rp::CHECK_UNSUPPORTED, reason));
  return out;
}

}  // namespace cc::app
