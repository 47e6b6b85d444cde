// Strings other layers (renderers, the CLI) show through tr(). Listed here so xgettext
// extracts them and the completeness test holds every one to a translation.
#include "i18n/catalog.hpp"

namespace cc::i18n {

const std::vector<std::string_view>& ui_strings() {
  static const std::vector<std::string_view> strings = {
      // Report sections and labels.
      N_("Verdict"),
      N_("Findings"),
      N_("Finding"),
      N_("Code"),
      N_("Severity"),
      N_("Urgency"),
      N_("Details"),
      N_("What to do"),
      N_("Evidence"),
      N_("Observed"),
      N_("Expected"),
      N_("Device"),
      N_("Host checks"),
      N_("Device checks"),
      N_("Your description"),
      N_("Language"),
      N_("Report made"),
      N_("Demo report: made against the built-in simulator"),
      N_("No findings: nothing needs attention."),
      // Severity names.
      N_("info"),
      N_("advice"),
      N_("warning"),
      N_("critical"),
      // Verdict lines.
      N_("OK: nothing needs attention."),
      N_("Attention: some things need a look, see the findings below."),
      N_("Stop: do not use this device or wallet until the critical findings are resolved."),
      N_("No device could be diagnosed."),
      // The promise every report repeats.
      N_("coldcheck never asks for your recovery phrase, PIN or passphrase, and nobody from support "
         "ever will."),
  };
  return strings;
}

}  // namespace cc::i18n
