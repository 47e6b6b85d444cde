#include "app/rendering.hpp"

#include <gtest/gtest.h>

#include <set>

namespace cc::app {
namespace {

TEST(Labels, FieldListCoversEveryMember) {
  render::Labels labels;
  EXPECT_EQ(render::all_label_fields(labels).size() * sizeof(std::string), sizeof(render::Labels))
      << "a member of render::Labels is missing from all_label_fields()";
}

TEST(Labels, EveryLabelHasAChineseTranslation) {
  // Words that stay the same in Chinese text.
  const std::set<std::string> same = {"PIN"};
  render::Labels english;
  render::Labels chinese = labels_for(findings::Language::kChineseSimplified);
  const auto en = render::all_label_fields(english);
  const auto zh = render::all_label_fields(chinese);
  ASSERT_EQ(en.size(), zh.size());
  for (std::size_t i = 0; i < en.size(); ++i) {
    if (same.count(*en[i])) continue;
    EXPECT_NE(*en[i], *zh[i]) << "no zh-CN translation for label \"" << *en[i] << "\"";
    EXPECT_FALSE(zh[i]->empty());
  }
}

TEST(DeviceWords, FieldListCoversEveryMember) {
  render::DeviceWords words;
  EXPECT_EQ(render::all_device_word_fields(words).size() * sizeof(std::string), sizeof(render::DeviceWords))
      << "a member of render::DeviceWords is missing from all_device_word_fields()";
}

TEST(DeviceWords, EveryWordHasAChineseTranslation) {
  const std::set<std::string> same = {"PIN"};
  render::DeviceWords english;
  render::DeviceWords chinese = device_words_for(findings::Language::kChineseSimplified);
  const auto en = render::all_device_word_fields(english);
  const auto zh = render::all_device_word_fields(chinese);
  ASSERT_EQ(en.size(), zh.size());
  for (std::size_t i = 0; i < en.size(); ++i) {
    if (same.count(*en[i])) continue;
    EXPECT_NE(*en[i], *zh[i]) << "no zh-CN translation for \"" << *en[i] << "\"";
  }
}

TEST(Labels, EnglishIsTheDefault) {
  const auto labels = labels_for(findings::Language::kEnglish);
  EXPECT_EQ(labels.verdict_stop, render::Labels{}.verdict_stop);
}

}  // namespace
}  // namespace cc::app
