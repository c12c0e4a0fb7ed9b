# سلاسل واجهة Kuza: العربية.
# يعرّف هذا الملف جميع الرسائل الواردة في الملف المرجعي الإنكليزي (en/main.ftl).

## The shell
site-name = Kuza
site-tagline = التعلّم من أجل مدن ومجتمعات محلية مستدامة
skip-to-content = الانتقال إلى المحتوى الرئيسي
nav-main = القائمة الرئيسية
nav-home = الصفحة الرئيسية
nav-profile = ملفي الشخصي
nav-admin-users = المستخدمون
nav-admin-organisations = المنظمات
nav-sign-in = تسجيل الدخول
nav-sign-up = إنشاء حساب
nav-sign-out = تسجيل الخروج
nav-signed-in-as = تم تسجيل الدخول باسم { $name }
language-label = اللغة
language-switch = تغيير اللغة
footer-text = Kuza، منصة تعلّم مفتوحة لبناء القدرات.
footer-api = وثائق واجهة برمجة التطبيقات (API)
optional = اختياري
required = إلزامي
save = حفظ
cancel = إلغاء
back-home = العودة إلى الصفحة الرئيسية

## Home
home-title = تعلَّم أينما كنت وبلغتك
home-intro = دورات للمسؤولين الحكوميين وموظفي المدن والجامعات والمؤسسات الشريكة: للتعلّم الذاتي، أو بإشراف ميسِّر، أو بنمط مدمج، باللغات الرسمية الست للأمم المتحدة.
home-welcome = مرحبًا بك، { $name }.
home-get-started = أنشئ حسابًا مجانيًا لتتمكن من التسجيل في الدورات والحصول على الشهادات.

## Fields
field-email = عنوان البريد الإلكتروني
field-password = كلمة المرور
field-password-hint = { $min ->
    [zero] { $min } حرف على الأقل. تجنّب كلمات المرور الشائعة؛ فبضع كلمات لا رابط بينها تفي بالغرض.
    [one] حرف واحد على الأقل. تجنّب كلمات المرور الشائعة؛ فبضع كلمات لا رابط بينها تفي بالغرض.
    [two] حرفان على الأقل. تجنّب كلمات المرور الشائعة؛ فبضع كلمات لا رابط بينها تفي بالغرض.
    [few] { $min } أحرف على الأقل. تجنّب كلمات المرور الشائعة؛ فبضع كلمات لا رابط بينها تفي بالغرض.
    [many] { $min } حرفًا على الأقل. تجنّب كلمات المرور الشائعة؛ فبضع كلمات لا رابط بينها تفي بالغرض.
   *[other] { $min } حرف على الأقل. تجنّب كلمات المرور الشائعة؛ فبضع كلمات لا رابط بينها تفي بالغرض.
}
field-display-name = الاسم الكامل
field-display-name-hint = كما ينبغي أن يظهر في شهاداتك.
field-language = اللغة المفضّلة
field-country = البلد
field-country-choose = اختر بلدًا
field-organisation = المنظمة
field-organisation-none = لا توجد أو غير مدرجة في القائمة
field-gender = نوع الجنس
field-birth-year = سنة الميلاد
field-demographics-legend = معلومات عنك (اختيارية)
field-demographics-purpose = نطلب هذه المعلومات فقط لإعداد تقارير، دون ذكر أي أسماء، عن مدى وصول دوراتنا إلى النساء والرجال من مختلف الأعمار. يمكنك تخطي هذا الجزء أو اختيار «أفضّل عدم الإجابة».
gender-female = أنثى
gender-male = ذكر
gender-other = نوع جنس آخر
gender-prefer_not_to_say = أفضّل عدم الإجابة
gender-unspecified = غير محدَّد

## Sign up and verification
sign-up-title = إنشاء حساب
sign-up-button = إنشاء حسابي
sign-up-have-account = هل لديك حساب بالفعل؟
sign-up-check-email-title = تحقّق من بريدك الإلكتروني
sign-up-check-email = أرسلنا رابطًا إلى { $email }. افتحه لتأكيد عنوانك.
verify-ok-title = تم تأكيد العنوان
verify-ok-body = شكرًا لك. تم تأكيد عنوان بريدك الإلكتروني.
verify-failed-title = هذا الرابط لا يعمل
verify-failed-body = انتهت صلاحية الرابط أو سبق استخدامه. سجّل الدخول واطلب رابطًا جديدًا من ملفك الشخصي.
verify-pending = لم يتم تأكيد عنوان بريدك الإلكتروني بعد.
verify-resend = إعادة إرسال الرابط
verify-resent = أرسلنا رابط تأكيد جديدًا إلى { $email }.

## Sign in
sign-in-title = تسجيل الدخول
sign-in-button = تسجيل الدخول
sign-in-forgot = هل نسيت كلمة المرور؟
sign-in-no-account = هل هذه زيارتك الأولى؟
sign-in-failed = عنوان البريد الإلكتروني أو كلمة المرور غير صحيح.
sign-in-throttled = { $minutes ->
    [zero] محاولات كثيرة جدًا. يُرجى الانتظار { $minutes } دقيقة ثم المحاولة مرة أخرى.
    [one] محاولات كثيرة جدًا. يُرجى الانتظار دقيقة واحدة ثم المحاولة مرة أخرى.
    [two] محاولات كثيرة جدًا. يُرجى الانتظار دقيقتين ثم المحاولة مرة أخرى.
    [few] محاولات كثيرة جدًا. يُرجى الانتظار { $minutes } دقائق ثم المحاولة مرة أخرى.
    [many] محاولات كثيرة جدًا. يُرجى الانتظار { $minutes } دقيقة ثم المحاولة مرة أخرى.
   *[other] محاولات كثيرة جدًا. يُرجى الانتظار { $minutes } دقيقة ثم المحاولة مرة أخرى.
}
sign-in-disabled = هذا الحساب معطَّل. يُرجى التواصل مع المسؤولين.
signed-out = تم تسجيل خروجك.

## Password reset
forgot-title = إعادة تعيين كلمة المرور
forgot-intro = أدخل عنوان البريد الإلكتروني المرتبط بحسابك، وسنرسل إليك رابطًا لاختيار كلمة مرور جديدة.
forgot-button = إرسال الرابط
forgot-sent = إذا كان هناك حساب يستخدم { $email }، فإن رابط إعادة تعيين كلمة المرور في طريقه إليه. ولا يعمل الرابط إلا مرة واحدة، وفي غضون ساعة واحدة.
reset-title = اختر كلمة مرور جديدة
reset-button = حفظ كلمة المرور الجديدة
reset-done = تم تغيير كلمة المرور. يُرجى تسجيل الدخول باستخدام كلمة المرور الجديدة.
reset-invalid-title = هذا الرابط لا يعمل
reset-invalid-body = سبق استخدام هذا الرابط أو انتهت صلاحيته. اطلب رابطًا جديدًا.
reset-ask-again = طلب رابط جديد
invite-title = مرحبًا بك: اختر كلمة المرور
invite-intro = اختر كلمة مرور لإكمال إنشاء حسابك. ستسجّل الدخول باستخدام عنوان بريدك الإلكتروني وكلمة المرور هذه.
invite-button = حفظ كلمة المرور
invite-done = حسابك جاهز. يُرجى تسجيل الدخول باستخدام عنوان بريدك الإلكتروني وكلمة المرور الجديدة.

## Profile
profile-title = ملفي الشخصي
profile-saved = تم حفظ ملفك الشخصي.
profile-email = عنوان البريد الإلكتروني: { $email }
password-change-title = تغيير كلمة المرور
password-current = كلمة المرور الحالية
password-new = كلمة المرور الجديدة
password-change-button = تغيير كلمة المرور
password-changed = تم تغيير كلمة المرور، وتم تسجيل خروجك من أجهزتك الأخرى.

## Administration
admin-users-title = المستخدمون
admin-users-search = البحث بالاسم أو البريد الإلكتروني
admin-search-button = بحث
admin-users-count = { $count ->
    [zero] لا يوجد مستخدمون
    [one] مستخدم واحد
    [two] مستخدمان
    [few] { $count } مستخدمين
    [many] { $count } مستخدمًا
   *[other] { $count } مستخدم
}
admin-col-name = الاسم
admin-col-email = البريد الإلكتروني
admin-col-country = البلد
admin-col-roles = الأدوار
admin-col-status = الحالة
admin-col-organisation = المنظمة
admin-col-type = النوع
admin-col-members = الأعضاء
admin-status-active = نشط
admin-status-disabled = معطَّل
admin-status-unverified = غير مؤكَّد
admin-edit = تعديل
admin-user-title = المستخدم: { $name }
admin-user-roles = الأدوار
admin-user-roles-hint = كل مستخدم هو متعلّم. ولا يطّلع المشاهدون من الجهات الشريكة إلا على تقارير منظمة واحدة.
admin-user-partner-org = المنظمة المرتبطة بدور المشاهد من جهة شريكة
admin-user-active = الحساب مفعَّل
admin-user-saved = تم حفظ بيانات المستخدم.
admin-orgs-title = المنظمات
admin-orgs-count = { $count ->
    [zero] لا توجد منظمات
    [one] منظمة واحدة
    [two] منظمتان
    [few] { $count } منظمات
    [many] { $count } منظمة
   *[other] { $count } منظمة
}
admin-org-new = منظمة جديدة
admin-org-edit-title = المنظمة: { $name }
admin-org-create = إنشاء المنظمة
admin-org-saved = تم حفظ بيانات المنظمة.
admin-none = لا يوجد شيء حتى الآن.
role-learner = متعلّم
role-author = مؤلف دورات
role-facilitator = ميسِّر
role-admin = مسؤول النظام
role-partner = منسّق من جهة شريكة
org-field-name = الاسم
org-field-kind = النوع
org-kind-academia = الأوساط الأكاديمية
org-kind-civil_society = المجتمع المدني
org-kind-private_sector = القطاع الخاص
pager-label = الصفحات
pager-previous = السابق
pager-next = التالي
pager-position = الصفحة { $page } من { $pages }

## Form errors
form-has-errors = { $count ->
    [zero] يُرجى تصحيح الأخطاء الواردة أدناه.
    [one] يُرجى تصحيح الخطأ الوارد أدناه.
    [two] يُرجى تصحيح الخطأين الواردين أدناه.
    [few] يُرجى تصحيح الأخطاء الواردة أدناه، وعددها { $count }.
    [many] يُرجى تصحيح الأخطاء الواردة أدناه، وعددها { $count }.
   *[other] يُرجى تصحيح الأخطاء الواردة أدناه، وعددها { $count }.
}
err-email_invalid = أدخل عنوان بريد إلكتروني مثل name@example.org.
err-email_taken = يوجد بالفعل حساب مرتبط بعنوان البريد الإلكتروني هذا. سجّل الدخول، أو أعد تعيين كلمة المرور.
err-password_too_short = { $min ->
    [zero] يجب ألا تقل كلمة المرور عن { $min } حرف.
    [one] يجب ألا تقل كلمة المرور عن حرف واحد.
    [two] يجب ألا تقل كلمة المرور عن حرفين.
    [few] يجب ألا تقل كلمة المرور عن { $min } أحرف.
    [many] يجب ألا تقل كلمة المرور عن { $min } حرفًا.
   *[other] يجب ألا تقل كلمة المرور عن { $min } حرف.
}
err-password_too_long = { $max ->
    [zero] يجب ألا تزيد كلمة المرور على { $max } حرف.
    [one] يجب ألا تزيد كلمة المرور على حرف واحد.
    [two] يجب ألا تزيد كلمة المرور على حرفين.
    [few] يجب ألا تزيد كلمة المرور على { $max } أحرف.
    [many] يجب ألا تزيد كلمة المرور على { $max } حرفًا.
   *[other] يجب ألا تزيد كلمة المرور على { $max } حرف.
}
err-password_too_common = كلمة المرور هذه شائعة جدًا أو يسهل تخمينها. جرّب استخدام بضع كلمات لا رابط بينها.
err-password_wrong = كلمة المرور الحالية غير صحيحة.
err-display_name_invalid = أدخل اسمك (100 حرف كحد أقصى).
err-language_invalid = اختر إحدى اللغات المتاحة.
err-country_invalid = اختر بلدًا من القائمة.
err-gender_invalid = اختر أحد الخيارات المتاحة.
err-birth_year_invalid = أدخل سنة الميلاد، مثل 1985، أو اترك الحقل فارغًا.
err-organisation_unknown = اختر منظمة من القائمة.
err-organisation_name_invalid = أدخل اسمًا (200 حرف كحد أقصى).
err-organisation_name_taken = توجد بالفعل منظمة بهذا الاسم.
err-organisation_kind_invalid = اختر نوعًا من القائمة.
err-partner_needs_organisation = اختر المنظمة التي يحق لهذا المشاهد من الجهة الشريكة الاطلاع على تقاريرها.

## Error pages
error-400-title = يوجد خطأ ما في الطلب
error-400-body = يُرجى العودة والمحاولة مرة أخرى.
error-403-title = ليست لديك صلاحية الوصول إلى هذه الصفحة
error-403-body = إذا كنت ترى أنه ينبغي أن تكون لديك هذه الصلاحية، فاطلب من أحد المسؤولين منحك الدور المناسب.
error-404-title = الصفحة غير موجودة
error-404-body = ربما نُقلت الصفحة، أو ربما كُتب العنوان بشكل خاطئ.
error-409-title = لا يمكن تنفيذ هذا الآن
error-409-body = ربما لم تعد الصفحة محدّثة، أو لم يعد طلبك يتوافق مع الوضع الحالي. عد إلى الصفحة السابقة وأعد تحميلها ثم حاول مرة أخرى.
error-413-title = الحجم كبير جدًا
error-413-body = ما أرسلته يتجاوز الحجم الذي يقبله هذا الموقع.
error-429-title = طلبات كثيرة جدًا
error-429-body = يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.
error-500-title = حدث خطأ من جانبنا
error-500-body = تم تسجيل المشكلة. وإذا استمرت، فيُرجى تزويد المسؤولين بهذا الرقم المرجعي: { $id }
error-csrf-title = انتهت صلاحية هذا النموذج
error-csrf-body = حرصًا على أمانك، تنتهي صلاحية النماذج بعد مدة. يُرجى العودة، وإعادة تحميل الصفحة، ثم إرسال النموذج مرة أخرى.

## Emails
email-greeting = مرحبًا { $name }،
email-signature = فريق { $site }
email-verify-subject = أكِّد عنوان بريدك الإلكتروني
email-verify-body = مرحبًا بك في { $site }. يُرجى تأكيد عنوان بريدك الإلكتروني لإكمال إنشاء حسابك.
email-verify-action = تأكيد عنواني
email-verify-ignore = إذا لم تكن أنت من أنشأ حسابًا، فيمكنك تجاهل هذه الرسالة.
email-reset-subject = إعادة تعيين كلمة المرور
email-reset-body = طلب أحدهم إعادة تعيين كلمة مرور حسابك على { $site }.
email-reset-action = اختيار كلمة مرور جديدة
email-reset-expiry = لا يعمل الرابط إلا مرة واحدة، وفي غضون ساعة واحدة.
email-reset-ignore = إذا لم تكن أنت من قدّم هذا الطلب، فتجاهل هذه الرسالة: ستبقى كلمة مرورك كما هي.
email-registered-subject = لديك حساب بالفعل
email-registered-body = حاول أحدهم إنشاء حساب في { $site } بعنوان البريد الإلكتروني هذا، وهو مرتبط بحساب موجود بالفعل.
email-registered-sign-in = تسجيل الدخول
email-registered-reset = هل نسيت كلمة المرور؟ اختر كلمة مرور جديدة
email-registered-ignore = إن لم تكن أنت، فتجاهل هذه الرسالة: لم يتغير شيء.
email-link-fallback = إذا لم يعمل الزر، فانسخ هذا العنوان والصقه في متصفحك:

## Courses
course-format = نمط الدورة
course-format-self_paced = تعلّم ذاتي
course-format-facilitated = تعلّم عبر الإنترنت بإشراف ميسِّر
course-format-face_to_face = تعلّم حضوري
course-format-blended = تعلّم مدمج
course-level = المستوى
course-level-introductory = تمهيدي
course-level-intermediate = متوسط
course-level-advanced = متقدم
course-duration = المدة التقديرية
course-hours = { $hours ->
    [zero] { $hours } ساعة
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $hours } ساعات
    [many] { $hours } ساعة
   *[other] { $hours } ساعة
}
course-languages = اللغات المتاحة
course-themes = المواضيع
course-syllabus = مخطط الدورة
course-module-lessons = { $count ->
    [zero] لا توجد دروس
    [one] درس واحد
    [two] درسان
    [few] { $count } دروس
    [many] { $count } درسًا
   *[other] { $count } درس
}
course-version = الإصدار { $number }، نُشر في { $date }
course-lesson-optional = اختياري
course-in-other-language = هذا المحتوى غير متاح بلغتك بعد، لذا يُعرض باللغة { $language }.

## Catalog
nav-courses = الدورات
catalog-title = الدورات
catalog-search-label = ابحث في الدورات
catalog-search-button = بحث
catalog-filters = عوامل التصفية
catalog-any = الكل
catalog-language = لغة الدورة
catalog-sdg = هدف التنمية المستدامة
catalog-sdg-goal = الهدف { $goal } من أهداف التنمية المستدامة
catalog-sort = الترتيب حسب
catalog-sort-default = الأكثر صلة، وإلا فالأحدث
catalog-sort-relevance = الأكثر صلة
catalog-sort-newest = الأحدث أولًا
catalog-sort-title = العنوان
catalog-sort-duration = الأقصر أولًا
catalog-apply = تطبيق عوامل التصفية
catalog-clear = مسح البحث وعوامل التصفية
catalog-ignored = تعذّر فهم بعض عوامل التصفية فتم تجاهلها.
catalog-count = { $count ->
    [zero] لم يُعثر على أي دورة
    [one] عُثر على دورة واحدة
    [two] عُثر على دورتين
    [few] عُثر على { $count } دورات
    [many] عُثر على { $count } دورة
   *[other] عُثر على { $count } دورة
}
catalog-empty = لا توجد دورة منشورة مطابقة. جرّب كلمات أخرى أو عوامل تصفية أقل.

## Studio
nav-studio = مساحة التأليف
studio-title = دوراتي
studio-new-course = دورة جديدة
studio-none = ليست لديك أي دورات بعد.
studio-col-title = الدورة
studio-col-status = الحالة
studio-col-version = الإصدار المنشور
studio-status-draft = مسودة
studio-status-published = منشورة
studio-status-archived = مؤرشفة
studio-settings = إعدادات الدورة
studio-field-slug = عنوان الويب
studio-field-slug-hint = أحرف لاتينية صغيرة وأرقام وشرطات، مثل urban-planning-basics. ولا يمكن تغيير هذا العنوان بعد نشر الدورة.
studio-field-format = نمط الدورة
studio-field-level = المستوى
studio-field-hours = عدد الساعات التقديري
studio-field-default-language = اللغة الافتراضية
studio-field-default-language-hint = يُعرض بهذه اللغة أي نص غير متوفر بلغة أخرى.
studio-field-languages = اللغات المتاحة
studio-field-themes = المواضيع
studio-field-themes-hint = افصل بينها بفواصل (,). وتُكتب أهداف التنمية المستدامة بالصيغة sdg:11، والغايات بالصيغة sdg:11.3.
studio-field-title = العنوان
studio-field-summary = الملخص
studio-field-body = النص (بتنسيق Markdown)
studio-field-required = إلزامي لإتمام الدورة
studio-field-position = الترتيب
studio-create = إنشاء الدورة
studio-saved = تم الحفظ.
studio-published = نُشرت الدورة بوصفها الإصدار { $version }.
studio-modules = الوحدات والدروس
studio-add-module = إضافة وحدة
studio-add-lesson = إضافة درس
studio-edit = تعديل
studio-delete = حذف
studio-back = العودة إلى الدورة
studio-publish = نشر إصدار جديد
studio-publish-hint = يظل المتعلّمون يطّلعون على الإصدار المنشور إلى أن تنشر الدورة مرة أخرى.
studio-cannot-publish = لا يمكن نشر الدورة بعد:
studio-missing = الترجمات الناقصة
studio-missing-item = { $field } باللغة { $language }
studio-versions = الإصدارات
studio-version-item = الإصدار { $number }، { $date }
studio-preview = معاينة بصفة متعلّم
studio-view-published = فتح الصفحة المنشورة
studio-archive = أرشفة الدورة
studio-module-title = الوحدة: { $title }
studio-lesson-title = الدرس: { $title }
studio-new-lesson = درس جديد
studio-no-lessons = لا توجد دروس حتى الآن.
studio-preview-banner = معاينة المسودة: لن يراها المتعلّمون إلا بعد نشرها.
err-slug_invalid = استخدم ما بين 3 و80 رمزًا من الأحرف اللاتينية الصغيرة والأرقام والشرطات غير المتتالية.
err-slug_taken = تستخدم دورة أخرى عنوان الويب هذا بالفعل.
err-slug_fixed_after_publication = لا يمكن تغيير عنوان الويب بعد النشر.
err-format_invalid = اختر نمطًا من القائمة.
err-level_invalid = اختر مستوى من القائمة.
err-hours_invalid = أدخل عدد ساعات بين 0 و1000.
err-theme_invalid = أحد المواضيع غير صالح: استخدم كلمات قصيرة، أو الصيغ من sdg:1 إلى sdg:17 مع غاية اختيارية.
err-default_language_missing = يلزم ملء هذا الحقل بلغة الدورة الافتراضية.
err-language_not_offered = الدورة غير متاحة بهذه اللغة.
err-text_too_long = هذا النص طويل جدًا.
err-control_character = يحتوي هذا النص على حرف تحكم (مثل فاصل أسطر في عنوان)؛ يُرجى حذفه.
err-course_has_no_modules = أضف وحدة واحدة على الأقل.
err-module_has_no_lessons = يجب أن تتضمن كل وحدة درسًا واحدًا على الأقل.
err-lesson_kind_invalid = اختر نوع الدرس من القائمة.

## Lessons and quizzes
lesson-kind-text = نص
lesson-kind-video = فيديو
lesson-kind-file = ملف للتنزيل
lesson-kind-quiz = اختبار
lesson-kind-live = جلسة مباشرة
question-kind-single = اختيار إجابة واحدة
question-kind-multiple = اختيار عدة إجابات
question-kind-true_false = صواب أو خطأ
question-kind-numeric = إجابة رقمية
question-kind-short_text = إجابة نصية قصيرة
quiz-true = صواب
quiz-false = خطأ
lesson-position = الدرس { $position } من { $count }
lesson-video-download = تنزيل الفيديو ({ $size } KB)
lesson-video-external = مشاهدة الفيديو (على موقع ويب آخر)
lesson-transcript = التفريغ النصي
lesson-file-size = { $size } KB
quiz-facts-questions = { $count ->
    [zero] لا توجد أسئلة
    [one] سؤال واحد
    [two] سؤالان
    [few] { $count } أسئلة
    [many] { $count } سؤالًا
   *[other] { $count } سؤال
}، { $points ->
    [zero] { $points } درجة
    [one] درجة واحدة
    [two] درجتان
    [few] { $points } درجات
    [many] { $points } درجة
   *[other] { $points } درجة
}
quiz-facts-pass-mark = درجة النجاح: { $percent }%
quiz-facts-attempts = { $count ->
    [zero] لا يُسمح بأي محاولة
    [one] يُسمح بمحاولة واحدة
    [two] يُسمح بمحاولتين
    [few] يُسمح بـ{ $count } محاولات
    [many] يُسمح بـ{ $count } محاولة
   *[other] يُسمح بـ{ $count } محاولة
}
quiz-facts-attempts-unlimited = عدد المحاولات غير محدود
quiz-facts-time-limit = { $minutes ->
    [zero] الحد الزمني: { $minutes } دقيقة
    [one] الحد الزمني: دقيقة واحدة
    [two] الحد الزمني: دقيقتان
    [few] الحد الزمني: { $minutes } دقائق
    [many] الحد الزمني: { $minutes } دقيقة
   *[other] الحد الزمني: { $minutes } دقيقة
}
lesson-live-note = تُحدَّد مواعيد هذه الجلسة المباشرة لكل دفعة من دفعات هذه الدورة على حدة.
lesson-kind-package = وحدة تفاعلية
package-done = مكتمل
package-review = مراجعة
package-resume = متابعة
package-start = ابدأ
package-needs-javascript = يتطلب هذا الدرس التفاعلي JavaScript؛ ويُحفظ تقدمك أولًا بأول، ولا يضيع إذا انقطع الاتصال.
package-review-note = لقد أكملت هذا الجزء: يمكنك مراجعته، وتبقى نتيجتك كما هي.
package-contents = المحتويات
package-previous = الجزء السابق
package-next = الجزء التالي
package-exit = العودة إلى الدرس
lesson-nav = الدروس
lesson-previous = السابق
lesson-next = التالي
studio-no-file = لا شيء
studio-field-cover = صورة الغلاف
studio-field-kind = نوع الدرس
studio-field-kind-hint = عند تغيير النوع يُحتفظ بالعنوان والنص، أما الفيديو أو الملف المُعدّ للتنزيل أو الاختبار الخاص بالنوع السابق فيُحذف.
studio-in-language = باللغة { $language }
studio-field-intro = المقدمة (بتنسيق Markdown)
studio-field-captions = الترجمة النصية (بتنسيق WebVTT)
studio-field-transcript = التفريغ النصي (بتنسيق Markdown)
studio-media-hint = تُرفع الملفات في صفحة ملفات الدورة.
studio-media-link = ملفات الدورة
studio-field-video-file = ملف الفيديو (بتنسيق WebM أو MP4)
studio-field-video-url = أو رابط إلى الفيديو (https)
studio-field-download = الملف المُعدّ للتنزيل
studio-quiz-settings = إعدادات الاختبار
studio-field-pass-mark = درجة النجاح (نسبة مئوية من مجموع الدرجات)
studio-field-attempts = عدد المحاولات المسموح بها
studio-empty-no-limit = اترك الحقل فارغًا إذا كنت لا تريد وضع حد.
studio-field-time-limit = الحد الزمني (بالدقائق)
studio-field-shuffle = ترتيب الخيارات ترتيبًا عشوائيًا في كل محاولة
studio-questions = الأسئلة
studio-quiz-points = { $points ->
    [zero] المجموع: { $points } درجة.
    [one] المجموع: درجة واحدة.
    [two] المجموع: درجتان.
    [few] المجموع: { $points } درجات.
    [many] المجموع: { $points } درجة.
   *[other] المجموع: { $points } درجة.
}
studio-question-untitled = (لم يُكتب نص السؤال بعد)
studio-points = { $points ->
    [zero] { $points } درجة
    [one] درجة واحدة
    [two] درجتان
    [few] { $points } درجات
    [many] { $points } درجة
   *[other] { $points } درجة
}
studio-no-questions = لا توجد أسئلة حتى الآن.
studio-question-kind = نوع السؤال
studio-add-question = إضافة سؤال
studio-question-title = السؤال
studio-field-points = الدرجات
studio-field-prompt = نص السؤال
studio-field-feedback = التغذية الراجعة التي تظهر بعد المحاولة
studio-options = الخيارات
studio-options-single-hint = حدِّد خيارًا واحدًا فقط بوصفه الإجابة الصحيحة. وتُستبعد الخيارات الفارغة.
studio-options-multiple-hint = حدِّد جميع الخيارات الصحيحة. وتُستبعد الخيارات الفارغة.
studio-option-n = الخيار { $n }
studio-option-correct = صحيح
studio-option-text = النص
studio-option-feedback = التغذية الراجعة عند اختياره
studio-correct-answer = الإجابة الصحيحة
studio-field-tolerance = هامش الخطأ المقبول
studio-field-tolerance-hint = تُعدّ الإجابة صحيحة إذا لم يتجاوز فرقها عن الإجابة الصحيحة هذا الهامش، مثل 0.5.
studio-field-accepted = الإجابات المقبولة
studio-field-accepted-hint = إجابة واحدة في كل سطر. ولا يُعتدّ بحالة الأحرف اللاتينية (الكبيرة أو الصغيرة) ولا بالمسافات الزائدة.
studio-field-manual = إحالة الإجابات الأخرى إلى ميسِّر لتقييمها
err-media_invalid = اختر ملفًا من النوع المناسب من بين ملفات هذه الدورة.
err-media_missing = أحد الملفات التي يستخدمها هذا الدرس مفقود أو من نوع غير مناسب؛ اختره مرة أخرى.
err-video_missing = اختر ملف فيديو أو أدخل رابطًا إلى الفيديو.
err-file_missing = اختر الملف المُعدّ للتنزيل.
err-quiz_has_no_questions = أضف سؤالًا واحدًا على الأقل إلى الاختبار.
err-quiz_pass_mark_unreachable = لم تُخصَّص أي درجات للأسئلة، ومن ثم لا يمكن لأحد بلوغ درجة النجاح.
err-single_choice_needs_one_correct = حدِّد خيارًا واحدًا فقط بوصفه الإجابة الصحيحة.
err-multiple_choice_needs_a_correct = حدِّد خيارًا صحيحًا واحدًا على الأقل.
err-question_needs_two_options = أدخل خيارين على الأقل.
err-short_text_needs_an_answer = أدخل إجابة مقبولة واحدة على الأقل، أو أحِل الإجابات إلى ميسِّر.
err-pass_mark_invalid = أدخل درجة نجاح بين 1 و100.
err-attempts_invalid = أدخل عدد محاولات بين 1 و100، أو اترك الحقل فارغًا.
err-time_limit_invalid = أدخل عدد دقائق بين 1 و1440، أو اترك الحقل فارغًا.
err-too_many_questions = لا يجوز أن يتضمن الاختبار أكثر من 200 سؤال.
err-points_invalid = أدخل عددًا صحيحًا من الدرجات بين 0 و1000.
err-too_many_options = لا يجوز أن يتضمن السؤال أكثر من 10 خيارات.
err-number_invalid = أدخل رقمًا مثل 12.5.
err-too_many_answers = أدخل 50 إجابة مقبولة كحد أقصى.
err-url_invalid = أدخل عنوانًا كاملًا يبدأ بـ https://.

## Media
media-open = الملفات
media-title = الملفات
media-intro = الصور ومقاطع الفيديو والترجمات النصية والمستندات الخاصة بهذه الدورة. يستطيع المتعلمون فتحها بعد نشر الدورة؛ وحتى ذلك الحين لا يطّلع عليها إلا مؤلفوها.
media-file = الملف المراد رفعه
media-allowed = الأنواع المقبولة: صور PNG وJPEG وWebP وGIF؛ فيديو WebM وMP4؛ صوت MP3 وOgg؛ PDF؛ ZIP؛ مستندات Word وExcel وPowerPoint؛ ملفات OpenDocument؛ ترجمات WebVTT؛ ملفات CSV والنصوص العادية.
media-limit = بحد أقصى { $mb } ميغابايت لكل ملف.
media-upload = رفع
media-files = ملفات هذه الدورة
media-none = لا توجد ملفات بعد.
media-col-name = الاسم
media-col-type = النوع
media-col-size = الحجم
media-col-actions = الإجراءات
media-delete = حذف
media-delete-named = حذف { $name }
media-uploaded = تم رفع الملف.
media-deleted = تم حذف الملف.
media-in-use = الملف مستخدم في درس أو في صورة الغلاف أو في نسخة منشورة، لذا لم يُحذف.
studio-field-package = حزمة SCORM
studio-package-hint = ارفع الحزمة أولًا في صفحة ملفات الدورة.
package-title = حزم SCORM
package-intro = ارفع حزمة SCORM 1.2 أو SCORM 2004 (ملف zip يحتوي imsmanifest.xml في جذره)، ثم اخترها في درس من نوع «وحدة تفاعلية».
package-file = الحزمة (zip)
package-allowed = SCORM 1.2 وSCORM 2004 (الإصداران الثالث والرابع).
package-upload = ارفع الحزمة
package-none = لا توجد حزم بعد.
package-uploaded = رُفعت الحزمة.
package-deleted = حُذفت الحزمة.
package-in-use = يستخدم درسٌ في المسودة أو في نسخة منشورة هذه الحزمة، لذا أُبقي عليها.
package-refused = لا يمكن استخدام هذه الحزمة، ولم يُحفظ منها شيء:
package-err-not_a_zip = الملف ليس بصيغة zip.
package-err-manifest_missing = لا تحتوي الحزمة على imsmanifest.xml.
package-err-manifest_not_at_root = يجب أن يكون imsmanifest.xml في جذر ملف zip لا داخل مجلد.
package-err-schema_unknown = البيان ليس SCORM 1.2 ولا SCORM 2004.
package-err-path_outside = يشير مسار إلى خارج الحزمة.
package-err-too_large = يتجاوز حجم الحزمة بعد فك ضغطها الحد المسموح.
package-err-manifest_dtd = يعلن البيان عن DTD (الكيانات مرفوضة).
package-err-file_missing = ملف يذكره البيان غير موجود في الحزمة.
package-err-nothing_to_launch = لا تحتوي الحزمة على ما يمكن تشغيله.
package-err-other = في البيان خطأ.
media-err-not-allowed = هذا النوع من الملفات غير مقبول. يُحدَّد النوع من محتوى الملف لا من اسمه.
media-err-empty = الملف فارغ.
media-err-no-file = اختر ملفًا لرفعه.
media-err-bad-name = يجب أن يكون للملف اسم يتضمن حروفًا أو أرقامًا.
media-size-bytes = { $n } بايت
media-size-kb = { $n } كيلوبايت
media-size-mb = { $n } ميغابايت

## Learning: enrolment, progress, quizzes, dashboard
email-enrolled-subject = تم تسجيلك في دورة
email-enrolled-body = تم تسجيلك في دورة «{ $course }». ابدأ متى شئت: يُحفظ تقدّمك أولًا بأول.
email-enrolled-action = فتح الدورة
nav-dashboard = تعلّمي
learn-enrolment = التسجيل
learn-enrol = التسجيل في الدورة
learn-enrol-key = مفتاح التسجيل
learn-enrol-key-hint = يزوّدك فريق الدورة أو منظمتك بهذا المفتاح.
learn-sign-in-to-enrol = تسجيل الدخول للتسجيل في الدورة
learn-enrol-to-track = سجّل في الدورة ليُحفظ تقدّمك ولتتمكن من أداء اختباراتها.
learn-go-to-course = الانتقال إلى صفحة الدورة
learn-enrolled-on = تاريخ التسجيل: { $date }
learn-progress = تقدّمك
learn-progress-value = { $total ->
    [zero] اكتمل { $percent }%: { $done } من { $total } درس
    [one] اكتمل { $percent }%: { $done } من درس واحد
    [two] اكتمل { $percent }%: { $done } من درسين
    [few] اكتمل { $percent }%: { $done } من { $total } دروس
    [many] اكتمل { $percent }%: { $done } من { $total } درسًا
   *[other] اكتمل { $percent }%: { $done } من { $total } درس
}
learn-progress-percent = اكتمل { $percent }%
learn-module-progress = أُنجز { $percent }%
learn-continue = متابعة
learn-start = البدء
learn-withdraw = مغادرة هذه الدورة
learn-withdraw-hint = يُحتفظ بتقدّمك إذا عدت إليها.
learn-completed = مكتملة
learn-completed-on = أتممت هذه الدورة في { $date }.
learn-lesson-done = مكتمل
learn-mark-complete = تعليم الدرس بوصفه مكتملًا
learn-notice-enrolled = تم تسجيلك. يُحفظ تقدّمك أولًا بأول.
learn-notice-withdrawn = غادرت الدورة. يُحتفظ بتقدّمك إذا عدت إليها.
learn-notice-completed = تهانينا: لقد أتممت الدورة.
enrol-error-enrolment_key_required = تتطلب هذه الدورة مفتاح تسجيل.
enrol-error-enrolment_key_wrong = مفتاح التسجيل هذا غير صحيح. تحقّق منه وحاول مرة أخرى.
enrol-error-course_full = اكتمل عدد المسجلين في هذه الدورة.
enrol-error-enrolment_closed = التسجيل في هذه الدورة غير متاح حاليًا.
enrol-error-enrolment_needs_cohort = تُقدَّم هذه الدورة على دفعات: يمكنك التسجيل عند فتح باب التسجيل في دفعة جديدة.
quiz-attempts-title = محاولاتك
quiz-attempt = المحاولة
quiz-score = الدرجة
quiz-status = الحالة
quiz-attempt-number = المحاولة { $number }
quiz-attempt-score = { $max ->
    [zero] { $points } من { $max } درجة ({ $percent }%)
    [one] { $points } من درجة واحدة ({ $percent }%)
    [two] { $points } من درجتين ({ $percent }%)
    [few] { $points } من { $max } درجات ({ $percent }%)
    [many] { $points } من { $max } درجة ({ $percent }%)
   *[other] { $points } من { $max } درجة ({ $percent }%)
}
quiz-attempt-open = قيد التنفيذ
quiz-attempt-expired = لم تُقدَّم في الوقت المحدد
quiz-attempt-pending = في انتظار أن يقيّمها ميسِّر
quiz-attempt-passed = ناجحة
quiz-attempt-failed = غير ناجحة
quiz-counted = تُحتسب
quiz-policy-best = تُحتسب أفضل محاولاتك.
quiz-policy-last = تُحتسب آخر محاولة لك.
quiz-start = بدء محاولة
quiz-resume = متابعة محاولتك
quiz-attempts-left = { $count ->
    [zero] لم تبقَ لك أي محاولة
    [one] بقيت لك محاولة واحدة
    [two] بقيت لك محاولتان
    [few] بقيت لك { $count } محاولات
    [many] بقيت لك { $count } محاولة
   *[other] بقيت لك { $count } محاولة
}
quiz-no-attempts-left = استنفدت جميع محاولاتك في هذا الاختبار.
quiz-passed = لقد نجحت في هذا الاختبار.
quiz-time-left = { $minutes ->
    [zero] قدّم إجاباتك في غضون { $minutes } دقيقة (قبل الساعة { $time } UTC).
    [one] قدّم إجاباتك في غضون دقيقة واحدة (قبل الساعة { $time } UTC).
    [two] قدّم إجاباتك في غضون دقيقتين (قبل الساعة { $time } UTC).
    [few] قدّم إجاباتك في غضون { $minutes } دقائق (قبل الساعة { $time } UTC).
    [many] قدّم إجاباتك في غضون { $minutes } دقيقة (قبل الساعة { $time } UTC).
   *[other] قدّم إجاباتك في غضون { $minutes } دقيقة (قبل الساعة { $time } UTC).
}
quiz-points = { $count ->
    [zero] { $count } درجة
    [one] درجة واحدة
    [two] درجتان
    [few] { $count } درجات
    [many] { $count } درجة
   *[other] { $count } درجة
}
quiz-choose-all = اختر جميع الإجابات المنطبقة.
quiz-numeric-hint = رقم؛ استخدم النقطة أو الفاصلة للكسور العشرية.
quiz-your-answer = إجابتك
quiz-submit = إرسال إجاباتي
quiz-result = نتيجتك
quiz-outcome-correct = إجابة صحيحة
quiz-outcome-incorrect = إجابة غير صحيحة
quiz-outcome-unanswered = لم تتم الإجابة
quiz-outcome-pending = سيقيّم ميسِّر هذه الإجابة
quiz-error-time_over = انتهى الوقت المخصص لهذه المحاولة. ولا تُسجَّل الإجابات المرسلة بعد انقضاء المهلة.
quiz-error-bad_answers = بعض الإجابات لا تخص هذا الاختبار. أعد تحميل الصفحة وحاول مرة أخرى.
quiz-back-to-lesson = العودة إلى الدرس
dashboard-title = تعلّمي
dashboard-in-progress = قيد الدراسة
dashboard-completed = مكتملة
dashboard-empty = لم تسجّل في أي دورة بعد.
dashboard-browse = تصفّح الدورات
dashboard-archived = لم تعد هذه الدورة متاحة.

## Cohorts and waitlists
email-waitlisted-subject = أُدرج اسمك في قائمة الانتظار لدورة
email-waitlisted-body = اكتمل العدد في دفعة «{ $cohort }» من دورة «{ $course }»، ولذلك أُدرج اسمك في قائمة الانتظار الخاصة بها. وإذا شغر مقعد، فسنبلغك بالبريد الإلكتروني ونحجزه لك لبعض الوقت.
email-offered-subject = يتوفر لك مقعد: يُرجى التأكيد
email-offered-body = يتوفر لك مقعد في دفعة «{ $cohort }» من دورة «{ $course }». أكّده في موعد أقصاه { $deadline } (UTC)، وإلا فسيُمنح للشخص التالي في قائمة الانتظار.
email-offered-action = تأكيد مقعدي
enrol-error-cohort_closed = التسجيل في هذه الدفعة غير مفتوح.
enrol-error-enrollment_removed = ألغى أحد المنسقين تسجيلك في هذه الدورة. تواصل معه إذا كنت تعتقد أن في ذلك خطأ.
enrol-error-no_offer = لا يوجد مقعد محجوز لك: فقد انتهت صلاحية العرض أو سبق قبوله.
cohort-none = لا توجد حاليًا أي دفعة مفتوحة للتسجيل.
cohort-dates = من { $start } إلى { $end }
cohort-full = لا توجد مقاعد شاغرة: انضم إلى قائمة الانتظار
cohort-places-left = { $count ->
    [zero] لم يبقَ أي مقعد
    [one] بقي مقعد واحد
    [two] بقي مقعدان
    [few] بقيت { $count } مقاعد
    [many] بقي { $count } مقعدًا
   *[other] بقي { $count } مقعد
}
cohort-join-waitlist = الانضمام إلى قائمة الانتظار
cohort-waitlisted = أنت في قائمة الانتظار لدفعة «{ $cohort }». وإذا شغر مقعد، فسنبلغك بالبريد الإلكتروني.
cohort-offered = لك مقعد محجوز في دفعة «{ $cohort }» حتى { $deadline } (UTC). أكّده، وإلا فسيُمنح للشخص التالي.
cohort-confirm = تأكيد مقعدي
cohort-decline = رفض المقعد
cohort-leave-waitlist = مغادرة قائمة الانتظار
dashboard-waitlisted = في قائمة الانتظار
dashboard-offered = مقعد بانتظار تأكيدك

## Live sessions and attendance
email-session_reminder-subject = تذكير: موعد جلسة مباشرة يقترب
email-session_reminder-body = تبدأ جلسة «{ $session }» من دورة «{ $course }» في { $when }.
session-venue = المكان
session-link = رابط الانضمام
# In emails, before the venue or the link (with the space that follows, if any).
session-venue-label = المكان:{" "}
session-link-label = رابط الانضمام:{" "}
sessions-title = الجلسات المباشرة
sessions-add-to-calendar = إضافة إلى تقويمي
sessions-facilitated = الجلسات التي تتولى تيسيرها
sessions-take-attendance = تسجيل الحضور
calendar-feed = موجز تقويمك
calendar-feed-hint = اشترك في هذا العنوان في تطبيق التقويم لديك لتظهر فيه جلساتك المباشرة. ولا تُطلع أحدًا عليه.
attendance-title = الحضور
attendance-present = حاضر
attendance-absent = غائب
attendance-excused = غائب بعذر
attendance-save = حفظ سجل الحضور
attendance-saved = تم حفظ سجل الحضور.
attendance-nobody = لا يوجد متعلّمون في هذه الدفعة بعد.

## Studio: cohorts and enrolment
studio-cohorts-open = الدفعات والتسجيل
studio-cohorts-title = الدفعات والتسجيل
studio-enrolment-settings = من يحق له التسجيل
studio-partners = المنظمات الشريكة
studio-partners-hint = يمكن للمنظمة الشريكة التي مُنحت أماكن هنا تسجيل موظفيها من ملف، حتى لو لم تكن الدورة مفتوحة للجميع. ويبقى المسجلون منهم مسجلين إذا سُحبت الأماكن.
studio-partners-organisation = المنظمة
studio-partners-places = الأماكن
studio-partners-places-hint = اتركه فارغًا لعدم تحديد حد.
studio-partners-unlimited = بلا حد
studio-partners-grant = منح أماكن
studio-partners-withdraw = سحب
studio-enrolment-mode = التسجيل
studio-enrolment-open = متاح لكل من سجّل الدخول
studio-enrolment-key = باستخدام مفتاح تسجيل
studio-enrolment-closed = مغلق
studio-enrolment-cap = الحد الأقصى لعدد المتعلّمين في آنٍ واحد (اترك الحقل فارغًا إذا كنت لا تريد وضع حد)
studio-grade-policy = المحاولة التي تُحتسب في الاختبارات
studio-attendance-percent = نسبة الحضور اللازمة لإتمام الدورة (%)
studio-attendance-percent-hint = نسبة الجلسات المباشرة لدفعته التي يجب أن يحضرها المتعلّم، ولا تُحتسب الجلسات التي غاب عنها بعذر. اترك الحقل فارغًا إذا كنت لا تريد تطبيق هذه القاعدة.
studio-save = حفظ
studio-cohorts-list = الدفعات
studio-cohorts-none = لا توجد دفعات حتى الآن.
studio-cohort-new = دفعة جديدة
studio-cohort-create = إنشاء الدفعة
studio-cohort-settings = إعدادات الدفعة
studio-cohort-name = الاسم
studio-cohort-dates = المواعيد
studio-cohort-places = المقاعد المشغولة
studio-cohort-language = لغة التدريس
studio-cohort-starts_on = تاريخ البدء
studio-cohort-ends_on = تاريخ الانتهاء
studio-cohort-opens_on = تاريخ فتح باب التسجيل (إذا تُرك فارغًا: الآن)
studio-cohort-closes_on = تاريخ إغلاق باب التسجيل (إذا تُرك فارغًا: عند بدء الدفعة)
studio-cohort-capacity = عدد المقاعد
studio-cohort-capacity-hint = بعد بلوغ هذا العدد، يُدرج المتعلّمون في قائمة الانتظار. اترك الحقل فارغًا إذا كنت لا تريد وضع حد.
studio-cohort-confirm-hours = عدد الساعات المتاحة لتأكيد مقعد معروض من قائمة الانتظار
studio-cohort-facilitators = الميسِّرون
studio-cohort-facilitators-hint = عناوين بريدهم الإلكتروني، مفصولة بفواصل (,). ويجب أن يكون لكل منهم حساب.
studio-roster = المتعلّمون
studio-roster-name = المتعلّم
studio-roster-status = الحالة
studio-roster-progress = التقدّم
studio-roster-remove = إلغاء التسجيل
studio-roster-message = رسالة (تُحفظ في السجل)
studio-roster-csv = تنزيل القائمة (CSV)
studio-session-new = جلسة جديدة
studio-session-title = العنوان
studio-session-time-zone = المنطقة الزمنية لمكان انعقاد الجلسة
studio-session-time-zone-hint = مثل Africa/Nairobi أو Europe/Paris أو America/Bogota. والأوقات أدناه هي بالتوقيت المحلي لتلك المنطقة.
studio-session-starts = موعد البدء
studio-session-ends = موعد الانتهاء
studio-session-lesson = درس الجلسة المباشرة المقابل لها
studio-session-no-lesson = لا شيء
studio-session-add = إضافة الجلسة
enrollment-status-active = نشط
enrollment-status-completed = مكتمل
enrollment-status-withdrawn = غادر الدورة
enrollment-status-removed = أُلغي التسجيل
enrollment-status-waitlisted = في قائمة الانتظار
enrollment-status-offered = عُرض مقعد
err-required = هذا الحقل مطلوب.
err-places_invalid = أدخل عددًا صحيحًا من الأماكن من 1 إلى 100000، أو اتركه فارغًا لعدم تحديد حد.
err-too_long = النص طويل جدًا.
err-not_a_course_language = اختر إحدى لغات الدورة.
err-before_start = يجب أن يأتي بعد موعد البدء.
err-before_opening = يجب أن يأتي بعد فتح باب التسجيل.
err-after_end = يجب أن يأتي قبل موعد الانتهاء.
err-out_of_range = القيمة خارج النطاق المسموح به.
err-not_a_date_time = التاريخ أو الوقت غير صالح.
err-unknown_time_zone = أدخل اسم منطقة زمنية صالحًا مثل Africa/Nairobi.
err-not_https = يجب أن يبدأ العنوان بـ https://.
err-venue_or_link_required = حدّد المكان أو رابط الاجتماع أو كليهما.
err-not_a_live_lesson = هذا الدرس ليس جلسة مباشرة من هذه الدورة.
err-unknown_value = اختر أحد الخيارات المتاحة.
err-unknown_email = لا يوجد حساب مرتبط بعنوان البريد الإلكتروني هذا.

## Bulk enrolment
email-invited-subject = دعوة للمشاركة في دورة
email-invited-body = تم تسجيلك في دورة «{ $course }» على { $site }. اختر كلمة مرور لتسجيل الدخول والبدء.
email-invited-action = اختيار كلمة مروري
email-invited-expiry = لا يعمل الرابط إلا مرة واحدة، وفي غضون 14 يومًا.
bulk-title = تسجيل أشخاص من ملف
bulk-help = ارفع ملف CSV يتضمن سطر عناوين: الأعمدة email و name و country (رمز البلد المكوّن من حرفين) مطلوبة للجميع، والعمود language (ar أو zh أو en أو fr أو ru أو es) اختياري. يُسجَّل في الدورة من لديهم حساب، أما الآخرون فيُنشأ لهم حساب وتصلهم رسالة بالبريد الإلكتروني تدعوهم إلى اختيار كلمة مرور. الحد الأقصى لعدد الصفوف: { $max }.
bulk-cohort = الدفعة
bulk-file = ملف CSV
bulk-submit = تسجيلهم
bulk-summary = عدد الصفوف المقبولة: { $accepted }، وعدد الصفوف المرفوضة: { $rejected }.
bulk-results = النتيجة لكل صف
bulk-line = السطر
bulk-email = البريد الإلكتروني
bulk-result = النتيجة
bulk-result-enrolled = تم التسجيل
bulk-result-waitlisted = في قائمة الانتظار
bulk-result-invited = أُرسلت دعوة (حساب جديد)
bulk-result-already_enrolled = مسجَّل من قبل
bulk-result-rejected = مرفوض
bulk-file-refused = لم يُستخدم الملف، ولم يُنفَّذ أي إجراء:
bulk-error-no_file = اختر ملفًا لرفعه.
bulk-error-not_utf8 = الملف ليس نصًا بترميز UTF-8. احفظه من برنامج جداول البيانات بتنسيق «CSV UTF-8».
bulk-error-missing_column = لا يتضمن سطر العناوين العمود «{ $at }».
bulk-error-unknown_column = يتضمن سطر العناوين عمودًا لا تعرفه هذه الصفحة: «{ $at }».
bulk-error-malformed = تتعذّر قراءة الملف بوصفه ملف CSV (قرب السطر { $at }).
bulk-error-no_rows = يتضمن الملف سطر عناوين ولكنه لا يتضمن أي صفوف.
bulk-error-too_many_rows = يتجاوز عدد صفوف الملف { $at }: قسِّمه إلى عدة ملفات.

## Grading
grading-title = إجابات بانتظار التقييم
grading-none = لا توجد إجابة بانتظار التقييم.
grading-answer = إجابة المتعلّم
grading-accepted = الإجابات التي قبلها المؤلف
grading-save = حفظ التقييمات
grading-saved = حُفظت التقييمات.

## Applications
email-accepted-subject = قُبل طلبك
email-accepted-body = قُبل طلبك للالتحاق بدورة «{ $course }»: يمكنك البدء.
email-accepted-waitlisted = قُبل طلبك للالتحاق بدورة «{ $course }». غير أن العدد مكتمل في الدفعة حاليًا، ولذلك أُدرج اسمك في قائمة الانتظار الخاصة بها؛ وسنبلغك بالبريد الإلكتروني عندما يشغر مقعد.
email-declined-subject = لم يُقبل طلبك
email-declined-body = لم يُقبل طلبك للالتحاق بدورة «{ $course }» هذه المرة.
application-intro = يستلزم الالتحاق بهذه الدورة تقديم طلب: أجب عن الأسئلة أدناه، وسيرد عليك فريق الدورة بالبريد الإلكتروني.
application-submit = تقديم الطلب
application-pending = طلبك قيد النظر لدى فريق الدورة. وسيصلك ردّه بالبريد الإلكتروني.
application-withdraw = سحب طلبي
enrol-error-answers_required = أجب عن جميع الأسئلة لتقديم طلبك.
studio-enrolment-application = بتقديم طلب (الأسئلة أدناه)
studio-screening-questions = أسئلة موجّهة إلى مقدّمي الطلبات
studio-screening-questions-hint = سؤال واحد في كل سطر، بلغة الدورة الافتراضية.
studio-applications = الطلبات
studio-decision-message = رسالة إلى مقدّم الطلب (اختيارية)
studio-accept = قبول
studio-decline = رفض
enrollment-status-applied = قُدّم طلب
enrollment-status-declined = رُفض الطلب

## Certificates
certs-title = شهاداتي
certs-empty = ليست لديك شهادات بعد. أتمم دورة لتحصل على شهادة.
certs-held-email_unconfirmed = هذه الشهادة بانتظار تأكيد عنوان بريدك الإلكتروني. أكّده بالرابط الذي أرسلناه إليك، فتصدر الشهادة فورًا.
certs-resend = أعد إرسال رسالة التأكيد
certs-open = عرض ومشاركة
cert-title = شهادة
cert-status-valid = صالحة. أصدر هذه الشهادة { $site }.
cert-status-revoked = أُلغيت في { $date }. لم تعد هذه الشهادة صالحة.
cert-revoked-reason = السبب: { $reason }
cert-number = الرقم
cert-awarded-to = مُنحت إلى
cert-kind = النوع
cert-kind-completion = شهادة إتمام
cert-kind-participation = شهادة مشاركة
cert-course = الدورة
cert-completed-on = تاريخ الإتمام
cert-duration = المدة
cert-hours = { $hours ->
    [zero] { $hours } ساعة
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $hours } ساعات
   *[other] { $hours } ساعة
}
cert-issued-by = الجهة المُصدِرة
cert-issued-on = تاريخ الإصدار
cert-address = عنوان التحقق
cert-revision = المراجعة { $revision }
cert-revoke = إلغاء هذه الشهادة
cert-revoke-reason = السبب (يظهر في هذه الصفحة ويُرسل إلى المتعلم)
cert-revoke-button = إلغاء
cert-earned = الشهادة { $number }
certificate-revoked = أُلغيت الشهادة.
email-certificate_issued-subject = شهادتك جاهزة
email-certificate_issued-body = تهانينا على إتمام «{ $course }». شهادتك { $number } جاهزة، ويمكن لأي شخص التحقق منها على عنوانها.
email-certificate_issued-action = عرض شهادتك
email-certificate_issued-all = جميع شهاداتك:
email-certificate_revoked-subject = أُلغيت شهادتك
email-certificate_revoked-body = أُلغيت شهادتك { $number } الخاصة بـ«{ $course }». السبب: { $reason }
email-certificate_revoked-action = صفحة الشهادة
err-reason_invalid = اذكر سببًا لا يتجاوز 1000 حرف.
err-name_invalid = اذكر اسمًا لا يتجاوز 200 حرف.

## Certificates as PDF
pdf-presented = تشهد هذه الوثيقة بأن
pdf-reason-completion = قد أتمّ بنجاح الدورة
pdf-reason-participation = قد شارك في الدورة
pdf-completed-on = تاريخ الإتمام: { $date }
pdf-duration = المدة: { $duration }
pdf-number = رقم الشهادة
pdf-verify = للتحقق
pdf-date = { $day } { $month } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
cert-download = تنزيل الشهادة (PDF)
cert-share = مشاركة
cert-linkedin = إضافة إلى الملف الشخصي على LinkedIn
cert-pdf-languages = ملف PDF بلغة أخرى:
cert-revoked-pdf = أُلغيت هذه الشهادة في { $date }: لم يعد ملف PDF الخاص بها متاحًا.
cert-credential = تنزيل الاعتماد الرقمي (Open Badges 3.0)
cert-credential-hint = اعتماد رقمي موقَّع: أضفه إلى محفظة أو قدّمه إلى صاحب عمل؛ ويمكن لأي شخص التحقق منه دون حساب.

## Certificates: verification by number, administrators
verify-title = التحقق من شهادة
verify-intro = أدخل الرقم المطبوع على الشهادة (مثل KZ-2026-000123) لمعرفة ما إذا كانت صالحة ولمن صدرت.
verify-number = رقم الشهادة
verify-button = تحقّق
verify-missing = لا توجد شهادة بالرقم { $number }. تحقّق من الرقم وحاول مرة أخرى.
admin-certs-title = الشهادات
admin-certs-count = { $count ->
    [zero] لا شهادات
    [one] شهادة واحدة
    [two] شهادتان
    [few] { $count } شهادات
   *[other] { $count } شهادة
}
admin-certs-course = الدورة (المعرّف)
admin-certs-cohort = الفوج (المعرّف)
admin-certs-status = الحالة
admin-certs-from = أُتمّت ابتداءً من
admin-certs-to = أُتمّت قبل
admin-certs-any = الكل
admin-certs-apply = تطبيق
admin-certs-csv = تنزيل بصيغة CSV
cert-status-name-held = معلّقة
cert-status-name-issued = صادرة
cert-status-name-revoked = ملغاة
cert-correct = تصحيح الاسم
cert-correct-name = الاسم كما ينبغي أن يظهر (يبقى الرقم نفسه وتصدر مراجعة جديدة)
cert-correct-button = تصحيح وإعادة الإصدار
certificate-revised = صُحّح الاسم: صدرت مراجعة جديدة من الشهادة.
certificate-issued = صدرت الشهادة.
admin-records = الدورات والشهادات
admin-records-none = لا توجد دورة يمكن أن تمنح شهادة.
admin-issue-reason = إصدار الشهادة يدويًا: أين وكيف أُتمّت الدورة (يُحفظ في سجل التدقيق)
admin-issue-button = إصدار الشهادة
nav-admin-certificates = الشهادات
footer-verify = التحقق من شهادة
studio-min-score = الدرجة النهائية المطلوبة للشهادة (%)
studio-min-score-hint = نسبة نقاط اختبارات الدورة التي يحتاجها المتعلم؛ تنتظر شهادته حتى يبلغها (يمكنه إعادة الاختبارات التي تسمح بذلك). خفضها يُصدر الشهادات المعلّقة. اتركه فارغًا لعدم فرض هذا الشرط.
certs-held-score_below_minimum = تنتظر شهادتك حتى تبلغ درجتك النهائية الحد الأدنى للدورة (وهي الآن { $score }٪). أعد اختبارات الدورة التي تسمح بذلك.
cert-final-score = الدرجة النهائية: { $score }٪

## End-of-training reports
report-title = تقرير نهاية التدريب
report-intro = عند انتهاء التدريب، قدّم تقريره: يعتمده أحد المشرفين، فتصدر الشهادات التي تنتظره فورًا.
report-filed-on = قُدّم في { $date }؛ بانتظار اعتماد أحد المشرفين. لا يزال بإمكانك تعديله.
report-validated-on = اعتُمد في { $date }. صدرت الشهادات التي كانت تنتظره.
report-validate-hint = راجع التقرير: اعتماده يُصدر الشهادات التي تنتظره، ولا يتغيّر التقرير بعد ذلك.
report-validate = اعتماد التقرير
report-starts = بداية التدريب
report-ends = نهاية التدريب
report-facilitators = الميسّرون
report-participants = المشاركون
report-attendance = ملخص الحضور
report-outcomes = النتائج
report-remarks = ملاحظات (اختيارية)
report-file = تقديم التقرير
report-held = الشهادات المعلّقة
report-held-none = لا توجد شهادة معلّقة في هذا الفوج.
held-reason-email_unconfirmed = عنوان البريد الإلكتروني غير مؤكَّد
held-reason-score_below_minimum = الدرجة النهائية أقل من الحد الأدنى للدورة
held-reason-report_pending = بانتظار تقرير نهاية التدريب
certs-held-report_pending = تنتظر شهادتك تقرير نهاية التدريب الخاص بفوجك: ستصدر فور اعتماده من أحد المشرفين.
report-filed = قُدّم التقرير.
report-validated = اعتُمد التقرير وصدرت الشهادات المعلّقة.
studio-needs-report = تنتظر شهادات الأفواج تقرير نهاية التدريب
studio-needs-report-hint = يقدّم منسّق كل فوج تقريرًا (التواريخ، الميسّرون، المشاركون، الحضور، النتائج)؛ ويعتمده أحد المشرفين، فتصدر شهادات الفوج.
studio-cohort-report = تقرير نهاية التدريب
studio-certificate-preview = الشهادة
studio-certificate-preview-hint = نموذج لشهادة هذه الدورة بكل لغة من لغاتها، مع اسم مكتوب بأبجدية تلك اللغة (PDF).
error-503-title = هذا غير متاح هنا بعد
error-503-body = هذا الخادم غير مهيّأ لذلك بعد. أُبلغ المشرفون؛ يُرجى المحاولة لاحقًا.

## تصميم الشهادة: المكتبة، واختيار الدورة، والتأييدات
nav-admin-library = مكتبة الشهادات
nav-endorsements = التأييدات
library-title = مكتبة الشهادات
library-intro = الموقِّعون والشعارات التي يمكن للدورات إظهارها على شهاداتها. تحتفظ الشهادات بما صدرت به: فإيقاف استخدام أحد العناصر لا يغيّر إلا الشهادات التي تصدر بعد ذلك.
library-signatories = الموقِّعون
library-logos = الشعارات
library-name = الاسم
library-signatory-title = المنصب
library-organisation = المنظمة
library-signature = التوقيع (صورة)
library-signature-of = توقيع { $name }
library-image-hint = PNG أو JPEG أو SVG، بحد أقصى { $kb } كيلوبايت.
library-add-signatory = إضافة موقِّع
library-add-logo = إضافة شعار
library-add = إضافة
library-logo-name = اسم الشعار
library-logo-image = الصورة
library-logo-instance = هذا هو الشعار الخاص بالمنصة (في أعلى كل شهادة)
library-instance-logo = شعار المنصة
library-make-instance = استخدامه شعارًا للمنصة
library-make-instance-named = استخدام { $name } شعارًا للمنصة
library-retire = إيقاف الاستخدام
library-retire-named = إيقاف استخدام { $name }
library-retired = موقوف الاستخدام
library-saved = حُفظت مكتبة الشهادات.
design-title = تصميم الشهادة
design-link = اختيار الموقِّعين على الشهادة وشعاراتها
design-intro = اختر من مكتبة المنصة من يوقّع شهادات هذه الدورة وشعارات الشركاء التي تظهر عليها. تظهر هذه العناصر على الشهادات التي تصدر من الآن فصاعدًا، أما الشهادات الصادرة بالفعل فتحتفظ بعناصرها.
design-signatories = الموقِّعون (ثلاثة كحد أقصى، بهذا الترتيب)
design-signatory-n = الموقِّع { $n }
design-none = لا أحد
design-logos = شعارات الشركاء ({ $max } كحد أقصى)
design-library-empty = لا تحتوي المكتبة على أي منها بعد؛ يضيفها أحد المشرفين في مكتبة الشهادات.
design-save = حفظ التصميم
design-saved = حُفظ تصميم الشهادة.
design-also = يظهر أيضًا على الشهادة
design-instance = شعار منصة { $site } واسمها.
design-endorsed-by = بتأييد من:
endorse-title = تأييد هذه الدورة
endorse-intro = اطلب أن تؤيد منظمة { $organisation } هذه الدورة. وبعد موافقة أحد المشرفين، تُظهر الشهادات التي تصدر من ذلك الحين شعار منظمتك والموقِّع عنها، وتحمل تأييدها الموقَّع.
endorse-comment = رأي منظمتك في الدورة (اختياري)
endorse-signatory = الموقِّع عن منظمتك
endorse-logo = شعار منظمتك
endorse-button = طلب التأييد
endorse-already-requested = طلبت منظمتك تأييد هذه الدورة؛ وسيبتّ أحد المشرفين في الطلب.
endorse-already-approved = منظمتك تؤيد هذه الدورة.
endorsement-requested = أُرسل طلبك؛ وسيبتّ أحد المشرفين فيه.
endorsement-decided = حُدّث التأييد.
endorsements-title = التأييدات
endorsements-intro = تأييد المنظمات الشريكة للدورات. سحب التأييد لا يغيّر إلا الشهادات التي تصدر بعد ذلك.
endorsements-organisation = المنظمة
endorsement-status-requested = قيد النظر
endorsement-status-approved = مُوافَق عليه
endorsement-status-declined = مرفوض
endorsement-status-withdrawn = مسحوب
endorsement-credential = تأييد موقَّع
endorsement-approve = موافقة
endorsement-approve-named = الموافقة على تأييد { $name }
endorsement-decline = رفض
endorsement-decline-named = رفض تأييد { $name }
endorsement-withdraw = سحب
endorsement-withdraw-named = سحب تأييد { $name }
cert-signatories = الموقِّعون
cert-endorsed-by = بتأييد من
err-field_required = هذا الحقل مطلوب.
err-field_invalid = استخدم أحرفًا قابلة للطباعة فقط.
err-field_too_long = النص طويل جدًا.
err-image_too_large = الصورة كبيرة جدًا (512 كيلوبايت كحد أقصى).
err-image_invalid = هذه ليست صورة PNG أو JPEG أو SVG قابلة للقراءة.
err-image_required = اختر صورة.
err-not_base64 = هذا ليس بترميز base64.
err-too_many_signatories = اختر ثلاثة موقِّعين كحد أقصى.
err-too_many_logos = اختر أربعة شعارات كحد أقصى.
err-chosen_twice = اختير الموقِّع نفسه أو الشعار نفسه مرتين.
err-not_in_library = أحد العناصر المختارة لم يعد موجودًا في المكتبة.
design-sample-names = الشهادة نفسها مع اسم نموذجي بكل واحدة من الكتابات الست (قد تختلف كتابة الاسم عن لغة الشهادة):

## Organisations and their members
nav-organisation = منظمتي
org-kind-national_government = الحكومة الوطنية
org-kind-local_government = الحكم المحلي
org-kind-un_system = منظومة الأمم المتحدة أو منظمة حكومية دولية
org-kind-other = أخرى
org-field-names = الاسم بلغات أخرى
org-field-names-hint = يُعرض لمستخدمي تلك اللغة؛ اترك حقل أي لغة فارغًا ليُعرض الاسم الوارد أعلاه.
org-field-domains = نطاقات البريد الإلكتروني
org-field-domains-hint = نطاق واحد في كل سطر، مثل nairobi.go.ke. يصبح الأشخاص الذين يقع عنوان بريدهم الإلكتروني المؤكَّد ضمن أحد هذه النطاقات أعضاءً دون انتظار تأكيد أحد المنسقين. ولا يمكن استخدام خدمات البريد العامة.
err-email_domain_invalid = أدخل أسماء نطاقات مثل nairobi.go.ke، اسمًا واحدًا في كل سطر.
err-email_domain_public = لا يمكن أن تكون خدمة بريد عامة أحد نطاقات المنظمة: إذ يمكن لأي شخص الحصول على عنوان فيها.
err-email_domains_too_many = أدخل 20 نطاقًا كحد أقصى.
members-title = الأعضاء
members-intro = ينتظر هنا الأشخاص الذين يذكرون منظمتك في ملفهم الشخصي إلى أن تؤكد عضويتهم. ولا يظهر الأعضاء مع دوراتهم، ولا يُحتسبون في أرقام منظمتك، إلا بعد تأكيد عضويتهم.
members-tabs = الأعضاء حسب الحالة
members-confirmed = المؤكَّدون ({ $count })
members-pending = بانتظار التأكيد ({ $count })
members-confirmed-caption = الأعضاء المؤكَّدون
members-pending-caption = الأشخاص الذين ينتظرون تأكيد عضويتهم
members-col-studying = قيد الدراسة
members-col-completed = مكتملة
members-col-certificates = الشهادات
members-col-confirmed = تاريخ التأكيد
members-by-coordinator = من قِبل أحد المنسقين
members-by-administrator = من قِبل أحد المشرفين
members-by-invitation = سجّلته المنظمة
members-by-domain = بحسب عنوان بريده الإلكتروني
members-confirm = تأكيد
members-decline = رفض
members-remove = إزالة
members-none = لا يوجد أعضاء مؤكَّدون حتى الآن.
members-none-pending = لا يوجد أحد بانتظار تأكيد عضويته.
member-confirmed = تم تأكيد العضوية.
member-removed = لم يعد هذا الشخص عضوًا في المنظمة.
member-courses = الدورات
member-col-progress = التقدّم
member-col-certificate = الشهادة
member-enrolled-on = تاريخ التسجيل: { $date }
member-no-courses = لا توجد دورات حتى الآن.
membership-pending = لم تؤكد منظمتك عضويتك بعد. وإلى أن تفعل ذلك، لن تُعدّ من أعضائها.
membership-confirmed = أكّدت منظمتك عضويتك فيها.

## Reports
nav-reports = التقارير
role-partner_viewer = مشاهد من جهة شريكة (يطّلع على تقارير منظمته)
reports-title = تقرير التعلّم
reports-title-of = تقرير التعلّم: { $organisation }
reports-intro = من شارك وما الذي حققه، استنادًا إلى سجلات التعلّم. ولا تُعرض الأعداد الصغيرة، حتى لا يمكن تحديد هوية أي شخص.
report-from = من تاريخ
report-to = إلى تاريخ (ضمنًا)
report-by = التجميع حسب
report-then = ثم حسب
report-measure = المؤشر المعروض في الرسم البياني
report-organisation = المنظمة
report-course = الدورة
report-course-format = نمط الدورة
report-language = لغة الدراسة
report-any = الكل
report-nothing = بلا تجميع (صف واحد)
report-show = عرض التقرير
report-download-csv = تنزيل بصيغة CSV
report-download-xlsx = تنزيل بصيغة Excel (XLSX)
report-period = من { $from } إلى { $to }
report-note-small = <{ $threshold }: عدد يتراوح بين 1 و{ $threshold } ناقص واحد، لا يُعرض حتى لا يمكن تحديد هوية أي شخص.
report-note-hidden = x: لا يُعرض، حتى لا يكشف مجموعٌ أو فرقٌ عن عدد صغير.
report-note-source = المصدر: { $site }، استنادًا إلى سجلات التعلّم الخاصة به.
report-total = المجموع
report-everyone = الجميع
report-empty = لم يُحتسب أي شيء في هذه الفترة.
report-not-stated = غير محدَّد
report-none = لا يوجد
report-no-cohort = خارج أي دفعة
report-no-organisation = لا توجد منظمة مؤكَّدة
report-group-ldc = أقل البلدان نموا
report-group-lldc = البلدان النامية غير الساحلية
report-group-sids = الدول الجزرية الصغيرة النامية
report-group-other = بلدان أخرى
report-age-under_25 = أقل من 25 سنة
report-age-25_34 = من 25 إلى 34 سنة
report-age-35_44 = من 35 إلى 44 سنة
report-age-45_54 = من 45 إلى 54 سنة
report-age-55_64 = من 55 إلى 64 سنة
report-age-65_plus = 65 سنة فأكثر
report-by-course = الدورة
report-by-cohort = الدفعة
report-by-format = نمط الدورة
report-by-language = لغة الدراسة
report-by-month = الشهر
report-by-quarter = ربع السنة
report-by-year = السنة
report-by-country = البلد أو المنطقة
report-by-region = الإقليم
report-by-sub_region = المنطقة دون الإقليمية
report-by-ldc = أقل البلدان نموا
report-by-lldc = البلدان النامية غير الساحلية
report-by-sids = الدول الجزرية الصغيرة النامية
report-by-gender = نوع الجنس
report-by-age_band = العمر
report-by-organisation_kind = نوع المنظمة
report-by-organisation = المنظمة
report-measure-enrolments = التسجيلات
report-measure-active_learners = المتعلّمون النشطون
report-measure-completions = حالات إتمام الدورات
report-measure-completion_rate = معدل الإتمام
report-measure-certificates = الشهادات الصادرة
report-measure-average_score = متوسط الدرجة النهائية (%)
report-measure-median_days = الوسيط لعدد أيام إتمام الدورة
report-measure-attendance_rate = معدل الحضور
report-chart-title = { $measure } حسب { $by }
report-chart-desc = شريط واحد لكل مجموعة؛ ويعرض الجدول أدناه الأرقام نفسها. ولا تُرسم الأعداد الأصغر من أن تُعرض.
err-not_a_date = أدخل التاريخ بالصيغة YYYY-MM-DD (السنة-الشهر-اليوم).
err-period_backwards = تاريخ النهاية يسبق تاريخ البداية.
err-period_too_long = اختر فترة لا تتجاوز 20 سنة.
err-grouping_unknown = اختر طريقة تجميع من القائمة.
err-grouping_needs_by = اختر طريقة التجميع الأولى قبل اختيار الثانية.
err-grouping_repeated = اختر طريقتَي تجميع مختلفتين.
err-measure_unknown = اختر مؤشرًا من القائمة.
err-format_unknown = اختر نمطًا من القائمة.

## The agency's dashboard
nav-admin-dashboard = لوحة المتابعة
dashboard-agency-title = لوحة متابعة الوكالة
dashboard-agency-intro = هذا العام حتى الآن (من { $from } إلى { $to }) مقارنةً بالفترة نفسها من العام الماضي (من { $last_from } إلى { $last_to }).
dashboard-agency-headline = مَن وصلت إليهم الوكالة
dashboard-this-year = هذا العام
dashboard-last-year = العام الماضي
dashboard-learners = المتعلّمون الذين جرى الوصول إليهم
dashboard-countries = البلدان والمناطق
dashboard-ldc_share = النسبة في أقل البلدان نموا
dashboard-women_share = نسبة النساء
dashboard-completions = حالات إتمام الدورات
dashboard-certificates = الشهادات الصادرة
dashboard-by-theme = حسب الموضوع
dashboard-by-sdg = حسب هدف التنمية المستدامة
dashboard-col-theme = الموضوع
dashboard-col-sdg = الهدف
dashboard-chart-title = التسجيلات { $by }: هذا العام (الأشرطة السميكة) والعام الماضي (الأشرطة الرفيعة)
dashboard-chart-desc = زوج من الأشرطة لكل مجموعة؛ ويعرض الجدول أدناه الأرقام. ولا تُرسم الأعداد الأصغر من أن تُعرض.
dashboard-facets-note = قد تندرج الدورة الواحدة ضمن عدة مواضيع وأهداف، لذا لا يساوي مجموع هذه الصفوف المجاميعَ الواردة أعلاه.
dashboard-note-shares = تُحسب النسب من بين المتعلّمين الذين ذكروا بلدهم أو نوع جنسهم؛ وتشير العلامة x إلى نسبة لا تُعرض لأنها قد تكشف عن عدد صغير.
dashboard-more = لمزيد من البيانات، اطّلع على تقرير التعلّم

## Use of the content
report-usage = استخدام المحتوى
report-usage-by-month = المشاهدات والتنزيلات حسب الشهر
report-usage-by-language = المشاهدات حسب النسخة اللغوية للدورات
report-usage-language = النسخة اللغوية
report-usage-course-views = مشاهدات صفحات الدورات
report-usage-lesson-views = مشاهدات الدروس
report-usage-downloads = تنزيلات الملفات
report-usage-none = لم تُحسب أي مشاهدات أو تنزيلات في هذه الفترة.

## Scheduled reports
subscriptions-title = التقارير المجدولة
subscriptions-intro = استلم هذا التقرير بالبريد الإلكتروني، بلغتك، بعد كل أسبوع (من الاثنين إلى الأحد) أو كل شهر.
subscriptions-frequency = التكرار
subscriptions-weekly = كل أسبوع
subscriptions-monthly = كل شهر
subscriptions-subscribe = أرسل إليّ هذا التقرير بالبريد
subscriptions-none = ليست لديك تقارير مجدولة.
subscriptions-stop = إيقاف
subscription-saved = سيُرسَل إليك التقرير بالبريد الإلكتروني بعد كل فترة.
subscription-ended = لن يُرسَل إليك ذلك التقرير بالبريد الإلكتروني بعد الآن.
err-frequency_unknown = اختر كل أسبوع أو كل شهر.
email-report-subject = { $title }
email-report-body = { $title }، { $period }:
email-report-page = اطّلع عليه مع الرسم البياني:
email-report-manage = أوقف تقاريرك المجدولة أو غيّرها:

## Providers
org-field-provider = تقدّم دورات
org-field-provider-hint = الجهة المقدِّمة (مركز تدريب، جامعة) تقدّم دورات عبر هذه البوابة: تحمل دوراتها اسمها في الفهرس وعلى صفحة الدورة وعلى الشهادات، ويدير منسّقوها مجموعاتها.
err-organisation_provides_courses = هناك دورات تذكر هذه المنظمة جهةً مقدِّمة لها: عيّن لها جهة مقدِّمة أخرى أولاً.
err-organisation_not_provider = اختر جهة مقدِّمة من القائمة.
studio-field-provider = الجهة المقدِّمة
studio-field-provider-hint = المنظمة التي تقدّم الدورة. تظهر فوراً في الفهرس وعلى صفحة الدورة وعلى الشهادات الجديدة دون إعادة النشر؛ ويدير منسّقوها مجموعات الدورة.
studio-no-provider = لا أحد (هذه المنصة)
catalog-provider = الجهة المقدِّمة
course-provided-by = تقدّمها
cert-provided-by = تقدّمها
pdf-provided-by = تقدّمها { $provider }
report-provider = الجهة المقدِّمة
report-no-provider = دون جهة مقدِّمة
report-by-provider = الجهة المقدِّمة
members-provided = الدورات التي تقدّمها
members-provided-intro = افتح دورة لإدارة مجموعاتها.
members-provided-report = اقرأ التقرير عن هذه الدورات

# Surveys
err-too_many_survey_questions = للاستبيان 100 سؤال على الأكثر.
survey-title-evaluation = تقييم الدورة
eval-intro = أخبرنا برأيك في الدورة. تُحفظ إجاباتك صفحةً بصفحة، ويمكنك المغادرة والعودة حتى ترسلها.
eval-page-of = الصفحة { $page } من { $pages }
eval-required = إلزامي
eval-optional = اختياري
eval-submit = إرسال التقييم
eval-next = الصفحة التالية
eval-back = الصفحة السابقة
eval-save = الحفظ والإكمال لاحقًا
eval-thanks = شكرًا لك: أُرسل تقييمك لهذه الدورة.
eval-offer = ما رأيك في الدورة؟ يساعد تقييمك على تحسينها.
eval-open = قيّم الدورة
eval-notice-submitted = شكرًا لك: أُرسل تقييمك.
eval-notice-saved = حُفظت إجاباتك. عُد لإكمالها متى شئت.
eval-kind-likert = مقياس الموافقة
eval-kind-single = اختيار واحد
eval-kind-multiple = اختيارات متعددة
eval-kind-rating = تقدير من 0 إلى 10
eval-kind-number = رقم
eval-kind-short_text = نص قصير
eval-kind-long_text = نص طويل
studio-evaluation-open = التقييم
eval-studio-title = تقييم الدورة
survey-studio-intro-evaluation = تُعرض هذه الاستمارة على المتعلمين فور إتمامهم الدورة. تبدأ بأسئلة البنك القياسية القابلة للمقارنة بين الدورات؛ أضف أسئلة الدورة الخاصة.
eval-studio-state = الاستمارة المنشورة والردود
eval-studio-version = الإصدار { $version } منشور
eval-studio-responses = بدأها { $started }، وأرسلها { $submitted }
eval-studio-changed = تتضمن المسودة أدناه تغييرات لا يراها المتعلمون بعد. تبقى الردود التي بدأت على إصدارها.
eval-studio-publish = نشر التغييرات
eval-studio-required = عدم إصدار الشهادة إلا بعد إرسال المتعلم للتقييم
eval-studio-required-hint = تنتظر الشهادات مع عرض السبب للمتعلم؛ وإلغاء هذا الخيار يُصدر الشهادات المنتظرة.
eval-studio-draft = المسودة
eval-studio-from-bank = سؤال قياسي
eval-studio-up = نقل لأعلى
eval-studio-down = نقل لأسفل
eval-studio-make-optional = اجعله اختياريًا
eval-studio-make-required = اجعله إلزاميًا
eval-studio-remove = إزالة
eval-studio-remove-section = إزالة هذه الصفحة الفارغة
eval-studio-add = إضافة سؤال خاص بالدورة
eval-studio-section = الصفحة
eval-studio-kind = نوع الإجابة
eval-studio-text = السؤال
eval-studio-options = الخيارات
eval-studio-options-hint = واحد في كل سطر: الخيارات؛ تسميات المقياس من الأدنى إلى الأعلى؛ تسميتا طرفي التقدير (اختياري).
eval-studio-min = أصغر رقم مقبول (للأرقام فقط)
eval-studio-max = أكبر رقم مقبول (للأرقام فقط)
eval-studio-add-button = إضافة إلى المسودة
eval-studio-bank = إضافة سؤال من البنك
eval-studio-bank-question = سؤال من البنك
eval-studio-add-section = إضافة صفحة
eval-studio-section-title = عنوان الصفحة
certs-held-evaluation_pending = تُصدر شهادتك فور إرسالك تقييم الدورة.
held-reason-evaluation_pending = بانتظار تقييم المتعلم للدورة
err-question_unknown = ليس هذا سؤالًا من هذا الاستبيان.
err-question_not_on_page = هذا السؤال في صفحة أخرى.
err-answer_invalid = اختر إحدى الإجابات المعروضة.
err-answer_out_of_range = أدخل رقمًا ضمن النطاق المطلوب.
err-answer_too_long = هذه الإجابة طويلة جدًا.
err-answer_required = يُرجى الإجابة عن هذا السؤال.
err-page_unknown = هذه الصفحة ليست في الاستمارة.
err-sections_missing = تحتاج الاستمارة إلى صفحة واحدة على الأقل.
err-too_many_sections = للاستمارة 20 صفحة على الأكثر.
err-question_id_repeated = لسؤالين المعرّف نفسه.
err-question_id_invalid = معرّف السؤال الخاص بالاستبيان هو q1 أو q2…
err-bank_question_unknown = هذا السؤال ليس في البنك.
err-options_invalid = أدخل من 2 إلى 12 خيارًا، أو من 2 إلى 11 تسمية للمقياس، أو تسميتَي طرفي التقدير؛ ولا تأخذ الأنواع الأخرى خيارات.
err-bounds_invalid = أدخل أرقامًا، على ألا يتجاوز الأصغرُ الأكبرَ (للأرقام فقط).
results-title-evaluation = تقييمات الدورات
results-title-evaluation-of = تقييم { $course }
results-question = السؤال
results-answer = الإجابة
results-respondents = المجيبون
results-answered = أجابوا
results-answered-count = عدد من أجابوا: { $count }
results-mean = المتوسط
results-nps = صافي نقاط الترويج
results-rates-evaluation = عُرض على { $invited } ممن أتمّوا؛ بدأه { $started } وأرسله { $submitted }.
results-note-small = <{ $threshold }: مجموعة تضم أقل من { $threshold } مجيبين؛ لا تُعرض أيٌّ من أرقامها.
results-figures = الأرقام
results-texts = الإجابات الحرة
results-texts-anonymous = تُعرض الإجابات دون أسماء: هذا الاستبيان مجهول الهوية.
results-texts-named = هذا الاستبيان ليس مجهول الهوية: تُعرض الإجابات مع اسم المجيب.
results-no-texts = لا توجد إجابات بعد.
err-grouping_not_offered = تُجمَّع النتائج بطريقة واحدة في كل مرة.
eval-studio-results = قراءة النتائج
eval-studio-anonymous = مجهول الهوية: تُقرأ الإجابات الحرة دون اسم المجيب
eval-anonymous = تُقرأ إجاباتك دون اسمك.
eval-named = يقرأ محرّرو الدورة إجاباتك مع اسمك.
survey-title-follow_up = متابعة الدورة
follow-up-intro = بعد بضعة أشهر من الدورة: هل تمكّنت من تطبيق ما تعلّمته؟ تُحفظ إجاباتك صفحةً بصفحة.
survey-thanks-evaluation = شكرًا لك: أُرسل تقييمك لهذه الدورة.
survey-thanks-follow_up = شكرًا لك: أُرسلت إجاباتك. أدّى هذا الرابط غرضه.
survey-link-invalid-title = هذا الرابط لا يعمل
survey-link-invalid = الرابط ناقص أو عُدِّل. افتحه مجددًا من الرسالة التي أرسلناها إليك؛ لم يُحفظ شيء.
survey-link-expired-title = انتهت صلاحية هذا الرابط
survey-link-expired = انتهت مهلة الإجابة عن هذه الأسئلة؛ لم يُحفظ شيء. شكرًا لك على أي حال.
survey-studio-title-evaluation = تقييم الدورة
survey-studio-title-follow_up = متابعة الدورة
survey-studio-intro-follow_up = بعد بضعة أشهر من إتمام الدورة، يتلقى كل متعلم بريدًا بلغته فيه رابط إلى هذه الأسئلة يُفتح دون تسجيل الدخول، مع تذكير واحد بعد أسبوعين. تبدأ بأسئلة البنك القياسية.
follow-up-months = عدد الأشهر بعد الإتمام
follow-up-months-hint = من 1 إلى 24؛ والقيمة 0 لا تُرسل أي متابعة.
err-months_invalid = أدخل عددًا صحيحًا من الأشهر بين 0 و24.
err-not_an_evaluation = لا يمكن إلا لتقييم الدورة أن يؤخّر شهادتها.
err-purpose_unknown = اختر التقييم أو المتابعة.
results-title-follow_up = متابعات الدورات
results-title-follow_up-of = متابعة { $course }
results-rates-follow_up = أُرسل إلى { $invited }؛ بدأه { $started } وأرسله { $submitted }.
studio-follow-up-open = المتابعة
email-survey_invitation-subject = بضعة أسئلة عن دورتك بعد بضعة أشهر
email-survey_invitation-body = أتممت قبل بضعة أشهر دورة «{ $course }». أخبرنا في دقائق إن كنت قد تمكّنت من تطبيق ما تعلّمته: تساعد إجاباتك على تحسين الدورة وتُظهر ما يغيّره التدريب. يفتح الرابط أدناه الأسئلة دون تسجيل الدخول، ويعمل حتى { $expires }.
email-survey_reminder-subject = تذكير: بضعة أسئلة عن دورتك
email-survey_reminder-body = ما زلنا نودّ أن نعرف كيف استخدمت ما تعلّمته في «{ $course }». يعمل الرابط أدناه حتى { $expires }.
email-survey-action = الإجابة عن الأسئلة

# Needs assessments
nav-needs = استبيانات الاحتياجات
needs-title = تقييمات الاحتياجات
needs-list-intro = اسأل العاملين في مؤسسة ما، أو الجمهور، عمّا يحتاجون إلى تعلّمه قبل التخطيط للتدريب. يبدأ كل استبيان بالأسئلة المعيارية عن الاحتياجات؛ أضف أسئلتك، وانشره لفتحه، واقرأ النتائج حسب الفئة.
needs-survey-title = العنوان
needs-audience = من يجيب
needs-audience-members = أعضاء المؤسسة بعد تسجيل الدخول (كل من سجّل الدخول، لاستبيانات المنصة)
needs-audience-public = أي شخص لديه الرابط، دون تسجيل الدخول
needs-responses = الردود
needs-instance = المنصة بأكملها
needs-whose = لصالح
needs-new = تقييم احتياجات جديد
needs-create = إنشاء
needs-state-draft-short = مسودة
needs-state-open-short = مفتوح
needs-state-closed-short = مغلق
needs-state-draft = مسودة: انشره لفتحه لتلقي الإجابات.
needs-state-open = مفتوح لتلقي الإجابات.
needs-state-closed = مغلق: لم يعد يتلقى إجابات؛ وتبقى نتائجه متاحة.
needs-share = شارك هذا الرابط:
needs-close = إغلاق أمام الإجابات
needs-reopen = إعادة الفتح
needs-details = العنوان والجمهور
needs-for-you = استبيانات لك
needs-for-you-intro = تساعد إجاباتك على تخطيط التدريب الذي تحتاجه مؤسستك.
needs-intro = أخبرنا بما تحتاج إلى تعلّمه، ليُخطَّط التدريب وفقًا لذلك. تُحفظ إجاباتك صفحةً صفحة؛ ويمكنك المغادرة والعودة حتى الإرسال.
needs-closed-notice = هذا الاستبيان مغلق ولم يعد يتلقى إجابات. شكرًا لاهتمامك.
survey-title-needs = تقييم الاحتياجات
survey-thanks-needs = شكرًا لك: أُرسلت إجاباتك.
survey-studio-title-needs = تقييم الاحتياجات
survey-studio-intro-needs = يبدأ بالأسئلة المعيارية عن الاحتياجات من بنك الأسئلة، وهي قابلة للمقارنة بين المؤسسات؛ أضف أسئلتك. يفتحه النشر لتلقي الإجابات؛ ولا يسري أي تغيير يُنشر لاحقًا إلا على الإجابات الجديدة.
results-title-needs = تقييمات الاحتياجات
results-title-needs-of = تقييم الاحتياجات: { $title }
results-rates-needs = موجّه إلى { $invited } من الأعضاء؛ بدأ { $started }، وأُرسل { $submitted }.
results-rates-needs-public = أُجيب عنه عبر رابطه العام: بدأ { $started }، وأُرسل { $submitted }.
err-survey_alone = تُقرأ نتائج الاستبيان وحدها: احذف الدورة والمجموعة والجهة المقدِّمة.
err-survey_required = اختر تقييم الاحتياجات المراد قراءته.
err-audience_unknown = اختر الأعضاء أو الجمهور.
err-language_unknown = اختر إحدى اللغات الست.
nav-admin-bank = بنك الأسئلة
bank-title = بنك أسئلة الاستبيانات
bank-intro = يمكن لأي استبيان أن يستخدم هذه الأسئلة بالمفتاح نفسه، فتصبح إجاباتها قابلة للمقارنة بين الدورات والمؤسسات. تبدأ الأسئلة المعيارية كل استبيان من نوعها. لا يُعرض السؤال المسحوب على أي استبيان جديد؛ وتحتفظ به الاستبيانات التي تتضمنه.
bank-question = السؤال
bank-key = المفتاح
bank-key-hint = أحرف لاتينية صغيرة وأرقام و_، تبدأ بحرف (إن تُرك فارغًا يُنشأ مفتاح تلقائيًا).
bank-standard = معياري في
bank-retired = مسحوب
bank-retire = سحب
bank-restore = إعادة
bank-add = إضافة سؤال إلى البنك
err-bank_key_invalid = استخدم أحرفًا لاتينية صغيرة وأرقامًا و_، تبدأ بحرف (وليس q متبوعًا برقم).
err-bank_key_taken = يحتوي البنك بالفعل على سؤال بهذا المفتاح.
email-needs_invitation-subject = بضعة أسئلة: ما التدريب الذي تحتاجه؟
email-needs_invitation-body = تسألك مؤسستك عمّا تحتاج إلى تعلّمه، لتخطيط التدريب وفقًا لذلك: «{ $title }». يستغرق ذلك بضع دقائق؛ سجّل الدخول بحسابك للإجابة.
needs-invite = إرساله إلى الأعضاء الذين لم يجيبوا
needs-invite-hint = يتلقى كل عضو رسالة واحدة بلغته؛ ولا تصل إعادة الإرسال إلا إلى من لم تُرسَل إليهم بعد.
needs-notice-invited = الدعوات في طريقها.
eval-studio-change = تعديل
eval-studio-change-question = تعديل السؤال
eval-studio-cancel = إلغاء
