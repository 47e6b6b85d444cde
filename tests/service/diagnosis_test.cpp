// Diagnoses through the service on the session engine, against the simulator: a
// description holding a recovery phrase starts nothing; two clients racing for one
// device get one session; progress arrives as events; the report is in every format.
#include <gtest/gtest.h>

#include <thread>

#include "http_client.hpp"
#include "running_service.hpp"
#include "support/subprocess.hpp"

namespace cc::service::testing {
namespace {

using namespace std::chrono_literals;

ServiceOptions with_device(const test_support::SimProcess& sim) {
  ServiceOptions o;
  o.emulators.push_back(transport::parse_device_path(sim.path()));
  return o;
}

// The service offering one simulator running `scenario`, and the client calls on it.
class ServiceOn : public ::testing::Test {
 protected:
  explicit ServiceOn(const char* scenario)
      : sim_(test_support::start_simulator(scenario)), svc_{Limits{}, 0, with_device(sim_)} {}
  test_support::SimProcess sim_;
  RunningService svc_;
  HttpResponse post(const std::string& target, const std::string& body) {
    return round_trip(svc_.port(),
                      request("POST", target, svc_.port(), svc_.bearer() + "Content-Type: application/json\r\n", body));
  }
  HttpResponse get(const std::string& target) {
    return round_trip(svc_.port(), request("GET", target, svc_.port(), svc_.bearer()));
  }
  static std::string id_of(const std::string& body) {
    const auto at = body.find("\"id\":\"");
    return at == std::string::npos ? "" : body.substr(at + 6, 32);
  }
  // Waits (up to tries x 100 ms) for the session to leave queued/running; returns its
  // last status body.
  std::string wait_done(const std::string& id, int tries = 300) {
    std::string body;
    for (int i = 0; i < tries; ++i) {
      body = get("/api/v1/diagnoses/" + id).body;
      if (body.find("\"state\":\"queued\"") == std::string::npos &&
          body.find("\"state\":\"running\"") == std::string::npos) {
        break;
      }
      std::this_thread::sleep_for(100ms);
    }
    return body;
  }
};

class ServiceDiagnosis : public ServiceOn {
 protected:
  ServiceDiagnosis() : ServiceOn("healthy-safe3") {}
};

// The simulator answers every message 300 ms late (fault-slow), so a kill lands while
// the device is being read, not after the run already finished.
class ServiceUnplug : public ServiceOn {
 protected:
  ServiceUnplug() : ServiceOn("fault-slow") {}
};

TEST_F(ServiceDiagnosis, ARecoveryPhraseInTheDescriptionStartsNothing) {
  const auto r = post("/api/v1/diagnoses",
                      "{\"device\":\"" + sim_.path() +
                          "\",\"description\":\"my words are abandon abandon abandon abandon abandon abandon abandon "
                          "abandon abandon abandon abandon about\"}");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("\"code\":\"secret\""), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("abandon"), std::string::npos);  // never quoted back
  EXPECT_EQ(get("/api/v1/diagnoses").body, "[]");
  const auto zh = round_trip(svc_.port(), request("POST", "/api/v1/diagnoses?lang=zh-CN", svc_.port(),
                                                  svc_.bearer() + "Content-Type: application/json\r\n",
                                                  "{\"device\":\"" + sim_.path() +
                                                      "\",\"description\":\"abandon abandon abandon abandon abandon "
                                                      "abandon abandon abandon abandon abandon abandon about\"}"));
  EXPECT_EQ(zh.status, 400);
  EXPECT_EQ(get("/api/v1/diagnoses").body, "[]");
}

TEST_F(ServiceDiagnosis, RunsWithProgressEventsAndKeepsTheReport) {
  const auto started =
      post("/api/v1/diagnoses", "{\"device\":\"" + sim_.path() + "\",\"description\":\"it will not connect\"}");
  ASSERT_EQ(started.status, 202) << started.body;
  const auto id = id_of(started.body);
  Connection events(svc_.port());
  events.send(request("GET", "/api/v1/diagnoses/" + id + "/events", svc_.port(), svc_.bearer()));
  ASSERT_EQ(events.read_stream_head(5s), 200);
  bool step = false, verdict = false;
  for (int i = 0; i < 200; ++i) {
    const auto e = events.next_event(30s);
    if (!e) break;
    if (e->first == "step") step = true;
    if (e->first == "verdict") verdict = true;
    if (e->first == "released") break;
  }
  EXPECT_TRUE(step);
  EXPECT_TRUE(verdict);
  const auto done = wait_done(id);
  EXPECT_NE(done.find("\"state\":\"done\""), std::string::npos) << done;
  EXPECT_NE(done.find("\"report\":"), std::string::npos) << done;
  auto r = get("/api/v1/diagnoses/" + id + "/report?format=html&lang=zh-CN");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<html"), std::string::npos);
  r = get("/api/v1/diagnoses/" + id + "/report?format=text");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("it will not connect"), std::string::npos);
  EXPECT_NE(get("/api/v1/reports").body.find("\"id\":1"), std::string::npos);
}

TEST_F(ServiceDiagnosis, TwoClientsRacingForOneDeviceGetOneSession) {
  HttpResponse a, b;
  std::thread ta([&] { a = post("/api/v1/diagnoses", "{\"device\":\"" + sim_.path() + "\"}"); });
  std::thread tb([&] { b = post("/api/v1/diagnoses", "{\"device\":\"" + sim_.path() + "\"}"); });
  ta.join();
  tb.join();
  const int wins = (a.status == 202) + (b.status == 202);
  const int busy = (a.status == 409) + (b.status == 409);
  // The loser may also arrive after the winner finished (the simulator is quick).
  EXPECT_EQ(wins + busy, 2) << a.status << " " << b.status;
  EXPECT_GE(wins, 1);
  if (busy == 1) {
    EXPECT_NE((a.status == 409 ? a : b).body.find("\"code\":\"busy\""), std::string::npos);
  }
}

TEST_F(ServiceDiagnosis, UnknownSessionsAndBadDevices) {
  EXPECT_EQ(get("/api/v1/diagnoses/00000000000000000000000000000000").status, 404);
  EXPECT_EQ(post("/api/v1/diagnoses", "{\"device\":\"../../etc/passwd\"}").status, 400);
  EXPECT_EQ(post("/api/v1/diagnoses", "{\"device\":42}").status, 400);
  EXPECT_EQ(post("/api/v1/diagnoses", "{\"device\":\"" + sim_.path() + "\",\"colour\":1}").status, 400);
}

TEST_F(ServiceUnplug, ADeviceUnpluggedMidDiagnosisEndsItWithoutAVerdict) {
  const auto started = post("/api/v1/diagnoses", "{\"device\":\"" + sim_.path() + "\"}");
  ASSERT_EQ(started.status, 202) << started.body;
  const auto id = id_of(started.body);
  ASSERT_FALSE(id.empty());
  Connection events(svc_.port());
  events.send(request("GET", "/api/v1/diagnoses/" + id + "/events", svc_.port(), svc_.bearer()));
  ASSERT_EQ(events.read_stream_head(5s), 200);
  bool reading = false;
  for (int i = 0; i < 50 && !reading; ++i) {
    const auto e = events.next_event(20s);
    ASSERT_TRUE(e) << "no event before the device was read";
    ASSERT_NE(e->first, "released") << "the run ended before the device was read: " << e->second;
    reading = e->first == "step" && e->second.find("reading the device") != std::string::npos;
  }
  ASSERT_TRUE(reading);
  sim_.process->terminate();

  const auto done = wait_done(id, 600);
  const bool unplugged = done.find("\"state\":\"unplugged\"") != std::string::npos;
  const bool failed = done.find("\"state\":\"failed\"") != std::string::npos;
  EXPECT_TRUE(unplugged || failed) << done;  // never "done": half a device has no verdict to give
  EXPECT_EQ(done.find("\"verdict\":\"ok\""), std::string::npos) << done;
  EXPECT_NE(done.find("\"error\":"), std::string::npos) << done;
  const auto report = get("/api/v1/diagnoses/" + id + "/report?format=json");
  if (unplugged) {
    EXPECT_EQ(report.status, 404) << "a run cut off by an unplug keeps no report: " << report.body;
    EXPECT_EQ(done.find("\"report\":"), std::string::npos) << done;
  } else if (report.status == 200) {
    // What was kept says the device stopped answering, and gives no OK.
    const bool says_so = report.body.find("CC-DEV-UNREADABLE") != std::string::npos ||
                         report.body.find("CC-DEV-NO-REPLY") != std::string::npos;
    EXPECT_TRUE(says_so) << report.body;
    EXPECT_EQ(report.body.find("VERDICT_OK"), std::string::npos) << report.body;
  }
}

TEST(ServiceDevices, TheDeviceStreamShowsADeviceGoing) {
  auto sim = test_support::start_simulator("healthy-safe3");
  RunningService svc{Limits{}, 0, with_device(sim), 200ms};
  Connection events(svc.port());
  events.send(request("GET", "/api/v1/devices/events", svc.port(), svc.bearer()));
  ASSERT_EQ(events.read_stream_head(5s), 200);
  auto e = events.next_event(10s);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->first, "devices");
  EXPECT_NE(e->second.find("\"state\":\"ACCESS_READY\""), std::string::npos) << e->second;
  sim.process->terminate();
  bool gone = false;
  for (int i = 0; i < 20 && !gone; ++i) {
    e = events.next_event(10s);
    if (!e) break;
    gone = e->first == "devices" && e->second.find("ACCESS_UNREACHABLE") != std::string::npos;
  }
  EXPECT_TRUE(gone);
}

// An open device stream starts the engine's bus watches, so an arrival is sent when it
// happens, not at the list's next period (30 s here: the list alone would not show it).
TEST(ServiceDevices, AnOpenDeviceStreamGetsArrivalsAsTheyHappen) {
  auto sim = test_support::start_simulator("healthy-safe3");
  RunningService svc{Limits{}, 0, with_device(sim), 30s};
  Connection events(svc.port());
  events.send(request("GET", "/api/v1/devices/events", svc.port(), svc.bearer()));
  ASSERT_EQ(events.read_stream_head(5s), 200);
  bool arrival = false;
  for (int i = 0; i < 10 && !arrival; ++i) {
    const auto e = events.next_event(10s);
    if (!e) break;
    arrival = e->first == "arrival" && e->second.find(sim.path()) != std::string::npos;
  }
  EXPECT_TRUE(arrival);
}

}  // namespace
}  // namespace cc::service::testing
