#include "app/backup_offer.hpp"

namespace cc::app {

using findings::tr;

BackupOffer decide_backup_offer(const BackupOfferInputs& inputs, findings::Language language,
                                const std::function<bool(const std::string& question)>& ask) {
  BackupOffer offer;
  if (inputs.requested) {
    offer.run = true;
  } else if (inputs.declined || !inputs.interactive || !ask) {
    offer.not_run_reason = tr("not requested: run coldcheck check-backup, or diagnose --check-backup", language);
  } else if (inputs.demo) {
    offer.not_run_reason =
        tr("not offered in the demo: the built-in demo device has no screen to type on. Try it with "
           "`coldcheck simulate --screen --scenario backup-safe3` in a second terminal",
           language);
  } else {
    offer.run = ask(
        tr("Also check your recovery backup on the device? You enter the words on the device, never here.", language));
    if (!offer.run) offer.not_run_reason = tr("you chose not to run it", language);
  }
  return offer;
}

}  // namespace cc::app
