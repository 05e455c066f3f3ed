//! Folio's own words, in English and Simplified Chinese, chosen by the site's language.
//!
//! Post text is the writer's; everything Folio itself says lives here, so a `zh-CN` site reads as
//! Chinese from the header to the error messages. Both renderers of a page use it: the app, and
//! the CLI when it writes a page's first paint into its shell, so the two never disagree.

/// Every piece of UI text, as text or as a function of the numbers it mentions.
#[derive(Debug)]
pub struct Strings {
    pub skip_to_content: &'static str,
    pub posts: &'static str,
    pub tags: &'static str,
    pub archive: &'static str,
    pub all_posts: &'static str,
    pub all_tags: &'static str,
    pub newer_posts: &'static str,
    pub older_posts: &'static str,
    pub page_of: fn(usize, usize) -> String,
    pub page_title: fn(usize) -> String,
    pub minutes_read: fn(u32) -> String,
    pub post_count: fn(usize) -> String,
    pub tagged: fn(&str) -> String,
    pub updated: &'static str,
    pub draft: &'static str,
    pub no_posts: &'static str,
    pub loading: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub error_http_title: &'static str,
    pub error_http: fn(u16) -> String,
    pub error_network_title: &'static str,
    pub error_network: fn(&str) -> String,
    pub error_timeout_title: &'static str,
    pub error_timeout: fn(i32) -> String,
    pub error_interrupted_title: &'static str,
    pub error_interrupted: &'static str,
    pub error_content_title: &'static str,
    pub error_content: fn(&str) -> String,
    pub try_again: &'static str,
    pub problems_title: &'static str,
    pub problems_body: &'static str,
    pub problem_line: fn(usize) -> String,
    pub contents: &'static str,
    pub copy: &'static str,
    pub copy_code: &'static str,
    pub permalink: &'static str,
    pub back_to_reference: &'static str,
    pub alert_note: &'static str,
    pub alert_tip: &'static str,
    pub alert_important: &'static str,
    pub alert_warning: &'static str,
    pub alert_caution: &'static str,
    /// The title of VitePress's `::: info`, `::: danger` and `::: details` without one.
    pub alert_info: &'static str,
    pub alert_danger: &'static str,
    pub details: &'static str,

    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub newer_post: &'static str,
    pub older_post: &'static str,
    pub edit_page: &'static str,
    pub published_with: &'static str,
    pub dark_theme: &'static str,
    pub light_theme: &'static str,
    pub close: &'static str,
    pub site_nav: &'static str,
    pub pages_nav: &'static str,
    pub post_nav: &'static str,
    /// The search page's title and the search box's short name.
    pub search: &'static str,
    /// The search box's accessible name.
    pub search_label: &'static str,
    /// Shown in the empty search box.
    pub search_placeholder: &'static str,
    /// The search page without a query.
    pub search_hint: &'static str,
    /// How many posts a search found.
    pub search_count: fn(usize) -> String,
    /// A search that found nothing, quoting the query.
    pub search_none: fn(&str) -> String,
    /// The button that shows more results.
    pub search_more: &'static str,
    /// The search page of a site built without a search index.
    pub search_unavailable: &'static str,
}

static EN: Strings = Strings {
    skip_to_content: "Skip to content",
    posts: "Posts",
    tags: "Tags",
    archive: "Archive",
    all_posts: "← All posts",
    all_tags: "All tags",
    newer_posts: "← Newer posts",
    older_posts: "Older posts →",
    page_of: |page, pages| format!("Page {page} of {pages}"),
    page_title: |page| format!("Page {page}"),
    minutes_read: |minutes| format!("{minutes} min read"),
    post_count: |count| {
        if count == 1 {
            "1 post".to_owned()
        } else {
            format!("{count} posts")
        }
    },
    tagged: |tag| format!("Posts tagged {tag}"),
    updated: "Updated",
    draft: "Draft",
    no_posts: "No posts yet. Add a Markdown file to posts/ and rebuild.",
    loading: "Loading…",
    not_found_title: "Page not found",
    not_found_body: "There is nothing at this address. The post may have moved or never existed.",
    error_http_title: "The server could not answer",
    error_http: |status| format!("The server answered with an error (HTTP {status})."),
    error_network_title: "No connection",
    error_network: |detail| {
        format!("The network request failed ({detail}). Check your connection.")
    },
    error_timeout_title: "The server is not answering",
    error_timeout: |seconds| {
        format!("The server sent nothing for {seconds} seconds, so loading was stopped.")
    },
    error_interrupted_title: "The download broke off",
    error_interrupted: "The connection was cut off before the whole file arrived.",
    error_content_title: "This content cannot be read",
    error_content: |detail| format!("The content could not be read: {detail}"),
    try_again: "Try again",
    problems_title: "This post has problems in its source.",
    problems_body: " It is shown as far as it could be read.",
    problem_line: |line| format!("Line {line}: "),
    contents: "Contents",
    copy: "Copy",
    copy_code: "Copy code",
    permalink: "Permalink: ",
    back_to_reference: "Back to reference ",
    alert_note: "Note",
    alert_tip: "Tip",
    alert_important: "Important",
    alert_warning: "Warning",
    alert_caution: "Caution",
    alert_info: "Info",
    alert_danger: "Danger",
    details: "Details",

    copied: "Copied",
    copy_failed: "Press Ctrl+C to copy",
    newer_post: "Newer",
    older_post: "Older",
    edit_page: "Edit this page",
    published_with: "Published with",
    dark_theme: "Switch to dark theme",
    light_theme: "Switch to light theme",
    close: "Close",
    site_nav: "Site",
    pages_nav: "Pages",
    post_nav: "More posts",
    search: "Search",
    search_label: "Search posts",
    search_placeholder: "Search",
    search_hint: "Type in the search box to find posts by title, tag or text. Press / on any page to jump to it.",
    search_count: |count| {
        if count == 1 {
            "1 post found".to_owned()
        } else {
            format!("{count} posts found")
        }
    },
    search_none: |query| format!("No posts match “{query}”."),
    search_more: "More results",
    search_unavailable: "This site has no search index. `folio index --out` writes one, as `make build` does.",
};

static ZH_CN: Strings = Strings {
    skip_to_content: "跳到正文",
    posts: "文章",
    tags: "标签",
    archive: "归档",
    all_posts: "← 全部文章",
    all_tags: "全部标签",
    newer_posts: "← 较新的文章",
    older_posts: "较早的文章 →",
    page_of: |page, pages| format!("第 {page} 页，共 {pages} 页"),
    page_title: |page| format!("第 {page} 页"),
    minutes_read: |minutes| format!("阅读约 {minutes} 分钟"),
    post_count: |count| format!("{count} 篇文章"),
    tagged: |tag| format!("标签为“{tag}”的文章"),
    updated: "更新于",
    draft: "草稿",
    no_posts: "还没有文章。在 posts/ 里放一个 Markdown 文件，然后重新构建。",
    loading: "加载中…",
    not_found_title: "页面不存在",
    not_found_body: "这个地址上什么也没有。文章可能已经移动，或者从未存在。",
    error_http_title: "服务器无法响应",
    error_http: |status| format!("服务器返回了错误（HTTP {status}）。"),
    error_network_title: "没有网络连接",
    error_network: |detail| format!("网络请求失败（{detail}）。请检查网络连接。"),
    error_timeout_title: "服务器没有回应",
    error_timeout: |seconds| format!("服务器 {seconds} 秒内没有发来任何数据，已停止加载。"),
    error_interrupted_title: "下载中断了",
    error_interrupted: "文件还没有传完，连接就断开了。",
    error_content_title: "无法读取这些内容",
    error_content: |detail| format!("内容无法读取：{detail}"),
    try_again: "重试",
    problems_title: "这篇文章的源文件有问题。",
    problems_body: "下面尽可能地显示了能读出的内容。",
    problem_line: |line| format!("第 {line} 行："),
    contents: "目录",
    copy: "复制",
    copy_code: "复制代码",
    permalink: "本节链接：",
    back_to_reference: "返回引用 ",
    alert_note: "注意",
    alert_tip: "提示",
    alert_important: "重要",
    alert_warning: "警告",
    alert_caution: "小心",
    alert_info: "信息",
    alert_danger: "危险",
    details: "详情",

    copied: "已复制",
    copy_failed: "请按 Ctrl+C 复制",
    newer_post: "较新",
    older_post: "较早",
    edit_page: "编辑此页",
    published_with: "发布工具",
    dark_theme: "切换到深色主题",
    light_theme: "切换到浅色主题",
    close: "关闭",
    site_nav: "站点",
    pages_nav: "分页",
    post_nav: "更多文章",
    search: "搜索",
    search_label: "搜索文章",
    search_placeholder: "搜索",
    search_hint: "在搜索框里输入，按标题、标签或正文查找文章。在任何页面按 / 都能跳到搜索框。",
    search_count: |count| format!("找到 {count} 篇文章"),
    search_none: |query| format!("没有与“{query}”相关的文章。"),
    search_more: "更多结果",
    search_unavailable: "这个站点没有搜索索引。`folio index --out` 会生成它，`make build` 就是这样做的。",
};

/// The English strings, the default when a site names no language.
pub fn english() -> &'static Strings {
    &EN
}

/// The strings for a BCP 47 language tag: Chinese for any `zh` tag, English otherwise.
pub fn strings_for(lang: &str) -> &'static Strings {
    let lang = lang.trim().to_ascii_lowercase();
    if lang == "zh" || lang.starts_with("zh-") || lang.starts_with("zh_") {
        &ZH_CN
    } else {
        &EN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_tags_pick_chinese_and_everything_else_english() {
        for lang in ["zh", "zh-CN", "zh-Hans", "ZH-cn", "zh_CN"] {
            assert_eq!(strings_for(lang).posts, "文章", "{lang}");
        }
        for lang in ["en", "en-GB", "", "fr", "zhx"] {
            assert_eq!(strings_for(lang).posts, "Posts", "{lang}");
        }
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!((EN.post_count)(1), "1 post");
        assert_eq!((EN.post_count)(3), "3 posts");
        assert_eq!((ZH_CN.post_count)(3), "3 篇文章");
        assert_eq!((ZH_CN.minutes_read)(4), "阅读约 4 分钟");
        assert_eq!((EN.search_count)(1), "1 post found");
        assert_eq!((EN.search_count)(2), "2 posts found");
        assert_eq!((ZH_CN.search_count)(2), "找到 2 篇文章");
        assert_eq!((ZH_CN.search_none)("书店"), "没有与“书店”相关的文章。");
    }
}
