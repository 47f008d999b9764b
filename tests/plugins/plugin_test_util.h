// Helpers shared by the plugin tests (header-only, test code only).
#pragma once

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

namespace beslut::test {

inline std::string readSample(const std::string& name) {
  std::ifstream in(std::string(BESLUT_SOURCE_DIR) + "/content/samples/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline constexpr const char* kMinutesSeed = "protokoll-ssr-skola-utbildning-2018-09-28.txt";
inline constexpr const char* kReplySeed = "svar-ledamotsinitiativ-varsel.txt";
inline constexpr const char* kActionPlanSeed = "handlingsplan-kompetensforsorjning.txt";
inline constexpr const char* kAnnualReportSeed = "verksamhetsberattelse-regional-tillvaxtnamnd-2024.txt";

// 10 MB on one line, and binary garbage (deterministic).
inline std::string hugeSingleLine() {
  std::string s;
  s.reserve(10u << 20);
  const std::string word = "Protokoll § 1. Justerare beslutar att ställer sig bakom (S) 2018-09-28 ";
  while (s.size() < (10u << 20)) s += word;
  return s;
}

inline std::string binaryGarbage(std::size_t n = 1u << 20) {
  std::string s(n, '\0');
  unsigned x = 12345;
  for (auto& c : s) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 16);
  }
  return s;
}

inline double secondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace beslut::test
