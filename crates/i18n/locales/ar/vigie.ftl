## Vigie — الفهرس العربي

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
month-year = { $month } { $year }
date-long = { $day } { $month } { $year }
date-day-month = { $day } { $month }

## القطاعات المستهدفة
target-military = القوات المسلحة
target-security = قوات الأمن والشرطة
target-government = الحكومة والمسؤولون
target-civilians = المدنيون
target-religious = الشخصيات والأماكن الدينية
target-education = المؤسسات التعليمية
target-business = الشركات والمحلات التجارية
target-infrastructure = البنية التحتية
target-humanitarian = المنظمات غير الحكومية والعاملون الإنسانيون
target-media = الصحفيون ووسائل الإعلام
target-diplomatic = البعثات الدبلوماسية والدولية
target-armed_groups = الجماعات المسلحة والميليشيات
target-other = أخرى
target-unknown = غير معروف

## أساليب التنفيذ
method-armed_assault = هجوم مسلح
method-ambush = كمين
method-explosive = عبوة ناسفة أو لغم
method-suicide = هجوم انتحاري
method-indirect_fire = قصف غير مباشر (هاون وصواريخ)
method-drone = هجوم بطائرة مسيّرة
method-kidnapping = اختطاف
method-hostage_taking = احتجاز رهائن
method-assassination = اغتيال
method-facility_attack = هجوم على منشآت وحرق
method-other = أخرى
method-unknown = غير معروف

status-draft = مسودة
status-verified = موثّق

## التقرير الشهري
report-title = الإرهاب في { $region } خلال شهر { $month }
report-col-country = الدولة
report-col-operations = العمليات الإرهابية
report-col-victims = الضحايا (القتلى والجرحى)
report-col-operations-short = العمليات
report-col-victims-short = الضحايا
report-total = المجموع
report-summary = خلال شهر { $month }، سُجِّل في { $region } { $operations ->
        [up] ارتفاع في العمليات الإرهابية ({ $operations_pct })
        [down] انخفاض في العمليات الإرهابية ({ $operations_pct })
        [new] ارتفاع في العمليات الإرهابية بعد شهر خالٍ منها
        [none] خلوّ من العمليات الإرهابية
       *[same] استقرار في عدد العمليات الإرهابية
    } و{ $victims ->
        [up] ارتفاع في عدد القتلى والجرحى ({ $victims_pct })
        [down] انخفاض في عدد القتلى والجرحى ({ $victims_pct })
        [new] ارتفاع في عدد القتلى والجرحى بعد شهر بلا ضحايا
        [none] عدم سقوط قتلى أو جرحى
       *[same] استقرار في عدد القتلى والجرحى
    } مقارنة بشهر { $previous }.
report-by-target = القطاعات المستهدفة بالعمليات الإرهابية
report-by-perpetrator = العمليات الإرهابية والضحايا حسب الجهة المنفذة
report-by-method = الضحايا حسب أسلوب التنفيذ
report-breakdown-key = الفئة
report-no-operations = لا توجد عمليات إرهابية هذا الشهر.
report-unknown-casualties = { $count ->
        [one] عملية واحدة في { $month } حصيلتها غير معروفة (احتُسبت صفراً).
        [two] عمليتان في { $month } حصيلتهما غير معروفة (احتُسبتا صفراً).
        [few] { $count } عمليات في { $month } حصيلتها غير معروفة (احتُسبت صفراً).
       *[other] { $count } عملية في { $month } حصيلتها غير معروفة (احتُسبت صفراً).
    }
report-drafts-included = تشمل الأرقام الحوادث غير الموثّقة (المسودات).
report-verified-only = الحوادث الموثّقة فقط.
report-former-members = يشمل الجدول أعضاء سابقين كما تعرضهم المجموعة: { $members }.
report-former-member = { $country } (حتى { $until })
report-excluded-members = خارج الجدول (ليست عضواً في ذلك الشهر): { $members }.
report-future-member = { $country } (ابتداءً من { $from })

## الرسوم البيانية
chart-legend-operations = العمليات الإرهابية
chart-legend-victims = القتلى والجرحى
chart-axis-operations = عدد العمليات الإرهابية
chart-axis-victims = عدد القتلى والجرحى
chart-axis-count = العدد
month-short-1 = يناير
month-short-2 = فبراير
month-short-3 = مارس
month-short-4 = أبريل
month-short-5 = مايو
month-short-6 = يونيو
month-short-7 = يوليو
month-short-8 = أغسطس
month-short-9 = سبتمبر
month-short-10 = أكتوبر
month-short-11 = نوفمبر
month-short-12 = ديسمبر
chart-trend-title = التطور خلال اثني عشر شهراً
chart-map-title = حوادث { $month }
chart-map-exact = موقع دقيق
chart-map-approximate = موقع تقريبي
chart-map-region = المنطقة فقط
chart-map-size = القتلى والجرحى:
chart-map-counts = الحوادث المعروضة: { $shown }، بدون إحداثيات: { $missing }

## الأعياد الوطنية للدول الأعضاء
national-days-title = الأعياد الوطنية للدول الأعضاء في { $month }
national-days-col-date = التاريخ
national-days-col-country = الدولة العضو
national-days-col-name = المناسبة الوطنية
national-days-none = لا يحلّ العيد الوطني لأي دولة عضو في { $month }.
national-days-observed = { $country }: يُحتفى بالعيد الوطني الموافق { $day } يوم { $date }، لأن سنة { $year } ليست كبيسة.

## الأنشطة: أنواعها (بحسب العدد $count)، حصاد العام بالأرقام، أبرز المحطات
activity-kind-delegation_received = { $count ->
        [one] وفد زائر
        [two] وفدان زائران
       *[other] الوفود الزائرة
    }
activity-kind-visit_abroad = { $count ->
        [one] زيارة خارجية
        [two] زيارتان خارجيتان
       *[other] الزيارات الخارجية
    }
activity-kind-conference = { $count ->
        [one] مؤتمر
        [two] مؤتمران
       *[other] المؤتمرات
    }
activity-kind-workshop = { $count ->
        [one] ورشة عمل
        [two] ورشتا عمل
       *[other] ورش العمل
    }
activity-kind-training = { $count ->
        [one] دورة تدريبية
        [two] دورتان تدريبيتان
       *[other] الدورات التدريبية
    }
activity-kind-internal_activity = { $count ->
        [one] نشاط داخلي
        [two] نشاطان داخليان
       *[other] الأنشطة الداخلية
    }
activity-kind-national_day = { $count ->
        [one] مناسبة وطنية
        [two] مناسبتان وطنيتان
       *[other] المناسبات الوطنية
    }
activity-kind-delegate_accredited = { $count ->
        [one] مندوب معتمد
        [two] مندوبان معتمدان
       *[other] المندوبون المعتمدون
    }
activity-kind-agreement_signed = { $count ->
        [one] توقيع اتفاقية
        [two] توقيع اتفاقيتين
       *[other] توقيع الاتفاقيات
    }
activity-kind-exhibition = { $count ->
        [one] معرض
        [two] معرضان
       *[other] المعارض
    }
activity-kind-meeting = { $count ->
        [one] اجتماع
        [two] اجتماعان
       *[other] الاجتماعات
    }
year-title = عام { $year } بالأرقام
year-col-category = الفئة
year-col-count = العدد
year-agreements-signed = { $count ->
        [one] اتفاقية موقّعة في عام { $year }
        [two] اتفاقيتان موقّعتان في عام { $year }
       *[other] الاتفاقيات الموقّعة في عام { $year }
    }
year-agreements-total = إجمالي اتفاقيات الشراكة حتى نهاية عام { $year }
timeline-title-year = أبرز محطات عام { $year }
timeline-title-month = أبرز محطات { $month }
timeline-none-year = لا توجد محطات بارزة مسجّلة لعام { $year }.
timeline-none-month = لا توجد محطات بارزة مسجّلة في { $month }.

## النشرة
bulletin-issue-line = العدد { $number } · { $month }
bulletin-contents = المحتويات
bulletin-continued = التتمة في الصفحة
bulletin-page = الصفحة
bulletin-news = أخبار
bulletin-statistics = الإرهاب في المناطق
bulletin-about = عن { $organisation }
bulletin-footer = { $publication } · العدد { $number } · { $month }
bulletin-byline = بقلم { $author }
bulletin-translation-missing = لا تتوفر لهذه المادة نسخة { $missing } بعد؛ تُنشر النسخة { $printed }.
bulletin-notes-title = أبرز التطورات السياسية والأمنية
bulletin-agreements-title = الاتفاقيات الموقعة في { $month }
bulletin-agreements-areas = مجالات التعاون
bulletin-partners-title = شركاؤنا
bulletin-partners-count = { $count ->
        [one] شريك واحد
        [two] شريكان
        [few] { $count } شركاء
        [many] { $count } شريكًا
       *[other] { $count } شريك
    }
bulletin-partnerships = { $count ->
        [one] شراكة
        [two] شراكتان
        [few] شراكات
       *[other] شراكة
    }
lang-fr = الفرنسية
lang-en = الإنجليزية
lang-ar = العربية
article-kind-news = خبر
article-kind-opinion = رأي
article-kind-feature = ملف
domain-ideological = المجال الفكري
domain-communication = المجال الإعلامي
domain-counter_financing = محاربة تمويل الإرهاب
domain-military = المجال العسكري

## تطبيق الويب

web-app-name = Vigie
web-nav = القائمة الرئيسية
web-nav-dashboard = لوحة المتابعة
web-nav-users = المستخدمون
web-nav-audit = سجل التدقيق
web-language = اللغة
web-lang-fr = Français
web-lang-en = English
web-lang-ar = العربية
web-login = تسجيل الدخول
web-login-submit = دخول
web-logout = تسجيل الخروج
web-email = البريد الإلكتروني
web-password = كلمة المرور
web-login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
web-login-too-many = محاولات فاشلة كثيرة: أعد المحاولة بعد 15 دقيقة.
web-home-title = الصفحة الرئيسية
web-home-intro = الإحصاءات المنشورة للعمليات الإرهابية، من الحوادث المتحقق منها فقط.
web-no-data = لا توجد حوادث متحقق منها بعد.
web-back-home = العودة إلى الصفحة الرئيسية
web-region = المنطقة
web-month = الشهر
web-show = عرض
web-role = الدور
web-countries = الدول
web-state = الحالة
web-created = تاريخ الإنشاء
web-active = نشط
web-disabled = معطل
web-actor = من
web-action = الإجراء
web-filter = تصفية
web-audit-latest = آخر 100 قيد، الأحدث أولاً.
web-when = متى
web-entity = السجل
web-changes = التغييرات
web-detail = التفاصيل
web-error-csrf = انتهت صلاحية هذا النموذج أو لم يأتِ من هذا الموقع. أعد تحميل الصفحة وحاول مجدداً.
web-error-too-large = النموذج كبير جداً.
web-error-internal = حدث خطأ في الخادم وتم تسجيله.
web-error-forbidden = ليس لديك حق الوصول إلى هذه الصفحة.
web-error-not-found = هذه الصفحة غير موجودة.
web-error-region = منطقة غير معروفة.
web-error-month = يُكتب الشهر بالصيغة YYYY-MM.
web-nav-incidents = الحوادث
web-new-incident = حادثة جديدة
web-search = بحث
web-from = من
web-to = إلى
web-any = الكل
web-total = الحوادث الموجودة:
web-page = الصفحة
web-sort-asc = الأقدم أولاً
web-sort-desc = الأحدث أولاً
web-previous = السابق
web-next = التالي
web-export-csv = تصدير CSV
web-export-geojson = تصدير GeoJSON
web-no-incidents = لا توجد حادثة تطابق هذه المرشحات.
web-history = السجل
web-author = الكاتب
web-approve = اعتماد
web-reject = رفض
web-comment = تعليق
web-review-comment = تعليق آخر رفض
web-save-draft = حفظ كمسودة
web-form-invalid = بعض الحقول تحتاج إلى تصحيح.
web-error-filter = أحد المرشحات غير صالح (بلد أو جماعة أو رمز غير معروف، أو تاريخ غير مكتوب بصيغة YYYY-MM-DD).
web-error-duplicate = توجد حادثة بهذه القيم بالفعل.
web-error-comment = يتطلب الرفض تعليقاً.
web-error-verified = هذه الحادثة موثقة بالفعل.
web-field-id = المعرف
web-field-date = التاريخ
web-field-date_end = تاريخ النهاية
web-field-date_precision = دقة التاريخ
web-field-country = البلد
web-field-admin1 = المنطقة الإدارية
web-field-location = المكان
web-field-latitude = خط العرض
web-field-longitude = خط الطول
web-field-geo_precision = الدقة الجغرافية
web-field-perpetrator = الجهة المنفذة
web-field-target = الهدف
web-field-method = أسلوب التنفيذ
web-field-killed = القتلى
web-field-wounded = الجرحى
web-field-kidnapped = المختطفون
web-field-perpetrators_killed = المهاجمون القتلى
web-field-description = الوصف
web-field-sources = المصادر
web-field-status = الحالة

## Bulletins (web)
web-bulletins = النشرات
web-bulletin-number = العدد
web-bulletin-month = الشهر
web-bulletin-status = الحالة
web-bulletin-files = الملفات
web-bulletin-published = منشور
web-bulletin-draft = مسودة
web-bulletin-publish = نشر
web-bulletin-none = لا توجد نشرة منشورة.
web-bulletin-compose = إعداد عدد
web-bulletin-show-articles = عرض مقالات الشهر
web-bulletin-featured = المقالات البارزة
web-bulletin-position = الترتيب
web-bulletin-no-articles = لا توجد مقالات منشورة في هذا الشهر.
web-bulletin-featured-list = أو معرّفاتها مفصولة بفواصل
web-bulletin-regions = المناطق
web-bulletin-year-review = حصيلة العام
web-bulletin-build = إنشاء العدد
web-bulletin-error-number = يجب أن يكون العدد رقمًا صحيحًا موجبًا.
web-bulletin-error-month = اكتب الشهر بالصيغة YYYY-MM.
web-bulletin-error-featured = لا توجد مقالة منشورة بهذا المعرّف.
web-bulletin-error-build = تعذّر إنشاء النشرة.
