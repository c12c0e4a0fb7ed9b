# Kuza 界面字符串：简体中文。
# 本文件定义英文参考文件（en/main.ftl）中的全部消息。

## The shell
site-name = Kuza
site-tagline = 为可持续城市和社区而学习
skip-to-content = 跳至主要内容
nav-main = 主菜单
nav-home = 首页
nav-profile = 我的个人资料
nav-admin-users = 用户
nav-admin-organisations = 组织
nav-sign-in = 登录
nav-sign-up = 创建账户
nav-sign-out = 退出登录
nav-signed-in-as = 当前登录用户：{ $name }
language-label = 语言
language-switch = 切换语言
footer-text = Kuza，一个服务于能力建设的开放式学习平台。
footer-api = API 文档
optional = 选填
required = 必填
save = 保存
cancel = 取消
back-home = 返回首页

## Home
home-title = 随时随地，用您的语言学习
home-intro = 面向政府官员、城市工作人员、高等院校和合作机构的课程：提供自主学习、辅导式和混合式课程，涵盖联合国六种正式语文。
home-welcome = 欢迎您，{ $name }。
home-get-started = 创建免费账户，即可报名参加课程并获得证书。

## Fields
field-email = 电子邮件地址
field-password = 密码
field-password-hint = 至少 { $min } 个字符。请避免使用常见密码；由几个互不相关的词组成的密码效果很好。
field-display-name = 全名
field-display-name-hint = 请按您希望在证书上显示的形式填写。
field-language = 首选语言
field-country = 国家
field-country-choose = 请选择国家
field-organisation = 组织
field-organisation-none = 无或不在列表中
field-gender = 性别
field-birth-year = 出生年份
field-demographics-legend = 关于您（选填）
field-demographics-purpose = 我们收集这些信息仅用于以匿名方式统计我们的课程覆盖不同年龄段女性和男性的情况。您可以跳过此部分，或选择“不愿透露”。
gender-female = 女
gender-male = 男
gender-other = 其他性别
gender-prefer_not_to_say = 不愿透露
gender-unspecified = 未填写

## Sign up and verification
sign-up-title = 创建账户
sign-up-button = 创建我的账户
sign-up-have-account = 已有账户？
sign-up-check-email-title = 请查收电子邮件
sign-up-check-email = 我们已向 { $email } 发送了一个链接。请打开该链接以确认您的地址。
verify-ok-title = 地址已确认
verify-ok-body = 谢谢。您的电子邮件地址已确认。
verify-failed-title = 此链接无效
verify-failed-body = 该链接已过期或已被使用。请登录后在个人资料页面重新申请。
verify-pending = 您的电子邮件地址尚未确认。
verify-resend = 重新发送链接
verify-resent = 我们已向 { $email } 发送了新的确认链接。

## Sign in
sign-in-title = 登录
sign-in-button = 登录
sign-in-forgot = 忘记密码？
sign-in-no-account = 首次访问？
sign-in-failed = 电子邮件地址或密码不正确。
sign-in-throttled = 尝试次数过多。请等待 { $minutes } 分钟后重试。
sign-in-disabled = 此账户已被停用。请联系管理员。
signed-out = 您已退出登录。

## Password reset
forgot-title = 重置密码
forgot-intro = 请输入您账户的电子邮件地址，我们将向您发送一个用于设置新密码的链接。
forgot-button = 发送链接
forgot-sent = 如果有账户使用 { $email }，重置密码的链接已发往该地址。该链接仅可使用一次，有效期为一小时。
reset-title = 设置新密码
reset-button = 保存新密码
reset-done = 您的密码已更改。请使用新密码登录。
reset-invalid-title = 此链接无效
reset-invalid-body = 重置链接仅可使用一次，且有效期仅为一小时。请重新申请。
reset-ask-again = 重新申请链接

## Profile
profile-title = 我的个人资料
profile-saved = 您的个人资料已保存。
profile-email = 电子邮件地址：{ $email }
password-change-title = 更改密码
password-current = 当前密码
password-new = 新密码
password-change-button = 更改密码
password-changed = 您的密码已更改。您在其他设备上的登录已被注销。

## Administration
admin-users-title = 用户
admin-users-search = 按姓名或电子邮件搜索
admin-search-button = 搜索
admin-users-count = 共 { $count } 名用户
admin-col-name = 姓名
admin-col-email = 电子邮件
admin-col-country = 国家
admin-col-roles = 角色
admin-col-status = 状态
admin-col-organisation = 组织
admin-col-type = 类型
admin-col-members = 成员
admin-status-active = 已启用
admin-status-disabled = 已停用
admin-status-unverified = 未确认
admin-edit = 编辑
admin-user-title = 用户：{ $name }
admin-user-roles = 角色
admin-user-roles-hint = 所有人都是学员。合作伙伴查看者只能查看某一个组织的报告。
admin-user-partner-org = 合作伙伴查看者角色所属组织
admin-user-active = 账户已启用
admin-user-saved = 用户信息已保存。
admin-orgs-title = 组织
admin-orgs-count = 共 { $count } 个组织
admin-org-new = 新建组织
admin-org-edit-title = 组织：{ $name }
admin-org-create = 创建组织
admin-org-saved = 组织信息已保存。
admin-none = 暂无。
role-learner = 学员
role-author = 课程作者
role-facilitator = 辅导员
role-admin = 管理员
role-partner = 合作伙伴查看者
org-field-name = 名称
org-field-kind = 类型
org-kind-government = 政府
org-kind-local_authority = 地方当局
org-kind-academia = 学术界
org-kind-civil_society = 民间社会
org-kind-private_sector = 私营部门
org-kind-international = 联合国或国际组织
pager-label = 分页
pager-previous = 上一页
pager-next = 下一页
pager-position = 第 { $page } 页，共 { $pages } 页

## Form errors
form-has-errors = 请更正以下 { $count } 处错误。
err-email_invalid = 请输入电子邮件地址，例如 name@example.org。
err-email_taken = 使用此电子邮件地址的账户已存在。请登录，或重置密码。
err-password_too_short = 密码至少需要 { $min } 个字符。
err-password_too_long = 密码最多只能包含 { $max } 个字符。
err-password_too_common = 此密码过于常见或容易被猜到。请尝试使用几个互不相关的词。
err-password_wrong = 当前密码不正确。
err-display_name_invalid = 请输入您的姓名（最多 100 个字符）。
err-language_invalid = 请从提供的语言中选择一种。
err-country_invalid = 请从列表中选择一个国家。
err-gender_invalid = 请从提供的选项中选择一项。
err-birth_year_invalid = 请输入出生年份（例如 1985），或将此项留空。
err-organisation_unknown = 请从列表中选择一个组织。
err-organisation_name_invalid = 请输入名称（最多 200 个字符）。
err-organisation_name_taken = 同名组织已存在。
err-organisation_kind_invalid = 请从列表中选择一种类型。
err-partner_needs_organisation = 请选择此合作伙伴查看者可以查看的组织。

## Error pages
error-400-title = 请求有误
error-400-body = 请返回并重试。
error-403-title = 您无权访问此页面
error-403-body = 如果您认为自己应有访问权限，请联系管理员为您分配相应的角色。
error-404-title = 找不到页面
error-404-body = 该页面可能已被移动，或网址输入有误。
error-413-title = 内容过大
error-413-body = 您提交的内容超出了本网站允许的大小。
error-429-title = 请求过多
error-429-body = 请稍候片刻再试。
error-500-title = 我们这边出现了问题
error-500-body = 该问题已被记录。如果问题持续存在，请向管理员提供此参考编号：{ $id }
error-csrf-title = 此表单已过期
error-csrf-body = 为保障您的安全，表单会在一段时间后过期。请返回并刷新页面，然后重新提交。

## Emails
email-greeting = { $name }，您好：
email-signature = { $site } 团队
email-verify-subject = 请确认您的电子邮件地址
email-verify-body = 欢迎使用 { $site }。请确认您的电子邮件地址，以完成账户创建。
email-verify-action = 确认我的地址
email-verify-ignore = 如果您并未创建账户，请忽略此邮件。
email-reset-subject = 重置您的密码
email-reset-body = 有人申请重置您在 { $site } 上的账户密码。
email-reset-action = 设置新密码
email-reset-expiry = 该链接仅可使用一次，有效期为一小时。
email-reset-ignore = 如果这不是您本人的操作，请忽略此邮件：您的密码将保持不变。
email-link-fallback = 如果按钮无法使用，请将以下地址复制到浏览器中：

## Courses
course-format = 学习形式
course-format-self_paced = 自主学习
course-format-facilitated = 在线辅导学习
course-format-face_to_face = 面授
course-format-blended = 混合式学习
course-level = 级别
course-level-introductory = 入门
course-level-intermediate = 中级
course-level-advanced = 高级
course-duration = 预计学习时间
course-hours = { $hours } 小时
course-languages = 提供语言
course-themes = 主题
course-syllabus = 课程大纲
course-module-lessons = 共 { $count } 节课
course-version = 版本 { $number }，发布于 { $date }
course-lesson-optional = 选学
course-in-other-language = 此内容尚无您所用语言的版本，现以 { $language } 显示。

## Catalog
nav-courses = 课程
catalog-title = 课程
catalog-search-label = 搜索课程
catalog-search-button = 搜索
catalog-filters = 筛选
catalog-any = 全部
catalog-language = 课程语言
catalog-sdg = 可持续发展目标
catalog-sdg-goal = 可持续发展目标 { $goal }
catalog-sort = 排序方式
catalog-sort-default = 最相关，否则最新
catalog-sort-relevance = 最相关
catalog-sort-newest = 最新
catalog-sort-title = 标题
catalog-sort-duration = 时长最短
catalog-apply = 应用筛选
catalog-clear = 清除搜索和筛选
catalog-ignored = 部分筛选条件无法识别，已忽略。
catalog-count = 找到 { $count } 门课程
catalog-empty = 没有符合条件的已发布课程。请尝试其他词语或减少筛选条件。

## Studio
nav-studio = 课程工作室
studio-title = 我的课程
studio-new-course = 新建课程
studio-none = 您还没有课程。
studio-col-title = 课程
studio-col-status = 状态
studio-col-version = 已发布版本
studio-status-draft = 草稿
studio-status-published = 已发布
studio-status-archived = 已归档
studio-settings = 课程设置
studio-field-slug = 网址
studio-field-slug-hint = 使用小写英文字母、数字和连字符，例如 urban-planning-basics。课程发布后不可更改。
studio-field-format = 学习形式
studio-field-level = 级别
studio-field-hours = 预计学习时长（小时）
studio-field-default-language = 默认语言
studio-field-default-language-hint = 其他语言中缺少的文本将以此语言显示。
studio-field-languages = 提供语言
studio-field-themes = 主题
studio-field-themes-hint = 以半角逗号（,）分隔。可持续发展目标写作 sdg:11，具体目标写作 sdg:11.3。
studio-field-title = 标题
studio-field-summary = 简介
studio-field-body = 正文（Markdown 格式）
studio-field-required = 必修（学完后方可完成课程）
studio-field-position = 排序
studio-create = 创建课程
studio-saved = 已保存。
studio-published = 课程已发布为版本 { $version }。
studio-modules = 模块和课时
studio-add-module = 添加模块
studio-add-lesson = 添加课时
studio-edit = 编辑
studio-delete = 删除
studio-back = 返回课程
studio-publish = 发布新版本
studio-publish-hint = 在您再次发布之前，学员看到的仍是已发布的版本。
studio-cannot-publish = 课程暂时无法发布：
studio-missing = 缺少的译文
studio-missing-item = { $field }（{ $language }）
studio-versions = 版本
studio-version-item = 版本 { $number }，{ $date }
studio-preview = 以学员身份预览
studio-view-published = 打开已发布的页面
studio-archive = 归档课程
studio-module-title = 模块：{ $title }
studio-lesson-title = 课时：{ $title }
studio-new-lesson = 新建课时
studio-no-lessons = 暂无课时。
studio-preview-banner = 草稿预览：发布之前，学员看不到此内容。
err-slug_invalid = 请使用 3 至 80 个字符，仅限小写英文字母、数字和连字符，且连字符不能连用。
err-slug_taken = 此网址已被其他课程使用。
err-slug_fixed_after_publication = 课程发布后，网址不可更改。
err-format_invalid = 请从列表中选择一种学习形式。
err-level_invalid = 请从列表中选择一个级别。
err-hours_invalid = 请输入 0 至 1000 之间的小时数。
err-theme_invalid = 有一个主题无效：请使用简短的词语，或 sdg:1 至 sdg:17（可附加具体目标）。
err-default_language_missing = 必须以课程的默认语言填写此项。
err-language_not_offered = 本课程不提供此语言版本。
err-text_too_long = 此文本过长。
err-course_has_no_modules = 请至少添加一个模块。
err-module_has_no_lessons = 每个模块至少需要一个课时。
err-lesson_kind_invalid = 请从列表中选择一种课时类型。

## Lessons and quizzes
lesson-kind-text = 文本
lesson-kind-video = 视频
lesson-kind-file = 文件下载
lesson-kind-quiz = 测验
lesson-kind-live = 实时授课
question-kind-single = 单选题
question-kind-multiple = 多选题
question-kind-true_false = 判断题
question-kind-numeric = 数值题
question-kind-short_text = 简答题
quiz-true = 正确
quiz-false = 错误
lesson-position = 第 { $position } 课时，共 { $count } 课时
lesson-video-download = 下载视频（{ $size } KB）
lesson-video-external = 观看视频（在其他网站上）
lesson-transcript = 文字稿
lesson-file-size = { $size } KB
quiz-facts-questions = { $count ->
   *[other] 共 { $count } 道题
}，{ $points ->
   *[other] 总分 { $points } 分
}
quiz-facts-pass-mark = 及格线：{ $percent }%
quiz-facts-attempts = { $count ->
   *[other] 允许尝试 { $count } 次
}
quiz-facts-attempts-unlimited = 不限尝试次数
quiz-facts-time-limit = 时间限制：{ $minutes } 分钟
lesson-live-note = 此实时授课的日期由本课程的各期班次分别确定。
lesson-nav = 课时
lesson-previous = 上一课时
lesson-next = 下一课时
studio-no-file = 无
studio-field-cover = 封面图片
studio-field-kind = 课时类型
studio-field-kind-hint = 更改类型后，标题和正文将保留；原类型的视频、下载文件或测验将被删除。
studio-in-language = 语言：{ $language }
studio-field-intro = 导言（Markdown 格式）
studio-field-captions = 字幕（WebVTT 格式）
studio-field-transcript = 文字稿（Markdown 格式）
studio-media-hint = 文件需在课程的文件页面上传。
studio-media-link = 课程文件
studio-field-video-file = 视频文件（WebM 或 MP4 格式）
studio-field-video-url = 或视频链接（https）
studio-field-download = 供下载的文件
studio-quiz-settings = 测验设置
studio-field-pass-mark = 及格线（占总分的百分比）
studio-field-attempts = 允许尝试次数
studio-empty-no-limit = 留空表示不限。
studio-field-time-limit = 时间限制（分钟）
studio-field-shuffle = 每次尝试时随机排列选项
studio-questions = 题目
studio-quiz-points = { $points ->
   *[other] 总分 { $points } 分。
}
studio-question-untitled = （尚未填写题干）
studio-points = { $points ->
   *[other] { $points } 分
}
studio-no-questions = 暂无题目。
studio-question-kind = 题型
studio-add-question = 添加题目
studio-question-title = 题目
studio-field-points = 分值
studio-field-prompt = 题干
studio-field-feedback = 作答后显示的反馈
studio-options = 选项
studio-options-single-hint = 请只将一个选项标记为正确答案。空白选项将被忽略。
studio-options-multiple-hint = 请标记所有正确的选项。空白选项将被忽略。
studio-option-n = 选项 { $n }
studio-option-correct = 正确
studio-option-text = 文本
studio-option-feedback = 选中此项时显示的反馈
studio-correct-answer = 正确答案
studio-field-tolerance = 允许误差
studio-field-tolerance-hint = 与正确答案的差值在此范围内的答案均视为正确，例如 0.5。
studio-field-accepted = 可接受的答案
studio-field-accepted-hint = 每行一个。不区分大小写，多余的空格将被忽略。
studio-field-manual = 将其他答案交由辅导员评分
err-media_invalid = 请从本课程的文件中选择类型正确的文件。
err-media_missing = 本课时使用的某个文件缺失或类型不正确，请重新选择。
err-video_missing = 请选择视频文件或提供视频链接。
err-file_missing = 请选择供下载的文件。
err-quiz_has_no_questions = 请为测验至少添加一道题目。
err-quiz_pass_mark_unreachable = 所有题目均未设置分值，因此任何人都无法达到及格线。
err-single_choice_needs_one_correct = 请只将一个选项标记为正确答案。
err-multiple_choice_needs_a_correct = 请至少将一个选项标记为正确答案。
err-question_needs_two_options = 请至少提供两个选项。
err-short_text_needs_an_answer = 请至少提供一个可接受的答案，或将答案交由辅导员评分。
err-pass_mark_invalid = 请输入 1 至 100 之间的及格线。
err-attempts_invalid = 请输入 1 至 100 之间的尝试次数，或将此项留空。
err-time_limit_invalid = 请输入 1 至 1440 之间的分钟数，或将此项留空。
err-too_many_questions = 一个测验最多只能包含 200 道题目。
err-points_invalid = 请输入 0 至 1000 之间的整数分值。
err-too_many_options = 一道题目最多只能有 10 个选项。
err-number_invalid = 请输入数字，例如 12.5。
err-too_many_answers = 最多可提供 50 个可接受的答案。
err-url_invalid = 请输入以 https:// 开头的完整网址。

## Media
media-open = 文件
media-title = 文件
media-intro = 本课程的图片、视频、字幕和文档。课程发布后学员即可打开；在此之前只有课程作者可以查看。
media-file = 要上传的文件
media-allowed = 接受的格式：PNG、JPEG、WebP 和 GIF 图片；WebM 和 MP4 视频；MP3 和 Ogg 音频；PDF；ZIP；Word、Excel 和 PowerPoint 文档；OpenDocument 文件；WebVTT 字幕；CSV 和纯文本。
media-limit = 每个文件最大 { $mb } MB。
media-upload = 上传
media-files = 本课程的文件
media-none = 尚无文件。
media-col-name = 名称
media-col-type = 类型
media-col-size = 大小
media-col-actions = 操作
media-delete = 删除
media-delete-named = 删除 { $name }
media-uploaded = 文件已上传。
media-deleted = 文件已删除。
media-in-use = 该文件正被某一课、封面或已发布的版本使用，因此未删除。
media-err-not-allowed = 不接受此类文件。文件类型根据文件内容而非文件名判断。
media-err-empty = 文件为空。
media-err-no-file = 请选择要上传的文件。
media-err-bad-name = 文件名须包含字母或数字。
media-size-bytes = { $n } 字节
media-size-kb = { $n } KB
media-size-mb = { $n } MB

## Learning: enrolment, progress, quizzes, dashboard
email-enrolled-subject = 您已报名参加一门课程
email-enrolled-body = 您已报名参加“{ $course }”。您可以随时开始学习：系统会随时保存您的学习进度。
email-enrolled-action = 打开课程
nav-dashboard = 我的学习
learn-enrolment = 报名
learn-enrol = 报名
learn-enrol-key = 报名密钥
learn-enrol-key-hint = 此密钥由课程团队或您所在的组织提供。
learn-sign-in-to-enrol = 登录后报名
learn-enrol-to-track = 报名参加本课程后，即可记录您的学习进度并参加课程测验。
learn-go-to-course = 前往课程页面
learn-enrolled-on = 报名日期：{ $date }
learn-progress = 您的学习进度
learn-progress-value = 已完成 { $percent }%：{ $total } 个课时中已完成 { $done } 个
learn-progress-percent = 已完成 { $percent }%
learn-module-progress = 已完成 { $percent }%
learn-continue = 继续学习
learn-start = 开始学习
learn-withdraw = 退出本课程
learn-withdraw-hint = 如果您日后返回，学习进度仍会保留。
learn-completed = 已完成
learn-completed-on = 您已于 { $date } 完成本课程。
learn-lesson-done = 已完成
learn-mark-complete = 标记为已完成
learn-notice-enrolled = 您已报名。系统会随时保存您的学习进度。
learn-notice-withdrawn = 您已退出本课程。如果您日后返回，学习进度仍会保留。
learn-notice-completed = 恭喜：您已完成本课程。
enrol-error-enrolment_key_required = 报名本课程需要报名密钥。
enrol-error-enrolment_key_wrong = 报名密钥不正确。请检查后重试。
enrol-error-course_full = 本课程名额已满。
enrol-error-enrolment_closed = 本课程目前不接受报名。
enrol-error-enrolment_needs_cohort = 本课程分期开班：请在新一期开放时报名。
quiz-attempts-title = 您的尝试记录
quiz-attempt = 尝试
quiz-score = 得分
quiz-status = 状态
quiz-attempt-number = 第 { $number } 次尝试
quiz-attempt-score = 得 { $points } 分，满分 { $max } 分（{ $percent }%）
quiz-attempt-open = 进行中
quiz-attempt-expired = 未按时提交
quiz-attempt-pending = 等待辅导员评分
quiz-attempt-passed = 已通过
quiz-attempt-failed = 未通过
quiz-counted = 计入成绩
quiz-policy-best = 以您成绩最好的一次尝试计分。
quiz-policy-last = 以您的最后一次尝试计分。
quiz-start = 开始尝试
quiz-resume = 继续本次尝试
quiz-attempts-left = { $count ->
   *[other] 还剩 { $count } 次尝试机会
}
quiz-no-attempts-left = 您已用完此测验的全部尝试次数。
quiz-passed = 您已通过此测验。
quiz-time-left = 请在 { $minutes } 分钟内（UTC 时间 { $time } 之前）提交。
quiz-points = { $count ->
   *[other] { $count } 分
}
quiz-choose-all = 请选择所有适用的答案。
quiz-numeric-hint = 请输入数字；小数点可使用句点或逗号。
quiz-your-answer = 您的答案
quiz-submit = 提交我的答案
quiz-result = 您的成绩
quiz-outcome-correct = 正确
quiz-outcome-incorrect = 错误
quiz-outcome-unanswered = 未作答
quiz-outcome-pending = 此答案将由辅导员评分
quiz-error-time_over = 本次尝试的时间已到。超过时限提交的答案不予记录。
quiz-error-bad_answers = 部分答案不属于此测验。请重新加载页面后重试。
quiz-back-to-lesson = 返回课时
dashboard-title = 我的学习
dashboard-in-progress = 学习中
dashboard-completed = 已完成
dashboard-empty = 您尚未报名参加任何课程。
dashboard-browse = 浏览课程
dashboard-archived = 本课程已不再开设。

## Cohorts and waitlists
email-waitlisted-subject = 您已进入课程候补名单
email-waitlisted-body = “{ $course }”的“{ $cohort }”期名额已满，您已被列入该期的候补名单。如有名额空出，我们将通过电子邮件通知您，并为您保留一段时间。
email-offered-subject = 有名额空出：请确认
email-offered-body = “{ $course }”的“{ $cohort }”期为您空出了一个名额。请于 { $deadline }（UTC）之前确认，否则该名额将转给候补名单上的下一位。
email-offered-action = 确认我的名额
enrol-error-cohort_closed = 本期未开放报名。
enrol-error-enrollment_removed = 协调员已将您移出本课程。如果您认为这是误操作，请与其联系。
enrol-error-no_offer = 没有为您保留的名额：该名额邀请已过期，或已被接受。
cohort-none = 目前没有任何一期开放报名。
cohort-dates = { $start } 至 { $end }
cohort-full = 名额已满：加入候补名单
cohort-places-left = { $count ->
   *[other] 剩余 { $count } 个名额
}
cohort-join-waitlist = 加入候补名单
cohort-waitlisted = 您已在“{ $cohort }”期的候补名单中。如有名额空出，我们将通过电子邮件通知您。
cohort-offered = “{ $cohort }”期已为您保留一个名额，保留至 { $deadline }（UTC）。请确认，否则该名额将转给下一位。
cohort-confirm = 确认我的名额
cohort-decline = 放弃该名额
cohort-leave-waitlist = 退出候补名单
dashboard-waitlisted = 在候补名单中
dashboard-offered = 有名额等待您确认
