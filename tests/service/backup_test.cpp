// The backup check through the service against the simulated Safe 3: the page's side
// is played here (answers over HTTP, events over SSE), the device's by DeviceHands. The
// words go only to the device; the report says VERIFIED and holds no word.
#include <gtest/gtest.h>

#include "http_client.hpp"
#include "running_service.hpp"
#include "support/device_hands.hpp"
#include "support/subprocess.hpp"

namespace cc::service::testing {
namespace {

using namespace std::chrono_literals;

class ServiceBackup : public ::testing::Test {
 protected:
  void SetUp() override {
    sim_ = test_support::start_simulator("backup-safe3");
    debug_ = "udp:127.0.0.1:" + std::to_string(sim_.port + 1);
  }
  HttpResponse post(const std::string& target, const std::string& body) {
    return round_trip(svc_.port(),
                      request("POST", target, svc_.port(), svc_.bearer() + "Content-Type: application/json\r\n", body));
  }
  std::string start() {
    const auto r = post("/api/v1/backup-checks", "{\"device\":\"" + sim_.path() + "\",\"language\":\"en\"}");
    EXPECT_EQ(r.status, 202) << r.body;
    const auto at = r.body.find("\"id\":\"");
    return at == std::string::npos ? "" : r.body.substr(at + 6, 32);
  }
  static std::string prompt_of(const std::string& data) {
    const auto at = data.find("\"prompt\":");
    return data.substr(at + 9, data.find_first_of(",}", at) - at - 9);
  }

  test_support::SimProcess sim_;
  std::string debug_;
  RunningService svc_{Limits{}, 0};
};

TEST_F(ServiceBackup, MatchingWordsOnTheDeviceAreVerifiedWithoutAWordOnTheHost) {
  test_support::DeviceHands hands(debug_, test_support::HandsScript{"12", std::vector<std::string>(12, "all"), {}, {}});
  const auto id = start();
  ASSERT_EQ(id.size(), 32u);
  Connection events(svc_.port());
  events.send(request("GET", "/api/v1/backup-checks/" + id + "/events", svc_.port(), svc_.bearer()));
  ASSERT_EQ(events.read_stream_head(5s), 200);
  std::string result;
  bool saw_pin = false;
  for (int i = 0; i < 100 && result.empty(); ++i) {
    const auto e = events.next_event(60s);
    ASSERT_TRUE(e) << "no event";
    if (e->first == "confirm") {
      EXPECT_EQ(
          post("/api/v1/backup-checks/" + id + "/answer", "{\"prompt\":" + prompt_of(e->second) + ",\"yes\":true}")
              .status,
          200);
    } else if (e->first == "ask" && e->second.find("\"input\":\"pin\"") != std::string::npos) {
      saw_pin = true;
      // Anything but positions is refused, and the prompt stays open.
      EXPECT_EQ(post("/api/v1/backup-checks/" + id + "/answer",
                     "{\"prompt\":" + prompt_of(e->second) + ",\"positions\":\"all all\"}")
                    .status,
                400);
      EXPECT_EQ(
          post("/api/v1/backup-checks/" + id + "/answer", "{\"prompt\":" + prompt_of(e->second) + ",\"text\":\"all\"}")
              .status,
          400);
      EXPECT_EQ(
          post("/api/v1/backup-checks/" + id + "/answer", "{\"prompt\":" + prompt_of(e->second) + ",\"positions\":\"" +
                                                              test_support::pin_positions(debug_, "1357") + "\"}")
              .status,
          200);
    } else if (e->first == "ask") {
      EXPECT_NE(e->second.find("How many words"), std::string::npos) << e->second;
      EXPECT_EQ(
          post("/api/v1/backup-checks/" + id + "/answer", "{\"prompt\":" + prompt_of(e->second) + ",\"words\":99}")
              .status,
          400);
      EXPECT_EQ(
          post("/api/v1/backup-checks/" + id + "/answer", "{\"prompt\":" + prompt_of(e->second) + ",\"words\":12}")
              .status,
          200);
    } else if (e->first == "result") {
      result = e->second;
    }
  }
  EXPECT_TRUE(saw_pin);
  EXPECT_NE(result.find("\"verdict\":\"matches\""), std::string::npos) << result;
  const auto at = result.find("\"report\":");
  ASSERT_NE(at, std::string::npos) << result;
  const auto report_id = result.substr(at + 9, result.find_first_of(",}", at) - at - 9);
  const auto report =
      round_trip(svc_.port(), request("GET", "/api/v1/reports/" + report_id, svc_.port(), svc_.bearer()));
  EXPECT_NE(report.body.find("CC-BACKUP-VERIFIED"), std::string::npos);
  EXPECT_EQ(report.body.find("all all"), std::string::npos);
  EXPECT_EQ(report.body.find("1357"), std::string::npos);
}

TEST_F(ServiceBackup, TwoClientsRaceForOneDeviceAndOneWins) {
  const auto first = start();
  ASSERT_FALSE(first.empty());
  const auto r = post("/api/v1/backup-checks", "{\"device\":\"" + sim_.path() + "\"}");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(round_trip(svc_.port(), request("DELETE", "/api/v1/backup-checks/" + first, svc_.port(),
                                            svc_.bearer() + "Content-Type: application/json\r\n"))
                .status,
            202);
}

TEST_F(ServiceBackup, BadRequestsAreRefused) {
  EXPECT_EQ(post("/api/v1/backup-checks", "{\"device\":\"/etc/passwd\"}").status, 400);
  EXPECT_EQ(post("/api/v1/backup-checks", "{\"device\":\"" + sim_.path() + "\",\"words\":1e309}").status, 400);
  EXPECT_EQ(post("/api/v1/backup-checks", "{\"device\":\"" + sim_.path() + "\",\"words\":12.5}").status, 400);
  EXPECT_EQ(post("/api/v1/backup-checks", "{\"device\":\"" + sim_.path() + "\",\"words\":-12}").status, 400);
  EXPECT_EQ(post("/api/v1/backup-checks", "[1,2,3]").status, 400);
  EXPECT_EQ(post("/api/v1/backup-checks", "{\"device\":").status, 400);
  EXPECT_EQ(post("/api/v1/backup-checks", std::string(100, '[') + std::string(100, ']')).status, 400);
  EXPECT_EQ(post("/api/v1/backup-checks/0123/answer", "{\"prompt\":1,\"yes\":true}").status, 404);
}

}  // namespace
}  // namespace cc::service::testing
