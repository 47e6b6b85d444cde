#pragma once
// The texts the guard benchmarks scan: report-like JSON and support prose in English
// and Chinese, repeated to the size asked for.
#include <cstddef>
#include <string>

namespace cc::guard::bench {

// A JSON report-like text: keys, prose, hex digests, base64 — what scan() really sees.
inline std::string make_report(std::size_t bytes, bool unicode) {
  const std::string chunk = R"({"id":"firmware.genuine","result":"PASS","detail":"signed by 3 of 5 keys",)"
                            R"("hash":"6dfb0ff2a7be58e20d2bbfb3ab9a7d2c2d2a2b5c1ad3e3b2c0e5a9c8d9f7a6b1",)"
                            R"("advice":"Update the firmware from the official app. You never need to type your )"
                            R"(recovery words on a computer, and nobody from support will ever ask for them.",)"
                            R"("sig":"MEUCIQDf3p7W1s1Kq0Q5lq2Pm8n4v0i9XzY0D6o3r9ZJmYl5lgIgU2t6yQyq9l0b3q5+Rk1e7m3u"},)"
                            "\n";
  const std::string uchunk =
      "Le p\xc3\xa9riph\xc3\xa9rique affiche \xc2\xab firmware obsol\xc3\xa8te \xc2\xbb \xe2\x80\x94 "
      "\xe7\x94\xbb\xe9\x9d\xa2\xe6\x98\xaf\xe9\xbb\x91\xe7\x9a\x84 \xf0\x9f\x98\x9f the screen stays black\n";
  std::string out;
  out.reserve(bytes + chunk.size());
  while (out.size() < bytes) out += unicode ? uchunk : chunk;
  out.resize(bytes);
  return out;
}

// What people write to support: English sentences with identifiers in them.
inline std::string make_prose(std::size_t bytes, bool chinese) {
  const std::string en =
      "My Trezor Model T says firmware outdated and will not update past 2.6.3. I sent 0.5 BTC to "
      "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq but it never arrived, the txid is "
      "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b. Please help, you can also check "
      "this for me? The passphrase is case-sensitive, right? I forgot my PIN after 3 attempts.\n";
  const std::string zh =
      "\xe4\xbd\xa0\xe5\xa5\xbd\xef\xbc\x8c\xe6\x88\x91\xe7\x9a\x84\xe9\x92\xb1\xe5\x8c\x85\xe6\x89\x93\xe4\xb8\x8d"
      "\xe5\xbc\x80\xe4\xba\x86\xef\xbc\x8c\xe8\xaf\xb7\xe9\x97\xae\xe6\x80\x8e\xe4\xb9\x88\xe5\x8a\x9e\xef\xbc\x9f"
      "\xe5\x9b\xba\xe4\xbb\xb6\xe7\x89\x88\xe6\x9c\xac\xe6\x98\xaf "
      "2.6.0\xef\xbc\x8c\xe5\xb1\x8f\xe5\xb9\x95\xe4\xb8\x80"
      "\xe7\x9b\xb4\xe6\x98\xbe\xe7\xa4\xba\xe6\xad\xa3\xe5\x9c\xa8\xe5\x8a\xa0\xe8\xbd\xbd\xe3\x80\x82\n";
  std::string out;
  out.reserve(bytes + 512);
  while (out.size() < bytes) out += chinese ? zh : en;
  out.resize(bytes);
  return out;
}

}  // namespace cc::guard::bench
