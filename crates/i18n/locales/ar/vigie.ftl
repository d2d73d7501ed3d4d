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
report-victims-range = { $best } ({ $low }–{ $high })
report-ranges-note = الأرقام بين قوسين: النطاق بين أدنى تقدير وأعلى تقدير لعدد القتلى حيث تختلف المصادر؛ والرقم الذي يسبقها هو مجموع التقديرات المعتمدة.
report-state-actors-left-out = { $count ->
        [one] استُبعد حدث واحد منسوب إلى قوات حكومية (ليس عملية إرهابية).
        [two] استُبعد حدثان منسوبان إلى قوات حكومية (ليسا عمليتين إرهابيتين).
        [few] استُبعدت { $count } أحداث منسوبة إلى قوات حكومية (ليست عمليات إرهابية).
       *[other] استُبعد { $count } حدثًا منسوبًا إلى قوات حكومية (ليست عمليات إرهابية).
    }
report-state-actors-included = تُحتسب أيضًا الأحداث المنسوبة إلى قوات حكومية.
explain-title = الحوادث وراء كل رقم
explain-row = { $row }، { $month }: { $operations ->
        [zero] لا عمليات
        [one] عملية واحدة
        [two] عمليتان
        [few] { $operations } عمليات
       *[other] { $operations } عملية
    }، { $victims ->
        [zero] لا ضحايا
        [one] ضحية واحدة
        [two] ضحيتان
        [few] { $victims } ضحايا
       *[other] { $victims } ضحية
    }
explain-col-id = المعرّف
explain-col-date = التاريخ
explain-col-place = المكان
explain-col-perpetrator = الجهة المنفذة
explain-col-killed = القتلى
explain-col-wounded = الجرحى
explain-col-kidnapped = المختطفون
explain-col-sources = المصادر
revisions-title = أرقام عُدّلت بعد نشرها
revisions-none = { $months ->
        [one] لم تتغير أرقام الشهر المنشور.
       *[other] لم تتغير أرقام الأشهر المنشورة ({ $months }).
    }
revisions-nothing-published = لم يُنشر أي عدد بعد: لا شيء للمقارنة.
revisions-month = { $month }، { $region } (العدد { $issue })
revisions-operations = { $row }: العمليات
revisions-victims = { $row }: الضحايا
revisions-col-figure = الرقم
revisions-col-published = المنشور
revisions-col-current = اليوم
revisions-col-incidents = الحوادث المعنية
revisions-added = أُضيف
revisions-removed = لم يعد محتسبًا
revisions-changed = { $before } ← { $after } ضحية
revisions-box-note = صُحّحت هذه الأرقام بعد العدد الذي نشرها؛ ويحتسب الجدول أعلاه أرقام اليوم.
report-previous-revised = أرقام { $month } هي أرقام اليوم؛ وكان العدد { $issue } قد نشر: { $operations } عملية و{ $victims } ضحية.
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
national-days-col-message = نص التهنئة
organisation-kind-regional_organisation = منظمة إقليمية
organisation-kind-un_body = هيئة أممية
organisation-kind-government_body = جهة حكومية
organisation-kind-armed_forces = قوات مسلحة
organisation-kind-academic = مؤسسة أكاديمية
organisation-kind-ngo = منظمة غير حكومية
organisation-kind-company = شركة
cooperation-people = مع { $people }
cooperation-activities = { $count ->
    [one] نشاط واحد
    [two] نشاطان
    [few] { $count } أنشطة
   *[other] { $count } نشاطًا
}
cooperation-agreements = { $count ->
    [one] اتفاقية واحدة
    [two] اتفاقيتان
    [few] { $count } اتفاقيات
   *[other] { $count } اتفاقية
}
cooperation-stories = { $count ->
    [one] مقال واحد
    [two] مقالان
    [few] { $count } مقالات
   *[other] { $count } مقالًا
}
cooperation-partner-line = الشريك: { $name }
cooperation-undated = اتفاقيات تاريخها غير مسجل
cooperation-none = لا يرتبط بهذه الجهة أي نشاط أو اتفاقية أو مقال خلال الفترة.
bulletin-missing-text = النسخة { $edition }: يُطبع { $what } باللغة { $used }
bulletin-missing-empty = النسخة { $edition }: { $what } فارغ بكل اللغات
bulletin-missing-note = { $region }: لا توجد ملاحظة تطورات عن { $country }
national-days-rule-register = الأعياد الوطنية للدول الأعضاء التي تحلّ في { $month }، وفق سجل الدول الأعضاء.
national-days-rule-sent = التهاني التي بعث بها التحالف إلى الدول الأعضاء في { $month }، وفق سجل أنشطته.
national-days-none-sent = لا يتضمن سجل الأنشطة أي تهنئة بُعث بها في { $month }.
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
web-login-code-title = العامل الثاني
web-login-code = الرمز
web-login-code-help = اكتب الرمز المكون من ستة أرقام الذي يعرضه تطبيق المصادقة لـ Vigie، أو أحد رموز الاسترداد.
web-login-code-lost = فقدت هاتفك ورموز الاسترداد؟ يمكن لمسؤول إعادة تعيين العامل الثاني.
web-login-code-failed = الرمز خاطئ أو استُخدم من قبل.
web-totp-title = العامل الثاني
web-totp-required = يتطلب دورك عاملاً ثانياً: اضبطه الآن لإتمام تسجيل الدخول.
web-totp-step-scan = امسح رمز QR بتطبيق مصادقة (أو اكتب فيه السر أدناه).
web-totp-step-confirm = اكتب الرمز المكون من ستة أرقام الذي يعرضه التطبيق بعد ذلك، للتأكيد.
web-totp-qr = رمز QR للسر، لتطبيق المصادقة.
web-totp-secret = السر:
web-totp-uri = العنوان للتطبيق:
web-totp-confirm = تأكيد
web-totp-error-code = هذا الرمز لا يطابق السر: تحقق من ساعة هاتفك واكتب الرمز الحالي.
web-totp-done = ضُبط العامل الثاني: من الآن يطلب كل تسجيل دخول رمزاً من التطبيق.
web-totp-recovery-title = رموز الاسترداد
web-totp-recovery-help = احفظ هذه الرموز في مكان آمن بعيداً عن هاتفك. كل رمز يُدخلك مرة واحدة إن فقدت التطبيق. لا تُعرض إلا الآن.
web-totp-continue = متابعة
web-totp-renew-help = تحل رموز الاسترداد الجديدة محل القديمة، مستخدمة كانت أم لا: اكتب رمزاً حالياً من التطبيق.
web-totp-renew = رموز استرداد جديدة
web-totp-renewed = رموز استرداد جديدة: لم تعد الرموز القديمة صالحة.
web-totp-enrolled = العامل الثاني مضبوط منذ
web-totp-codes-left = رموز الاسترداد المتبقية:
web-totp-lost = لاستبدال هاتف مفقود، اطلب من مسؤول إعادة تعيين العامل الثاني، ثم اضبط عاملاً جديداً هنا.
web-totp-none = لا عامل ثانياً.
web-totp-reset = إعادة تعيين العامل الثاني
web-totp-reset-help = لهاتف مفقود: تنتهي جلسات الحساب ويضبط عاملاً ثانياً جديداً (إلزامياً إن تطلّبه دوره).
web-totp-column = العامل الثاني
web-totp-roles-title = العامل الثاني حسب الدور
web-totp-roles-help = تسجل حسابات الدور المحدد هنا الدخول برمز إضافة إلى كلمة المرور؛ ومن ليس لديه عامل ثانٍ يضبطه عند تسجيل دخوله التالي (تنتهي جلساته المفتوحة الآن).
web-totp-roles-legend = الأدوار التي تتطلب عاملاً ثانياً
web-totp-roles-save = حفظ الأدوار
web-yes = نعم
web-no = لا
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
web-audit-latest = الأحدث أولاً، 100 قيد في كل صفحة.
web-when = متى
web-entity = السجل
web-changes = التغييرات
web-detail = التفاصيل
web-error-csrf = انتهت صلاحية هذا النموذج أو لم يأتِ من هذا الموقع. أعد تحميل الصفحة وحاول مجدداً.
web-error-too-large = النموذج كبير جداً.
web-error-timeout = لم يصل النموذج في الوقت المحدد (توقف الاتصال). حاول مجدداً.
web-error-internal = حدث خطأ في الخادم وتم تسجيله.
web-error-busy = عملية أخرى تكتب في قاعدة البيانات (عملية استيراد على الأرجح) ولم يكن بالإمكان انتظارها: لم يُغيَّر أي شيء. أعد المحاولة بعد بضع ثوانٍ.
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
web-field-killed_low = القتلى، التقدير الأدنى
web-field-killed_high = القتلى، التقدير الأعلى
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
web-bulletin-casualty-ranges = طباعة نطاق التقديرات بجانب الرقم، مثل 98 (90–120)
web-bulletin-build = إنشاء العدد
web-bulletin-editorial = الافتتاحية
web-bulletin-editorial-story = مقال الرأي الذي يُطبع أولًا، موقّعًا باسم كاتبه وصفته
web-bulletin-national-days = صفحة الأعياد الوطنية
web-bulletin-national-days-register = العيد الوطني لكل دولة عضو يحلّ في الشهر، وفق سجل الدول الأعضاء
web-bulletin-national-days-sent = التهاني التي بعث بها التحالف (أنشطة الأعياد الوطنية في الشهر مع نص التهنئة)
web-bulletin-highlights = أبرز محطات العام
web-bulletin-highlights-hint = ستة مقالات على الأكثر: الصورة الأولى لكل منها مع تعليقها في صفحة العام.
web-bulletin-no-photos = لا يتضمن أي مقال من مقالات العام صورة.
web-bulletin-tiles = العام بالأرقام
web-bulletin-tiles-hint = اختر الأرقام التي تُعرض، ورقّمها بالترتيب، واكتب تسميتها بكل لغة (تُترك فارغة لاستعمال الكلمات المعتادة). إن لم يُختر شيء: كل أنواع الأنشطة التي أحصاها العام، ثم الشراكات.
web-bulletin-tile-shown = الرقم
web-bulletin-tile-agreements-signed = الاتفاقيات الموقعة خلال العام
web-bulletin-tile-partnerships = الشراكات السارية
web-bulletin-intros = النصوص الافتتاحية
web-bulletin-year-intro = صفحة العام
web-bulletin-partners-intro = صفحة الشركاء
web-bulletin-check = التحقق مما ينقص
web-bulletin-preview-lang = المعاينة باللغة
web-bulletin-preview = معاينة (HTML)
web-bulletin-missing = ما ينقص العدد بعد
web-bulletin-missing-none = لا ينقص شيء: كل نص بلغة نسخته، ولكل دولة في الجداول ملاحظتها.
web-bulletin-error-national-days = تأخذ صفحة الأعياد الوطنية صفوفها من سجل الدول الأعضاء أو من التهاني المرسلة
web-bulletin-error-highlights = لا تتسع لوحة أبرز المحطات لأكثر من ست صور
web-bulletin-error-tile-order = موضع الرقم عدد صحيح
web-bulletin-error-choices = لا يمكن طباعة خيارات التحرير
web-bulletin-error-number = يجب أن يكون العدد رقمًا صحيحًا موجبًا.
web-bulletin-error-month = اكتب الشهر بالصيغة YYYY-MM.
web-bulletin-error-featured = لا توجد مقالة منشورة بهذا المعرّف.
web-bulletin-error-build = تعذّر إنشاء النشرة.
web-nav-groups = الجماعات
web-groups-intro = الجماعات التي تُنسب إليها الحوادث. ولا تحتسب الإحصاءات حوادث القوات الحكومية.
web-groups-id = المعرّف
web-groups-name = الاسم
web-groups-kind = النوع
web-groups-origin = المصدر
web-groups-save = حفظ
group-kind-jihadist = تنظيم جهادي
group-kind-armed_group = جماعة مسلحة أخرى من غير الدول
group-kind-militia = ميليشيا
group-kind-state_forces = قوات حكومية
group-kind-unknown = غير معروف
group-origin-builtin = مرفق مع Vigie
group-origin-added = مضاف
group-origin-imported = أنشأه استيراد
confirm-title = تأكيد الدول الأعضاء لأرقام { $month }
confirm-status-confirmed = مؤكَّد
confirm-status-disputed = معترَض عليه
confirm-status-not_confirmed = لم يؤكَّد بعد
confirm-given = من { $by }، في { $date }
confirm-undone = تغيّرت الأرقام بعد هذا الرأي: فهي تحتاج إلى رأي جديد.
confirm-comment = تعليق (مطلوب للاعتراض)
confirm-confirm = تأكيد هذه الأرقام
confirm-dispute = الاعتراض عليها
confirm-col-country = الدولة
confirm-col-status = الحالة
confirm-error-comment = التعليق طويل جدًا أو يحتوي على حرف غير مرئي.
confirm-error-dispute = اذكر في التعليق ما هو معترَض عليه.
confirm-error-changed = تغيّرت الأرقام منذ فتح الصفحة: راجعها قبل التأكيد.
confirm-footnote = { $mark } أرقام لم تؤكدها الدولة العضو بعد.
bulletin-refused-published = العدد { $label } منشور ومجمَّد: لا يُعاد إنشاؤه أبدًا. التصحيح مراجعةٌ تُنشأ مع سببها؛ فتصبح { $next }، ويبقى { $label } كما نُشر.
bulletin-refused-nothing-to-revise = العدد { $number } غير منشور: لا شيء لمراجعته؛ أنشئه بلا سبب.
bulletin-refused-empty-reason = تتطلب المراجعة ذكر سببها.
bulletin-refused-other-month = يغطي العدد { $label } شهر { $month }: وتغطي مراجعته الشهر نفسه.
web-bulletin-reason = سبب المراجعة (لتصحيح عدد منشور فقط)
web-bulletin-revision = المراجعة { $label }
web-bulletin-revision-of = يراجع { $label }: { $reason }
web-bulletin-published-on = نُشر في { $date } بواسطة { $by }

## web: articles
web-articles = المقالات
web-article-new = مقال جديد
web-article-edit = تعديل هذه النسخة
web-article-id = معرّف المقال
web-article-id-hint = أحرف لاتينية صغيرة وأرقام وشرطات؛ تشترك فيه نسخ المقال الواحد بكل اللغات.
web-article-title = العنوان
web-article-subtitle = العنوان الفرعي
web-article-kind = النوع
web-article-domain = المجال
web-article-domains = المجالات
web-article-language = اللغة
web-article-featured = مقال بارز في النشرة
web-article-yes = نعم
web-article-no = لا
web-article-body = النص (Markdown)
web-article-body-hint = ‏Markdown: ‏**غامق** و*مائل* و[رابط](https://…) وقوائم واقتباسات و## عناوين فرعية. تُعرض شيفرة HTML نصًّا عاديًّا.
web-article-images = الصور
web-article-caption = التعليق
web-article-credit = حقوق الصورة
web-article-author-title = صفة الكاتب
web-article-image-remove = إزالة
web-article-image-add = إضافة صورة
web-article-image-hint = ‏PNG أو JPEG أو SVG، بحدّ أقصى { $max } ميغابايت؛ يُحدَّد النوع من المحتوى لا من اسم الملف.
web-article-preview = معاينة
web-article-save = حفظ
web-article-cancel = إلغاء
web-article-source = النص المراد ترجمته
web-article-versions = النسخ اللغوية
web-article-missing = الترجمة غير متوفرة
web-article-translate = ترجمة
web-article-total = عدد المقالات:
web-article-none = لا يوجد مقال يطابق هذه المرشحات.
web-article-publish = نشر
web-article-unpublish = إعادة إلى المسودة
web-article-status-draft = مسودة
web-article-status-published = منشور
web-article-error-required = هذا الحقل إلزامي.
web-article-error-id = استخدم أحرفًا لاتينية صغيرة وأرقامًا وشرطات فقط (64 على الأكثر)، مثل chiefs-of-staff-meeting.
web-article-error-date = تاريخ غير صالح: اكتبه بالصيغة YYYY-MM-DD.
web-article-error-choice = اختر إحدى القيم المقترحة.
web-article-error-too-long = النص طويل جدًّا: { $max } حرفًا على الأكثر.
web-article-error-one-line = اكتبه في سطر واحد دون علامات جدولة.
web-article-error-images = { $max } صورة على الأكثر لكل نسخة.
web-article-error-images-file = اسم ملف إحدى الصور غير صالح: أزل الصورة ثم أضفها من جديد.
web-article-error-exists = لهذا المقال نسخة بهذه اللغة من قبل: عدّلها بدلًا من ذلك.
web-article-error-image-gone = إحدى الصور لم تعد محفوظة: أضفها من جديد.
web-article-error-image-size = حجم هذه الصورة يتجاوز { $max } ميغابايت.
web-article-error-image-type = هذا الملف ليس صورة PNG أو JPEG أو SVG (بحسب محتواه).
web-article-error-image-svg = يحتوي ملف SVG هذا على أكثر من رسم بسيط (برنامج نصي أو معالج أحداث أو HTML أو DOCTYPE أو رابط خارجي): صدّره من جديد رسمًا بسيطًا.
web-article-error-body-size = حجم النص يتجاوز { $max } ميغابايت.
web-article-error-form-size = حجم الاستمارة يتجاوز 16 ميغابايت: لا يجوز أن يتجاوز حجم الصورة 10 ميغابايت.
web-article-error-form = تعذّرت قراءة الاستمارة: أعد تحميل الصفحة وحاول مرة أخرى.

## web: registers (activities, member states, partners, notes)
web-nav-activities = الأنشطة
web-nav-members = الدول الأعضاء
web-nav-partners = الشركاء
web-nav-organisations = الجهات
web-organisation-name = الجهة
web-organisation-kind = النوع
web-organisation-country = البلد
web-organisation-activities = الأنشطة
web-organisation-partner = شريك
web-organisation-none = سجل الجهات فارغ (vigie organisations import).
web-organisation-from = من شهر
web-organisation-to = إلى شهر
web-organisation-period = عرض الفترة
web-nav-notes = مذكرات المستجدات
web-register-save = حفظ
web-register-cancel = إلغاء
web-register-edit = تعديل
web-register-exists = هذا السجل موجود من قبل.
web-register-id-taken = يحمل سجل آخر هذا المعرّف: اختر معرّفًا آخر.
web-register-changed = عدّل شخص آخر هذا السجل في الأثناء: أعد تحميل الصفحة لرؤية آخر القيم، ثم أعد إدخال تعديلك.
web-activity-new = نشاط جديد
web-activity-edit = تعديل النشاط
web-activity-legend-activity = النشاط
web-activity-legend-counterpart = الطرف المقابل
web-activity-id = المعرّف
web-activity-kind = النوع
web-activity-date = التاريخ
web-activity-end_date = اليوم الأخير
web-activity-title = العنوان
web-activity-title_fr = العنوان بالفرنسية
web-activity-title_en = العنوان بالإنجليزية
web-activity-title_ar = العنوان بالعربية
web-activity-counterpart = الطرف المقابل
web-activity-counterpart_country = بلد الطرف المقابل
web-activity-counterpart_org = جهة الطرف المقابل
web-activity-counterpart_person = الشخص
web-activity-counterpart_title = صفة الشخص
web-activity-domains = مجالات العمل
web-activity-place = المكان
web-activity-description = الوصف
web-activity-counterpart_org_fr = جهة الطرف المقابل بالفرنسية
web-activity-counterpart_org_en = جهة الطرف المقابل بالإنجليزية
web-activity-counterpart_org_ar = جهة الطرف المقابل بالعربية
web-activity-counterpart_title_fr = صفة الشخص بالفرنسية
web-activity-counterpart_title_en = صفة الشخص بالإنجليزية
web-activity-counterpart_title_ar = صفة الشخص بالعربية
web-activity-place_fr = المكان بالفرنسية
web-activity-place_en = المكان بالإنجليزية
web-activity-place_ar = المكان بالعربية
web-activity-description_fr = الوصف بالفرنسية
web-activity-description_en = الوصف بالإنجليزية
web-activity-description_ar = الوصف بالعربية
web-activity-counterpart_person_ar = الشخص المقابل، بالحروف العربية
web-activity-article = المقال (المعرّف)
web-activity-highlight = الترتيب بين أبرز أحداث الشهر
web-activity-organisations = الجهات المقابلة (المعرّفات مفصولة بـ ;)
web-activity-themes = المحاور (وسوم مفصولة بـ ;)
web-activity-people = أشخاص آخرون من الطرف المقابل: شخص في كل سطر، الجهة | الاسم | كتابته بالعربية | اللقب بالفرنسية | بالإنجليزية | بالعربية
web-activity-people-problem = السطر { $line }، { $column }: { $message }
web-activity-people-shown = أشخاص آخرون من الطرف المقابل
web-activity-period = السنة أو الشهر
web-activity-total = الأنشطة الموجودة:
web-activity-none = لا يوجد نشاط يطابق عوامل التصفية هذه.
web-activity-export-people = تصدير الأشخاص الآخرين من الطرف المقابل (CSV)
web-activity-export-jsonl = تصدير بصيغة JSON Lines
web-activity-error-filter = أحد عوامل التصفية غير صالح: اكتب الفترة بالشكل YYYY أو YYYY-MM، واختر نوعًا ومجالًا وبلدًا معروفة.
web-activity-error-country = اختر أحد بلدانك: يُدخل المندوب أنشطة بلدانه فقط.
web-activity-error-id-new = لا يمكن أن يكون «new» معرّفًا لنشاط: اختر معرّفًا آخر.
web-member-new = إضافة دولة عضو
web-member-edit = تعديل الدولة العضو
web-member-country = البلد
web-member-joined = تاريخ الانضمام
web-member-representative_title = صفة الممثل
web-member-days = الأعياد الوطنية
web-member-day = العيد الوطني { $number }
web-member-day-date = اليوم (الشهر-اليوم)
web-member-day-name_fr = الاسم بالفرنسية
web-member-day-name_en = الاسم بالإنجليزية
web-member-day-name_ar = الاسم بالعربية
web-member-none = لم تُسجَّل أي دولة عضو بعد.
web-member-exists = هذا البلد دولة عضو من قبل: عدّله من القائمة.
web-partner-new = إضافة شريك
web-partner-edit = تعديل الشريك
web-partner-id = المعرّف
web-partner-name_fr = الاسم بالفرنسية
web-partner-name_en = الاسم بالإنجليزية
web-partner-name_ar = الاسم بالعربية
web-partner-scope = النطاق
web-partner-kind_fr = نوع الجهة بالفرنسية
web-partner-kind_en = نوع الجهة بالإنجليزية
web-partner-kind_ar = نوع الجهة بالعربية
web-partner-scope-local = محلي
web-partner-scope-regional = إقليمي
web-partner-scope-international = دولي
web-partner-none = لم يُسجَّل أي شريك بعد.
web-agreement-new = إضافة اتفاقية
web-agreement-edit = تعديل الاتفاقية
web-agreement-partner = الشريك
web-agreement-title = الاتفاقية
web-agreement-title_fr = العنوان بالفرنسية
web-agreement-title_en = العنوان بالإنجليزية
web-agreement-title_ar = العنوان بالعربية
web-agreement-signed = تاريخ التوقيع
web-agreement-areas = مجالات التعاون (مفصولة بـ « ; »)
web-agreement-areas_fr = مجالات التعاون بالفرنسية (مفصولة بـ « ; »)
web-agreement-areas_en = مجالات التعاون بالإنجليزية (مفصولة بـ « ; »)
web-agreement-areas_ar = مجالات التعاون بالعربية (مفصولة بـ « ; » وبالترتيب نفسه)
web-agreement-reference = المرجع
web-agreement-none = لا توجد اتفاقية مسجلة مع هذا الشريك.
web-agreement-exists = لدى هذا الشريك اتفاقية بتاريخ التوقيع والعناوين نفسها، أو تغيّرت القائمة في الأثناء: أعد تحميل الصفحة.
web-note-new = مذكرة جديدة
web-note-edit = تعديل المذكرة
web-note-region = المنطقة
web-note-month = الشهر
web-note-country = البلد
web-note-text = المذكرة
web-note-text_fr = المذكرة بالفرنسية
web-note-text_en = المذكرة بالإنجليزية
web-note-text_ar = المذكرة بالعربية
web-note-languages = اللغات
web-note-total = المذكرات الموجودة:
web-note-none = لا توجد مذكرة تطابق عوامل التصفية هذه.
web-note-exists = لهذا البلد مذكرة لهذه المنطقة وهذا الشهر من قبل: عدّلها من القائمة.

## web: incidents — field errors (forms, import reports), edit, import
import-legacy-column = قُرئ العمود { $old } على أنه { $new }، أي النص الإنجليزي؛ ويوضع النصان الفرنسي والعربي في { $fr } و{ $ar }
field-error-required = حقل إلزامي
field-error-invalid-date = ليس تاريخًا صالحًا: اكتبه بالصيغة YYYY-MM-DD
field-error-future-date = تاريخ في المستقبل (تاريخ اليوم { $today })
field-error-before-1900 = تاريخ سابق لعام 1900
field-error-end-before-start = يسبق تاريخ البداية { $start }
field-error-unknown-country = بلد غير معروف: أدخل رمز ISO 3166-1 أو اسم البلد بالعربية أو الفرنسية أو الإنجليزية
field-error-unknown-organisation = جهة غير معروفة: استوردها أولًا إلى سجل الجهات (vigie organisations import)
field-error-unknown-code = رمز غير معروف: استخدم أحد الرموز التالية: { $codes }
field-error-unknown-code-in-list = رمز غير معروف: استخدم أحد الرموز التالية، مع الفصل بينها بـ « ; »: { $codes }
field-error-unknown-group = جماعة منفِّذة غير معروفة: استخدم اسمًا أو اسمًا بديلًا من سجل الجماعات
field-error-negative = يجب أن يكون 0 أو أكثر (اتركه فارغًا إن لم يكن معروفًا)
field-error-range-without-best = يتطلب التقدير الأدنى أو الأعلى وجود التقدير المعتمد في العمود killed
field-error-low-above-best = لا يجوز أن يتجاوز التقدير الأدنى التقدير المعتمد ({ $best })
field-error-high-below-best = لا يجوز أن يقل التقدير الأعلى عن التقدير المعتمد ({ $best })
field-error-not-whole-number = ليس عددًا صحيحًا (اتركه فارغًا إن لم يكن معروفًا)
field-error-not-a-number = ليس رقمًا: اكتب الإحداثية بالدرجات العشرية، مثل 14.35
field-error-out-of-range = خارج النطاق: درجات عشرية بين ‎-{ $limit } و{ $limit }
field-error-missing-pair = { $other ->
        [latitude] ناقص مع أن خط العرض مُدخَل
       *[longitude] ناقص مع أن خط الطول مُدخَل
    }
field-error-geo-precision = يجب أن تكون 1 (المكان بدقة) أو 2 (بالقرب منه، المديرية) أو 3 (المنطقة أو البلد)
field-error-too-long = { $count ->
        [one] يتجاوز حرفًا واحدًا
        [two] يتجاوز حرفين
        [few] يتجاوز { $max } أحرف
        [many] يتجاوز { $max } حرفًا
       *[other] يتجاوز { $max } حرف
    }
field-error-bad-id = { $count ->
        [few] يجب أن يتكون من 1 إلى { $max } أحرف دون مسافات
        [many] يجب أن يتكون من 1 إلى { $max } حرفًا دون مسافات
       *[other] يجب أن يتكون من 1 إلى { $max } حرف دون مسافات
    }
field-error-too-deep = { $count ->
        [one] يتداخل فيه الاقتباس أو القوائم أو التوكيد لأكثر من مستوى واحد (ابتداءً من السطر { $line } من النص): لا يمكن طباعته في أي نشرة
        [two] يتداخل فيه الاقتباس أو القوائم أو التوكيد لأكثر من مستويين (ابتداءً من السطر { $line } من النص): لا يمكن طباعته في أي نشرة
        [few] يتداخل فيه الاقتباس أو القوائم أو التوكيد لأكثر من { $max } مستويات (ابتداءً من السطر { $line } من النص): لا يمكن طباعته في أي نشرة
        [many] يتداخل فيه الاقتباس أو القوائم أو التوكيد لأكثر من { $max } مستوًى (ابتداءً من السطر { $line } من النص): لا يمكن طباعته في أي نشرة
       *[other] يتداخل فيه الاقتباس أو القوائم أو التوكيد لأكثر من { $max } مستوى (ابتداءً من السطر { $line } من النص): لا يمكن طباعته في أي نشرة
    }
field-error-repeated-id = يتكرر أكثر من مرة في هذا الاستيراد: يُدرَج كل حادث مرة واحدة بمعرّفه الخاص (السطر الذي لا معرّف له يُشتق معرّفه من تاريخه وبلده ومكانه والجهة المنفذة والهدف وأسلوب التنفيذ والوصف)
field-error-country-not-allowed = ليس من بلدانك ({ $countries }): لا يستورد المندوب إلا حوادث بلدانه
field-error-already-verified = يخص حادثًا تم التحقق منه: لا يعدّله إلا محلل أو مسؤول
field-error-hidden-character = يحتوي على المحرف غير المرئي { $code } في الموضع { $position }: احذفه
field-error-unknown-id = لا يشير إلى أي حادث يمكن لهذا الاستيراد تعديله: اترك المعرّف فارغًا لإضافة حادث جديد
field-error-dataset-not-allowed = مجموعة بيانات (ACLED أو UCDP GED أو GTD) تشمل كل البلدان: يستورد المحللون مجموعات البيانات؛ أما ملف المندوب فيكون بالصيغة الأصلية وبأسطر بلدانه
field-error-required-code = حقل إلزامي: استخدم أحد الرموز التالية: { $codes }
field-error-day-required-with-name = إلزامي متى أُدخل اسم اليوم: اكتبه بالصيغة MM-DD، مثل 12-02
field-error-invalid-day-or-month = ليس تاريخًا صالحًا: اكتبه بالصيغة YYYY-MM-DD، أو YYYY-MM إن لم يكن اليوم معروفًا
field-error-invalid-month = ليس شهرًا صالحًا: اكتبه بالصيغة YYYY-MM
field-error-invalid-month-day = ليس يومًا من أيام السنة: اكتبه بالصيغة MM-DD، مثل 12-02 (ويُقبل 02-29)
field-error-future-month = شهر في المستقبل (آخر شهر ممكن هو { $latest })
field-error-not-in-region = ليس ضمن جدول مجموعة { $region } لشهر { $month }
field-error-whole-number-from = يجب أن يكون عددًا صحيحًا لا يقل عن { $min }، أو أن يُترك فارغًا
field-error-too-many-images = { $count ->
        [one] أكثر من صورة واحدة
        [two] أكثر من صورتين
        [few] أكثر من { $max } صور
        [many] أكثر من { $max } صورةً
       *[other] أكثر من { $max } صورة
    }
field-error-reserved-character = لا يجوز أن يحتوي على «{ $character }» الذي يفصل بين بيانات الشخص في نموذج الويب
field-error-too-many-people = { $count ->
        [one] أكثر من شخص واحد: يذكر النشاط وفده لا دليلًا
        [two] أكثر من شخصين: يذكر النشاط وفده لا دليلًا
        [few] أكثر من { $max } أشخاص: يذكر النشاط وفده لا دليلًا
        [many] أكثر من { $max } شخصًا: يذكر النشاط وفده لا دليلًا
       *[other] أكثر من { $max } شخص: يذكر النشاط وفده لا دليلًا
    }
field-error-not-one-line = يجب أن يكون سطرًا واحدًا (دون فواصل أسطر أو علامات جدولة)
field-error-control-character = يحتوي على محرف تحكم: احذفه
field-error-at-least-one-of = أدخل واحدًا على الأقل من الحقول التالية: { $columns }
list-and = { $first } و{ $last }
field-error-list-or = { $first } أو { $last }
field-error-in-column = العمود { $column }: { $reason }
field-error-got = { $text } (القيمة المُدخَلة: { $value })
field-error-repeated = مكرَّر: أدخل كل قيمة مرة واحدة
field-error-item-count = يجب أن يضم عدد العناصر نفسه الذي يضمه { $other } وبالترتيب نفسه، لأنه ترجمته ({ $expected })
field-error-bad-slug = { $count ->
        [few] يجب ألا يحتوي إلا على أحرف لاتينية صغيرة وأرقام وشرطات ({ $max } أحرف على الأكثر)، مثل { $example }
        [many] يجب ألا يحتوي إلا على أحرف لاتينية صغيرة وأرقام وشرطات ({ $max } حرفًا على الأكثر)، مثل { $example }
       *[other] يجب ألا يحتوي إلا على أحرف لاتينية صغيرة وأرقام وشرطات ({ $max } حرف على الأكثر)، مثل { $example }
    }
field-error-not-relative = يجب أن يكون مسارًا نسبيًا داخل مجلد المقال
field-error-unknown-group-command-line = جماعة منفِّذة غير معروفة: أضفها بالأمر `vigie groups add ID --name NAME --alias NAME`، أو استورد مع الخيار --new-groups
field-error-empty-file = الملف فارغ: كان متوقعًا أن يبدأ بسطر العناوين
field-error-repeated-column = عمود مكرر في سطر العناوين
field-error-missing-column = عمود إلزامي غير موجود في سطر العناوين
field-error-unknown-column = عمود غير معروف (الأعمدة المعروفة: { $columns })
field-error-unknown-key = مفتاح غير معروف (المفاتيح المعروفة: { $keys })
field-error-field-count = { $count ->
        [one] في السطر حقل واحد بينما عدد أعمدة سطر العناوين { $expected }
        [two] في السطر حقلان بينما عدد أعمدة سطر العناوين { $expected }
        [few] في السطر { $found } حقول بينما عدد أعمدة سطر العناوين { $expected }
        [many] في السطر { $found } حقلًا بينما عدد أعمدة سطر العناوين { $expected }
       *[other] في السطر { $found } حقل بينما عدد أعمدة سطر العناوين { $expected }
    }
field-error-not-utf8 = ليس نصًا صالحًا بترميز UTF-8 (احفظ الملف بترميز UTF-8)
field-error-not-string-number-or-null = يجب أن يكون نصًا أو رقمًا أو null
web-edit = تعديل
web-edit-incident = تعديل الحادث
web-save-changes = حفظ التعديلات
web-edit-verified-note = هذا الحادث تم التحقق منه: بعد تعديله يعود مسودةً ويحتاج إلى موافقة جديدة من محلل آخر.
web-error-edit-conflict = عدّل شخص آخر هذا الحادث بعد فتحك للاستمارة، ولم يُحفظ شيء. قيمك محفوظة أدناه: انسخ ما تحتاج إليه، ثم أعد تحميل الحادث وأعد إدخال تعديلك.
web-import-title = استيراد حوادث
web-import-size = { $mib } ميغابايت
web-import-intro = ملف بصيغة CSV أو JSON Lines الخاصة بـ Vigie، أو ملف مُصدَّر من ACLED أو UCDP GED أو GTD، كما في الأمر vigie import؛ بحجم أقصاه { $size }. الاستيراد افتراضيًا كلّي أو لا شيء: إذا كان في سطر خطأ لا يُكتب شيء. واستيراد الملف نفسه مرة أخرى لا يغيّر شيئًا.
web-import-delegate-note = لا يجوز أن يحتوي استيرادك إلا على حوادث بلدانك ({ $countries }). لتعديل أحد حوادثك، اذكر معرّفه؛ واترك المعرّف فارغًا لحادث جديد. تبقى الحوادث التي تم التحقق منها دون تغيير.
web-import-drafts-note = كل سطر من ملف يُستورد هنا يصبح مسودة مهما كانت قيمة عمود الحالة فيه، ويعتمده شخص آخر غيرك. أما مجموعات البيانات الموثقة (ACLED وUCDP وGTD) فيستوردها المشغّل من سطر الأوامر.
web-import-review-note = مسودات هذا الاستيراد بانتظار اعتماد شخص ثانٍ:
web-import-review-link = مسودات هذا الاستيراد
web-nav-imports = الاستيرادات
web-imports-title = استيرادات بانتظار المراجعة
web-imports-intro = الاستيرادات التي تنتظر مسوداتها الاعتماد. افتح أحدها لاعتماد مسوداته معًا؛ لا يمكنك اعتماد ما استوردته أو عدّلته بنفسك.
web-imports-none = لا يوجد استيراد له مسودات بانتظار المراجعة.
web-imports-run = استيراد
web-imports-drafts = مسودات بانتظار المراجعة
web-imports-approve-column = اعتماد
web-imports-approve = اعتماد المسودات المحددة
web-imports-not-yours = ليس من قِبلك
web-imports-none-approvable = لا يمكنك اعتماد أي من هذه المسودات: أنت من استوردها أو عدّلها، أو أن دورك لا يعتمد.
web-imports-no-drafts = لم تعد لهذا الاستيراد مسودات للمراجعة.
web-imports-none-ticked = حدد مسودة واحدة على الأقل لاعتمادها.
web-imports-forbidden = لم يُعتمد شيء: لا يمكنك اعتماد هذه الحوادث:
web-imports-stale = لم يُعتمد شيء: تغيّرت هذه الحوادث منذ عرض الصفحة؛ أعد قراءتها:
web-review-stale-title = تغيّر منذ أن فتحته
web-review-stale = لم تتم أي مراجعة: تغيّر هذا الحادث منذ أن عرضته صفحتك. إليك ما تغيّر؛ أعد قراءته قبل أن تقرر.
web-review-stale-again = افتح الحادث كما هو الآن
web-import-file = الملف
web-import-format = الصيغة
web-import-format-detect = تُحدَّد من الملف
web-import-format-native = Vigie (CSV أو JSON Lines)
web-import-format-csv = Vigie CSV
web-import-format-jsonl = Vigie JSON Lines
web-import-format-acled = ACLED
web-import-format-ucdp = UCDP GED
web-import-format-gtd = GTD
web-import-skip-invalid = المتابعة: استيراد الأسطر الصحيحة ورفض الأخرى
web-import-new-groups = إنشاء الجماعات المنفِّذة غير الموجودة في السجل
web-import-all-events = ACLED: الإبقاء أيضًا على الاحتجاجات وأعمال الشغب والتطورات الاستراتيجية
web-import-dry-run = التحقق فقط دون كتابة أي شيء
web-import-submit = استيراد
web-import-too-large = حجم الملف يتجاوز { $size }: استورده عبر سطر الأوامر (vigie import).
web-import-unreadable = تعذّرت قراءة الملف: أرسل ملف CSV أو JSON Lines بترميز UTF-8.
web-import-no-file = اختر ملفًا لاستيراده.
web-import-choice = اختر صيغة وحالة من القوائم.
web-import-written = تم تسجيل الاستيراد.
web-import-checked = تم التحقق: لم يُكتب شيء.
web-import-failed = لم يُكتب شيء: { $count ->
        [one] وُجدت مشكلة واحدة
        [two] وُجدت مشكلتان
        [few] وُجدت { $count } مشكلات
       *[other] وُجدت { $count } مشكلة
    }. صحّح الأسطر، أو أعد الاستيراد مع الإبقاء على الأسطر الصحيحة فقط.
web-import-new = جديدة
web-import-updated = مُحدَّثة
web-import-unchanged = دون تغيير
web-import-rejected = مرفوضة
web-import-skipped = مُستبعدة (ليست عمليات إرهابية)
web-import-drafts = مسودات بين الجديدة أو المُحدَّثة
web-import-new-groups-list = جماعات منفِّذة جديدة:
web-import-problems = المشكلات
web-import-line = السطر
web-import-column = العمود
web-import-reason = الخطأ
web-import-value = القيمة المُدخَلة
web-import-more = … و{ $count } مشكلة أخرى: يتضمن ملف الأسطر المرفوضة كل الأسطر المرفوضة.
web-import-rejects = تنزيل الأسطر المرفوضة (ملف CSV مع عمود للسبب، بالإنجليزية)
web-import-again = استيراد ملف آخر
web-import-rejects-gone = لم يعد ملف الأسطر المرفوضة هذا متاحًا (يُحفظ لمدة ساعة).

## web: users and audit log (administrators)
web-role-admin = مسؤول
web-role-analyst = محلل
web-role-editor = محرر
web-role-delegate = مندوب
web-role-viewer = قارئ
web-role-translator = مترجم
web-translations-title = الترجمات
web-translations-into = الكتابة باللغة
web-translations-intro = نصوص السجلات الناقصة بهذه اللغة والمتوفرة بلغة أخرى، مرتبة حسب السجل. وتأتي أولًا النصوص التي يطبعها العدد القادم ({ $month }).
web-translations-none = لا ينقص شيء بهذه اللغة.
web-translations-record = السجل
web-translations-missing = الناقص
web-translations-next-issue = العدد القادم
web-translations-in-issue = يُطبع
web-translations-back = العودة إلى القائمة
web-translation-form-intro = اكتب النصوص باللغة { $lang } إلى جانب صيغها باللغات الأخرى. لا يتغير سوى هذه النصوص، وتبقى حقول السجل الأخرى على حالها.
web-translation-register-activity = الأنشطة
web-translation-register-partner = الشركاء
web-translation-register-agreement = الاتفاقيات
web-translation-register-note = ملاحظات التطورات
web-translation-register-group = الجماعات المنفذة
web-translation-register-theme = المحاور
web-translation-text-label = التسمية
web-translation-register-member = الدول الأعضاء
web-translation-text-national_day = العيد الوطني
web-translation-text-title = العنوان
web-translation-text-counterpart_org = الجهة المقابلة
web-translation-text-counterpart_title = صفة الشخص المقابل
web-translation-text-person_title = لقب
web-translation-text-place = المكان
web-translation-text-description = الوصف
web-translation-text-name = الاسم
web-translation-text-kind = النوع
web-translation-text-areas = المجالات (مفصولة بـ ;)
web-translation-text-text = النص
web-user-add = إضافة مستخدم
web-user-countries = الدول الأعضاء (للمندوبين فقط)
web-user-countries-help = رموز ISO أو أسماء، تفصل بينها فواصل، مثل BF, ML. المندوب وحده له دول.
web-user-password-help = 12 حرفاً على الأقل دون احتساب المسافات؛ بضع كلمات تصنع كلمة مرور جيدة. تُرفض كلمات المرور الشائعة والسلاسل المتتالية والأنماط المكررة.
web-user-password-again = كلمة المرور نفسها مرة أخرى
web-user-saved = حُفظت التغييرات.
web-user-role-title = الدور والدول الأعضاء
web-user-save-role = حفظ الدور
web-user-enable = تفعيل الحساب
web-user-disable = تعطيل الحساب
web-user-disable-help = لا يستطيع الحساب المعطل تسجيل الدخول، وتنتهي جلساته المفتوحة فوراً.
web-user-password-title = كلمة مرور جديدة
web-user-save-password = تعيين كلمة المرور
web-user-full-history = كل تغييرات هذا الحساب في سجل التدقيق
web-user-error-email-empty = اكتب عنوان البريد الإلكتروني.
web-user-error-email-long = عنوان البريد الإلكتروني طويل جداً (254 حرفاً على الأكثر).
web-user-error-email = عنوان البريد الإلكتروني هذا غير صالح: اكتب اسماً ثم @ ثم نطاقاً فيه نقطة، مثل name@example.org.
web-user-error-email-taken = يوجد مستخدم بهذا العنوان بالفعل.
web-user-error-role = اختر أحد الأدوار من القائمة.
web-user-error-delegate = يعمل المندوب لدولة عضو واحدة على الأقل: أعط رمزها، مثل BF.
web-user-error-countries = الدول الأعضاء للمندوبين فقط: اترك هذا الحقل فارغاً لهذا الدور.
web-user-error-country = دولة غير معروفة: أعط رموز ISO (مثل BF, ML) أو أسماء.
web-user-error-password-short = كلمة المرور قصيرة جداً: استخدم 12 حرفاً على الأقل (لا تُحتسب المسافات والحروف غير المرئية).
web-user-error-password-long = كلمة المرور طويلة جداً: استخدم 1024 حرفاً على الأكثر.
web-user-error-password-repeated = تستخدم كلمة المرور أقل من 5 محارف مختلفة: اختر كلمة يصعب تخمينها.
web-user-error-password-email = كلمة المرور هي اسم عنوان البريد الإلكتروني أو تحتويه: اختر غيرها.
web-user-error-password-again = كلمتا المرور مختلفتان.
web-user-error-demote-self = لا يمكنك نزع دور المسؤول عن حسابك: اطلب ذلك من مسؤول آخر.
web-user-error-disable-self = لا يمكنك تعطيل حسابك: اطلب ذلك من مسؤول آخر.
web-user-error-last-admin = هذا التغيير لن يُبقي أي مسؤول نشط.
web-user-error-email-invisible = يحتوي عنوان البريد الإلكتروني على حرف غير مرئي أو حرف لاتجاه الكتابة: اكتبه من جديد بيدك.
web-user-error-email-scripts = يخلط عنوان البريد الإلكتروني بين أبجديات في الجزء الواحد (مثل حرف سيريلي بين حروف لاتينية).
web-user-error-email-unusual = يحتوي عنوان البريد الإلكتروني على حرف من خارج الأبجديات التي تُكتب بها الأسماء (حرف صغير كبير الشكل، رمز صوتي): اكتبه بحروف عادية.
web-user-error-email-confusable = يشبه هذا العنوان عنوان حساب موجود إلى حد الالتباس: اختر عنواناً آخر.
web-user-error-password-common = كلمة المرور هذه من أكثر كلمات المرور شيوعاً: اختر كلمة يصعب تخمينها.
web-user-error-password-common-variant = كلمة المرور هذه كلمة شائعة أضيفت إليها أرقام أو علامات ترقيم: اختر كلمة يصعب تخمينها.
web-user-error-password-pattern = كلمة المرور تكرر نمطاً قصيراً: اختر كلمة يصعب تخمينها.
web-user-error-password-sequence = كلمة المرور سلسلة متتالية من الحروف أو الأرقام أو المفاتيح المتجاورة: اختر كلمة يصعب تخمينها.
web-audit-entity-id = معرّف السجل
web-audit-error-date = اكتب اليوم بالصيغة YYYY-MM-DD.

## web: loose ends (reserved incident ids)
field-error-reserved-id = كلمة محجوزة في عناوين الموقع ({ $words }): اختر معرّفًا آخر

## web: stale edit forms (articles)
web-article-changed = عدّل شخص آخر هذه النسخة من المقال منذ أن فتحتها: نصّك محفوظ أدناه، لكن لم يُسجَّل أي شيء. انسخه، ثم أعد تحميل الصفحة لرؤية آخر نسخة، وأعد إدخال تعديلك.

# web errors
web-error-conflict = عدّل شخص آخر هذا السجل في الأثناء: لم يُحفظ أي شيء. أعد تحميل الصفحة ثم أعد إجراء تعديلك.
web-error-login-required = سجّل الدخول لعرض هذه الصفحة.

## رموز الوصول إلى الواجهة البرمجية
web-error-token-invalid = رمز الوصول هذا غير صالح: مشوّه أو مجهول أو منتهي الصلاحية أو ملغى، أو أن حسابه معطّل.
web-error-token-scope = رمز الوصول هذا للقراءة فقط: الكتابة تتطلب رمزاً بنطاق الكتابة.
web-error-rate-limited = طلبات كثيرة جداً بهذا الرمز: انتظر عدد الثواني المذكور في Retry-After ثم أعد المحاولة.
web-audit-token = رمز الواجهة البرمجية
web-audit-via-token = عبر الرمز { $id }
web-audit-error-token = يُشار إلى الرمز برقمه.
web-tokens-title = رموز الواجهة البرمجية
web-tokens-intro = يتيح رمز الوصول الشخصي لبرنامج (سجل وطني أو برنامج نصي لباحث) استخدام الواجهة البرمجية باسمك: دورك وبلدانك والقواعد نفسها. لا يُعرض إلا مرة واحدة؛ احفظه كما تحفظ كلمة المرور، وألغِه حين لا يعود مستعملاً.
web-token-made = رمزك الجديد. انسخه الآن: لن يُعرض مرة أخرى.
web-token-example = أرسله في ترويسة Authorization:
web-tokens-own = رموزك
web-token-name = الاسم
web-token-name-example = مزامنة السجل الوطني
web-token-scope = النطاق
web-token-starts = يبدأ بـ
web-token-expires = ينتهي في
web-token-last-used = آخر استعمال
web-token-never = أبداً
web-token-revoke = إلغاء
web-tokens-none = لا يوجد رمز.
web-token-new = رمز جديد
web-token-life = مدة الصلاحية
web-token-days = { $days } يوماً
web-token-create = إنشاء الرمز
web-tokens-others = الرموز السارية للحسابات الأخرى
web-token-scope-read = قراءة
web-token-scope-write = قراءة وكتابة
web-token-state-active = ساري
web-token-state-expired = منتهي الصلاحية
web-token-state-revoked = ملغى
web-token-error-name = أعطِ الرمز اسماً (100 حرف على الأكثر) يبيّن الغرض منه.
web-token-error-scope = اختر نطاق الرمز: قراءة، أو قراءة وكتابة.
web-token-error-life = اختر إحدى المدد المعروضة.
web-error-token-required = يتطلب هذا العنوان رمز وصول شخصياً (Authorization: Bearer …) أو جلسة مفتوحة.
api-error-invalid-values = بعض القيم غير صالحة: انظر errors، مدخل لكل حقل.
api-error-parameters = أحد معاملات الطلب غير صالح: انظر errors.
api-error-if-match = بيّن أي نسخة تعدّل: أرسل If-Match مع قيمة ETag التي قرأتها.
api-error-changed = تغيّر السجل منذ قراءتك له: اقرأه من جديد (قيمة ETag الجديدة في هذا الرد) وطبّق تعديلك عليه.
api-error-idempotency-key = يتكون مفتاح Idempotency-Key من 1 إلى 255 حرفاً مرئياً من ASCII.
api-error-idempotency-in-progress = طلب بمفتاح Idempotency-Key هذا لا يزال قيد المعالجة: أعد المحاولة بعد لحظة.
api-error-idempotency-reused = استُعمل مفتاح Idempotency-Key هذا لطلب آخر: استعمل مفتاحاً جديداً لكل طلب جديد.
api-error-media-type = أرسل السجل بصيغة JSON (Content-Type: application/json).
api-error-body = المتن ليس كائن JSON بحقول السجل.
api-error-review-body = المتن فارغ أو كائن JSON فيه حقل "comment".
api-ref-title = الواجهة البرمجية
api-ref-intro = كل ما يفعله شخص على هذه الصفحات يمكن لبرنامج أن يفعله عبر الواجهة البرمجية، بالقواعد نفسها: يتصرف الرمز باسم مستخدمه، بالدور والبلدان نفسها. تأتي السجلات بصيغة JSON بمفاتيح الصيغ الأصلية، والرفض على شكل مشكلات (RFC 9457).
api-ref-document = وثيقة OpenAPI:
api-ref-version = الإصدار
api-ref-auth = رمز وصول شخصي في كل طلب:
api-ref-conventions = القوائم بمؤشر (limit وcursor ورابط next)؛ وسم ETag على كل سجل وIf-Match على كل تعديل؛ Idempotency-Key على الإنشاء؛ حدّ للطلبات لكل رمز (429 مع Retry-After)؛ التواريخ بصيغة ISO 8601.
api-ref-english = أوصاف العمليات هي أوصاف وثيقة OpenAPI، بالإنجليزية.
api-ref-contents = المحتويات
api-ref-schemas = المخططات
api-ref-problems = المشكلات
api-ref-problems-intro = يشير نوع الرفض إلى أحد هذه الأقسام؛ وتُسرد القيم غير الصالحة في errors، لكل منها حقله ورمز ورسالة بلغة الطلب.
api-ref-open = مفتوح للجميع، دون رمز
api-ref-parameter = المعامل
api-ref-in = الموضع
api-ref-type = النوع
api-ref-description = الوصف
api-ref-body = المتن:
api-ref-status = الحالة
api-ref-field = الحقل
api-ref-required = * إلزامي.
api-error-too-large = المتن أكبر مما يقبله هذا العنوان (السجل: 256 كيلوبايت؛ الاستيراد: 20 ميغابايت).
