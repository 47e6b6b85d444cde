// The non-device routes over a real socket: reports from the store in every format and
// both languages, statistics, and our error codes as HTTP.
#include <gtest/gtest.h>

#include "coldcheck/report.pb.h"
#include "http_client.hpp"
#include "running_service.hpp"

namespace cc::service::testing {
namespace {

class ServiceApi : public ::testing::Test {
 protected:
  RunningService svc{Limits{}, 5};
  HttpResponse get(const std::string& target) {
    return round_trip(svc.port(), request("GET", target, svc.port(), svc.bearer()));
  }
};

TEST_F(ServiceApi, ListsReportsWithFilters) {
  auto r = get("/api/v1/reports");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json");
  std::size_t ids = 0;
  for (auto at = r.body.find("\"id\":"); at != std::string::npos; at = r.body.find("\"id\":", at + 1)) ++ids;
  EXPECT_EQ(ids, 5u);
  r = get("/api/v1/reports?limit=2");
  ids = 0;
  for (auto at = r.body.find("\"id\":"); at != std::string::npos; at = r.body.find("\"id\":", at + 1)) ++ids;
  EXPECT_EQ(ids, 2u);
  EXPECT_EQ(get("/api/v1/reports?limit=0").status, 400);
  EXPECT_EQ(get("/api/v1/reports?limit=100000").status, 400);
  EXPECT_EQ(get("/api/v1/reports?since=yesterday").status, 400);
  EXPECT_EQ(get("/api/v1/reports?model=a'b").status, 400);
  EXPECT_EQ(get("/api/v1/reports?colour=red").status, 400);
  r = get("/api/v1/reports?verdict=nonexistent");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("\"id\":"), std::string::npos);
}

TEST_F(ServiceApi, FetchesAReportInEveryFormatAndLanguage) {
  auto r = get("/api/v1/reports/1");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"findings\""), std::string::npos);
  r = get("/api/v1/reports/1?format=text&lang=en");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/plain; charset=utf-8");
  const auto english = r.body;
  r = get("/api/v1/reports/1?format=text&lang=zh-CN");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body, english);
  EXPECT_NE(r.body.find("\xe8\xae\xbe\xe5\xa4\x87"), std::string::npos);  // 设备
  r = get("/api/v1/reports/1?format=html&lang=zh-CN");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<html"), std::string::npos);
  EXPECT_NE(r.header("content-security-policy").value_or("").find("sandbox"), std::string::npos);
  r = get("/api/v1/reports/1?format=pb&download=1");
  ASSERT_EQ(r.status, 200);
  ::coldcheck::report::Report parsed;
  EXPECT_TRUE(parsed.ParseFromString(r.body));
  EXPECT_FALSE(parsed.integrity().digest_hex().empty());
  EXPECT_EQ(r.header("content-disposition"), "attachment; filename=\"coldcheck-report-1.pb\"");
  EXPECT_EQ(get("/api/v1/reports/1?format=docx").status, 400);
  EXPECT_EQ(get("/api/v1/reports/1?lang=fr").status, 400);
}

TEST_F(ServiceApi, ErrorsAreOurCodesAsHttp) {
  auto r = get("/api/v1/reports/999");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("\"code\":\"not_found\""), std::string::npos) << r.body;
  r = get("/api/v1/nothing-here");
  EXPECT_EQ(r.status, 404);
  r = round_trip(svc.port(),
                 request("DELETE", "/api/v1/health", svc.port(), svc.bearer() + "Content-Type: application/json\r\n"));
  EXPECT_EQ(r.status, 405);
}

TEST_F(ServiceApi, ErrorMessagesComeInTheCallersLanguage) {
  // A message with a translation of its own, by ?lang= and by Accept-Language.
  auto r = get("/api/v1/diagnoses/0123?lang=zh-CN");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("\"code\":\"not_found\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"message\":\"\xe6\xb2\xa1\xe6\x9c\x89"), std::string::npos) << r.body;  // 没有…
  r = round_trip(svc.port(), request("GET", "/api/v1/diagnoses/0123", svc.port(),
                                     svc.bearer() + "Accept-Language: zh-CN,zh;q=0.9,en;q=0.5\r\n"));
  EXPECT_NE(r.body.find("\xe6\xb2\xa1\xe6\x9c\x89"), std::string::npos) << r.body;
  // One that names a value has no translation: the kind of error leads, the words stay.
  r = round_trip(svc.port(),
                 request("GET", "/api/v1/reports/999", svc.port(), svc.bearer() + "Accept-Language: zh-CN\r\n"));
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("\xe6\x9c\xaa\xe6\x89\xbe\xe5\x88\xb0"), std::string::npos) << r.body;  // 未找到
  EXPECT_NE(r.body.find("999"), std::string::npos) << r.body;
  // English stays English, whatever the service's default.
  r = get("/api/v1/diagnoses/0123?lang=en");
  EXPECT_NE(r.body.find("\"message\":\"no such diagnosis\""), std::string::npos) << r.body;
}

TEST_F(ServiceApi, Statistics) {
  auto r = get("/api/v1/statistics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"reports\":5"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"by_model\":[{"), std::string::npos);
  r = get("/api/v1/statistics?format=html&lang=zh-CN");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace cc::service::testing
