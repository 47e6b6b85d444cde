#include "report/install_signing.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/error.hpp"
#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::report {
namespace {

namespace rpt = ::coldcheck::report;

TEST(InstallSigning, ASignedReportVerifiesAndNamesTheKey) {
  test::TempDir dir;
  const auto signer = InstallSigner::load_or_create(dir.path() / "install-signing.key");
  rpt::Report report = seal(test::sample_body());
  signer.sign(report);
  const auto check = check_install_signature(report);
  EXPECT_TRUE(check.present);
  EXPECT_TRUE(check.valid) << check.summary;
  EXPECT_EQ(check.key_id, signer.key_id());
  EXPECT_EQ(check.summary, "signed by install " + signer.key_id());
  EXPECT_EQ(report.install_signature().public_key().size(), 32u);
}

TEST(InstallSigning, TheKeyIsMadeOnceWithMode0600AndReused) {
  test::TempDir dir;
  const auto path = dir.path() / "sub" / "install-signing.key";
  const auto first = InstallSigner::load_or_create(path).key_id();
  EXPECT_EQ(InstallSigner::load_or_create(path).key_id(), first);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(st.st_size, 32);
  EXPECT_NE(InstallSigner::load_or_create(dir.path() / "other.key").key_id(), first);
}

TEST(InstallSigning, AnEditedBodyBreaksTheSignatureEvenWhenResealed) {
  test::TempDir dir;
  const auto signer = InstallSigner::load_or_create(dir.path() / "k");
  rpt::Report report = seal(test::sample_body());
  signer.sign(report);
  rpt::Body body = report.body();
  body.set_verdict(rpt::VERDICT_OK);
  rpt::Report forged = seal(body);  // a forger recomputes the digest...
  *forged.mutable_install_signature() = report.install_signature();
  EXPECT_TRUE(verify(forged).ok);  // ...which the digest alone cannot tell
  const auto check = check_install_signature(forged);
  EXPECT_TRUE(check.present);
  EXPECT_FALSE(check.valid);
  EXPECT_NE(check.summary.find("INVALID"), std::string::npos);
}

TEST(InstallSigning, AStatedKeyIdThatIsNotTheKeysIsRefused) {
  test::TempDir dir;
  const auto signer = InstallSigner::load_or_create(dir.path() / "k");
  rpt::Report report = seal(test::sample_body());
  signer.sign(report);
  report.mutable_install_signature()->set_key_id("00000000");
  EXPECT_FALSE(check_install_signature(report).valid);
  report.mutable_install_signature()->set_key_id(signer.key_id());
  report.mutable_install_signature()->mutable_public_key()->resize(31);
  EXPECT_FALSE(check_install_signature(report).valid);
}

TEST(InstallSigning, AnUnsignedReportSaysSo) {
  const auto check = check_install_signature(seal(test::sample_body()));
  EXPECT_FALSE(check.present);
  EXPECT_FALSE(check.valid);
  EXPECT_EQ(check.summary, "not signed by an install");
}

TEST(InstallSigning, AGroupReadableKeyIsRefused) {
  test::TempDir dir;
  const auto path = dir.path() / "k";
  InstallSigner::load_or_create(path);
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  EXPECT_THROW(InstallSigner::load_or_create(path), Error);
}

}  // namespace
}  // namespace cc::report
