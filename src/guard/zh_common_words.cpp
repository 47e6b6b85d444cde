// Common two-character Chinese words (Simplified and Traditional), written for the
// guard: prose is full of them, while twelve characters drawn at random from the BIP39
// Chinese lists almost never put two of them side by side in this order.
#include "guard/zh_common_words.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "guard/word_index.hpp"

namespace cc::guard {
namespace {

constexpr std::string_view kWords =
    "我们 你们 他们 她们 它们 自己 什么 怎么 为什么 怎样 这个 那个 哪个 这些 那些 这样 那样 这里 那里 哪里 "
    "现在 已经 还是 还有 但是 可是 因为 所以 如果 虽然 然后 而且 或者 并且 不是 就是 只是 也是 都是 没有 "
    "可以 可能 应该 需要 必须 能够 知道 觉得 认为 希望 看到 看看 发现 出现 显示 提示 告诉 问题 情况 时候 "
    "一下 一个 一些 一直 一样 一起 一次 一定 一般 一点 两个 几个 每个 每次 所有 其他 其实 当然 特别 非常 "
    "比较 还要 不要 不能 不会 不行 不对 不了 不到 不过 不用 没用 有人 有没 有的 有点 的话 的时候 了吗 "
    "设备 钱包 固件 软件 硬件 电脑 手机 屏幕 按钮 数据 连接 电池 充电 升级 更新 版本 安装 下载 打开 "
    "关闭 重启 重新 恢复 备份 检查 确认 输入 输错 错误 正确 成功 失败 操作 使用 用户 客服 帮助 帮我 "
    "请问 谢谢 你好 您好 麻烦 地址 交易 转账 余额 到账 手续 费用 区块 网络 官方 官网 正品 安全 风险 "
    "助记 单词 密码 短语 私钥 公钥 账户 资产 币种 比特 以太 签名 验证 授权 设置 选择 界面 页面 信息 "
    "提醒 报告 诊断 日志 编号 代码 系统 程序 引导 模式 功能 方法 办法 步骤 说明 文件 网站 电报 群里 "
    "今天 昨天 明天 晚上 早上 小时 分钟 时间 以前 以后 之前 之后 最后 开始 结束 完成 继续 已经 刚才 "
    "东西 事情 朋友 别人 大家 任何 知道 明白 理解 解释 区别 关系 原因 结果 意思 正常 异常 奇怪 担心 "
    "购买 商城 收到 包装 划痕 二手 新手 序列 序号 哈希 扩展 指纹 蓝牙 配对 接口 数据线 电源 插上 "
    "中国 国家 工作 生活 学习 时间 问题 发展 经济 社会 人民 政府 公司 市场 技术 服务 产品 管理 "
    "应用 平台 方式 处理 支持 提供 进行 通过 根据 关于 对于 还能 之间 其中 以上 以下 全部 部分 "
    "我的 你的 他的 她的 我们的 这是 那是 就会 也会 都会 会不 是不 能不 要不 好像 可能 大概 应该 "
    "設備 錢包 軟件 硬體 電腦 手機 螢幕 數據 連接 電池 充電 升級 更新 版本 安裝 下載 打開 關閉 "
    "重啟 恢復 備份 檢查 確認 輸入 錯誤 正確 成功 失敗 操作 使用 用戶 客服 幫助 幫我 請問 謝謝 "
    "地址 交易 轉賬 餘額 區塊 網絡 官方 官網 安全 助記 單詞 密碼 私鑰 公鑰 賬戶 資產 簽名 驗證 "
    "設置 選擇 界面 信息 報告 診斷 日誌 系統 程序 模式 功能 方法 辦法 說明 文件 網站 時候 時間 "
    "我們 你們 他們 什麼 怎麼 為什麼 這個 那個 這些 這樣 這裡 現在 已經 還是 還有 因為 所以 如果 "
    "雖然 然後 而且 或者 不是 就是 只是 沒有 可以 可能 應該 需要 知道 覺得 認為 希望 看到 發現 "
    "出現 顯示 提示 問題 情況 一下 一個 一些 一直 一樣 一起 一次 一定 所有 其他 其實 當然 非常 "
    "比較 不要 不能 不會 不行 不過 不用 有點 的話 今天 昨天 明天 晚上 以前 以後 之前 之後 開始 "
    "結束 完成 繼續 東西 事情 朋友 別人 大家 任何 明白 理解 解釋 區別 關係 原因 結果 意思 正常 "
    "擔心 購買 收到 包裝 二手 新手 序號 哈希 擴展 指紋 藍牙 配對 接口 "
    "起来 出来 下来 上来 过来 回来 进来 看起来 文字 内容 包含 拒绝 这段 一段 迷你 孩子 父母 学校 老师 学生 家里 回家 "
    "吃饭 喜欢 感觉 感谢 高兴 开心 难过 生气 同意 反对 决定 计划 准备 发生 变化 改变 影响 作用 意见 建议 要求 机会 "
    "条件 环境 标准 水平 能力 经验 历史 文化 世界 国际 地方 城市 北京 上海 美国 日本 英文 中文 汉字 语言 电话 邮件 "
    "邮箱 短信 微信 视频 图片 照片 网页 链接 账号 注册 登录 退出 取消 删除 保存 发送 接收 复制 粘贴 输出 打印 价格 "
    "多少 一共 左右 大约 差不多 其次 首先 最近 马上 立即 立刻 赶紧 一会 等等 例如 比如 只有 只要 除了 以外 之外 另外 "
    "同时 一边 然而 否则 于是 因此 总之 终于 突然 仍然 依然 竟然 居然 显然 果然 自然 当时 平时 有时 经常 往往 常常 "
    "总是 从来 本来 原来 后来 将来 未来 过去 今年 去年 明年 上午 下午 中午 星期 周末 号码 正在 正是 真的 确实 确定 "
    "肯定 一定 好的 好了 对了 是的 没错 不错 不好 很多 很好 很大 太多 太大 更多 最好 最多 越来 越来越 一切 一旦 一共 "
    "还没 没什 什么样 怎么样 这么 那么 多么 要是 就要 就能 就算 只能 还会 不仅 而是 包括 以及 并不 并没 不但 甚至 尤其 "
    "比如说 也就 就是说 看来 听说 据说 好多 有些 有关 相关 关注 注意 小心 放心 担保 保护 保证 保管 丢失 找到 找回 忘记 "
    "记得 记住 记录 写下 抄写 電話 郵件 視頻 圖片 照片 網頁 鏈接 賬號 註冊 登錄 退出 取消 刪除 保存 發送 接收 複製 "
    "價格 多少 最近 馬上 立即 內容 包含 拒絕 這段 文字 看起來 起來 出來 下來 過來 回來 孩子 學校 老師 學生 喜歡 感覺 "
    "感謝 同意 決定 計劃 準備 發生 變化 改變 影響 作用 意見 建議 要求 機會 條件 環境 標準 水平 能力 經驗 歷史 文化 "
    "世界 國際 地方 城市 語言 經常 總是 從來 本來 原來 後來 將來 未來 過去 今年 去年 明年 上午 下午 中午 正在 真的 "
    "確實 確定 肯定 很多 這麼 那麼 要是 就要 只能 還會 不僅 而是 包括 以及 甚至 尤其 聽說 有些 有關 相關 注意 小心 "
    "放心 保護 保證 丟失 找到 忘記 記得";

// Two three-byte characters as one 48-bit number (never 0: UTF-8 lead bytes are not).
std::uint64_t pair_key(std::string_view six) noexcept {
  std::uint64_t k = 0;
  for (const char c : six) k = (k << 8) | static_cast<unsigned char>(c);
  return k;
}

}  // namespace

const PackedTable& common_zh_pairs() {
  static const PackedTable pairs = [] {
    PackedTable table(1u << 12);
    std::string_view rest = kWords;
    while (!rest.empty()) {
      const std::size_t sp = rest.find(' ');
      const std::string_view word = rest.substr(0, sp);
      // Every adjacent pair of a word counts: "为什么" gives 为什 and 什么.
      for (std::size_t i = 0; i + 6 <= word.size(); i += 3) table.emplace(pair_key(word.substr(i, 6)), 1);
      rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
    }
    return table;
  }();
  return pairs;
}

bool is_common_zh_pair_key(std::uint64_t key) { return common_zh_pairs().contains(key); }

bool is_common_zh_pair(std::string_view first, std::string_view second) {
  if (first.size() != 3 || second.size() != 3) return false;
  std::array<char, 6> key{};
  std::copy(first.begin(), first.end(), key.begin());
  std::copy(second.begin(), second.end(), key.begin() + 3);
  return is_common_zh_pair_key(pair_key(std::string_view(key.data(), key.size())));
}

}  // namespace cc::guard
