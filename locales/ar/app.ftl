# Arabic has six plural categories. Select on PLURAL($n), not $n: Alianzas' PLURAL applies CLDR's
# rule (few: n % 100 = 3..10, many: n % 100 = 11..99), which intl_pluralrules 7.0.2, used by Fluent,
# gets wrong from 103 on (it drops the "% 100").

app-tagline = من يموّل ماذا وأين وكيف: التعاون والمساعدة الدوليان
skip-to-charts = انتقل إلى الرسوم البيانية
language = اللغة
source = المصدر
publisher = الناشر
licence = الترخيص
data-as-of = البيانات حتى
retrieved = تاريخ الاسترجاع
dataset-version = الإصدار
headline-funding = التمويل (الملتزم به + المصروف)
headline-pledged = المتعهد به
headline-donors = المانحون
headline-recipients = المستفيدون
headline-contributions = المساهمات
filters = عوامل التصفية
year-from = من سنة
year-to = إلى سنة
any = الكل
amounts = المبالغ
measure-funding = التمويل (الملتزم به + المصروف)
active-filters = عوامل التصفية النشطة
no-active-filters = لا شيء: تُعرض كل البيانات
clear-all = مسح الكل
remove-filter = إزالة عامل التصفية { $filter }
dim-year = السنة
dim-region = المنطقة
dim-recipient = المستفيد
dim-donor = المانح
dim-obligation = الالتزام
dim-model = نموذج التعاون
dim-kind = نوع المساهمة
dim-status = المرحلة
chart-obligation = التمويل حسب الالتزام
chart-region = التمويل حسب المنطقة
chart-model = التمويل حسب نموذج التعاون
chart-timeline = التمويل عبر الزمن حسب نموذج التعاون
chart-donors = أكبر المانحين
chart-pipeline = من التعهد إلى الصرف
chart-gap = الاحتياجات مقابل التمويل
show-table = عرض البيانات في جدول
hide-table = إخفاء الجدول
total = المجموع
others = أخرى
amount = المبلغ
contributions = المساهمات
share = الحصة
need = الاحتياج
funded = المموَّل
unmet-need = الاحتياج غير الملبّى
coverage = نسبة التغطية
no-data = لا توجد بيانات لهذا الاختيار.
click-to-filter = انقر على عمود أو قطاع للتصفية حسبه.
loading = جارٍ تحميل مجموعة البيانات…
load-failed = تعذّر تحميل مجموعة البيانات { $dataset }.
load-failed-http = أجاب الخادم بالرمز { $status }.
load-failed-network = لم يصل أي رد: تحقق من العنوان ومن اتصالك.
invalid-dataset = في مجموعة البيانات { $dataset } { PLURAL($count) ->
        [one] مشكلة واحدة
        [two] مشكلتان
        [few] { $count } مشكلات
        [many] { $count } مشكلة
       *[other] { $count } مشكلة
    }، لذا لا تُعرض.
showing-bundled = تُعرض مجموعة البيانات المضمّنة بدلًا منها.
back-to-bundled = العودة إلى مجموعة البيانات المضمّنة
problem-at = في { $pointer }
more-problems = … و{ $count } أخرى.
summary-total = المجموع { $total } في { PLURAL($count) ->
        [one] مساهمة واحدة
        [two] مساهمتين
        [few] { $count } مساهمات
        [many] { $count } مساهمة
       *[other] { $count } مساهمة
    }.
summary-largest = ذهبت الحصة الأكبر، { $amount } ({ $share })، إلى { $name }.
summary-timeline = كانت السنة الأعلى تمويلًا { $year } بمبلغ { $amount }.
summary-pipeline = المتعهد به: { $pledged }؛ الملتزم به: { $committed }؛ المصروف: { $disbursed }.
summary-gap = الاحتياجات: { $need }؛ المموَّل: { $funded } ({ $coverage }). أكبر احتياج غير ملبّى هو { $recipient }: { $unmet }.
summary-gap-none = لا تنشر مجموعة البيانات هذه أي احتياجات لهذا الاختيار.
summary-no-data = لا توجد بيانات لهذا الاختيار.
gap-funding-note = المموَّل = الملتزم به + المصروف لخطة كل احتياج أو للمستفيد منه.
dataset-format = صيغة البيانات
json-schema = مخطط JSON
source-code = Alianzas برنامج مفتوح المصدر
unit-millions = ملايين { $currency }
unit-thousands = آلاف { $currency }
unit-ones = { $currency }
unknown-dataset = لا توجد مجموعة بيانات مضمّنة بالمعرّف { $id }.
dataset-picker = مجموعة البيانات
external-dataset = مجموعة بيانات خارجية
generator = استُورد باستخدام
import-report-title = تقرير الاستيراد
report-summary = { PLURAL($read) ->
        [zero] لم يُقرأ أي سجل
        [one] قُرئ سجل واحد
        [two] قُرئ سجلان
        [few] قُرئت { $read } سجلات
        [many] قُرئ { $read } سجلًا
       *[other] قُرئ { $read } سجل
    }: استُورد { $imported }، وتُجوهل { $skipped }، ورُفض { $rejected }.
download-report-csv = تنزيل التقرير (CSV)
skipped = المتجاهلة
report-warnings = مستوردة، لكنها قُرئت بطريقة غير التي يحددها التنسيق
rejected = المرفوضة
records = السجلات
chart-flows = التدفقات: المانح ← نموذج التعاون ← المستفيد
chart-pledges = متابعة التعهدات حسب المانح
summary-flows = أكبر تدفق من { $donor } إلى { $recipient } ({ $model }): { $amount }.
summary-pledges = { PLURAL($donors) ->
        [one] تعهد مانح واحد
        [two] تعهد مانحان
        [few] تعهد { $donors } مانحين
        [many] تعهد { $donors } مانحًا
       *[other] تعهد { $donors } مانح
    } بمبلغ { $pledged }؛ صُرف منه { $disbursed } ({ $share }).
summary-pledges-none = لا تسجل مجموعة البيانات هذه أي تعهدات لهذا الاختيار.
disbursed-share = نسبة المصروف من التعهد
model-rules-title = كيف حُدّدت نماذج التعاون
equity-top = { PLURAL($count) ->
        [one] حصل أكبر مستفيد على
        [two] حصل أكبر مستفيدَين على
        [few] حصل أكبر { $count } مستفيدين على
        [many] حصل أكبر { $count } مستفيدًا على
       *[other] حصل أكبر { $count } مستفيد على
    } { $share } من التمويل.
equity-unfunded = التزامات مُوّلت في سنوات أخرى ولم تموَّل في { $year }: { $obligations }.
equity-all-funded = كل الالتزامات المموَّلة في مجموعة البيانات تتلقى تمويلًا في { $year }.
chart-keyboard-help = استخدم مفاتيح الأسهم للتنقل بين البيانات، وEnter للتصفية، وEscape للخروج.
chart-role = رسم بياني
patterns = أنماط على الرسوم البيانية
embed = تضمين
embed-title = تضمين هذا الرسم البياني في موقع آخر
embed-help = انسخ هذه الشيفرة إلى صفحتك. تعرض عوامل التصفية واللغة الحالية، والإصدار { $version } من البيانات.
direct-link = رابط مباشر
copy = نسخ
copied = تم النسخ
close = إغلاق
cite = طريقة الاستشهاد
cite-text = { $publisher }: «{ $title }»، البيانات حتى { $as_of }، استُرجعت في { $retrieved }. العرض في Alianzas: { $url }
download-csv = الجدول (CSV)
download-png = صورة (PNG)
download-svg = صورة (SVG)
download-data = تنزيل المساهمات المصفّاة:
version-changed = ضُمّن هذا الرسم للإصدار { $embedded } من البيانات؛ يُعرض الإصدار { $shown }.
external-source = بيانات خارجية: { $url }. لم تنشرها Alianzas ولم تراجعها.
open-full-dashboard = افتح في Alianzas
too-large = { $url } أكبر من { $megabytes } ميغابايت، وهو الحد الأقصى الذي تنزّله هذه الصفحة.
user-guide = دليل الاستخدام
dim-period = الفترة
half-year = { $year } ن{ $half }
time-axis = المحور الزمني
years = السنوات
half-years = أنصاف السنوات (حسب التاريخ)
document-root = المستند بأكمله

unit-billions = مليارات { $currency }
period-undated = { $year }، دون تاريخ
summary-timeline-period = الفترة الأكثر تمويلًا كانت { $period }، بمبلغ { $amount }.
summary-selected = المحدد: { $names }، { $amount } ({ $share }).
omit-not-recorded-donor = لا يُعرض «{ $chart }»: هذا المصدر لا يذكر المانح الذي قدّم الأموال.
omit-not-recorded-status = لا يُعرض «{ $chart }»: هذا المصدر لا يفصل التمويل إلى متعهد به وملتزم به ومصروف.
omit-not-recorded-model = لا يُعرض «{ $chart }»: هذا المصدر لا يسجل نماذج التعاون.
omit-not-recorded-obligation = لا يُعرض «{ $chart }»: هذا المصدر لا يسجل الغرض من الأموال.
omit-single = لا يُعرض «{ $chart }»: { $name } يستأثر بكل أموال مجموعة البيانات هذه.
omit-single-year = لا يُعرض «{ $chart }»: كل المساهمات في مجموعة البيانات هذه تخص سنة { $year }.
omit-single-stage = لا يُعرض «{ $chart }»: يبلغ هذا المصدر عن كل المساهمات في مرحلة واحدة هي { $stage }.
omit-no-pledges = لا يُعرض «{ $chart }»: لا تسجل مجموعة البيانات هذه أي تعهدات.
omit-no-needs = لا يُعرض «{ $chart }»: لا تنشر مجموعة البيانات هذه أي احتياجات.
filters-applied = عوامل التصفية: { $filters }
no-filters-applied = كل البيانات، دون عوامل تصفية
charts-left-out = رسوم بيانية لا تُعرض لمجموعة البيانات هذه
headline-not-reported = غير مُبلَّغ عنه
years-swapped = كانت «من سنة» بعد «إلى سنة»: بُدّلت السنتان وتُعرض الفترة { $from }–{ $to }.
export-source = المصدر: { $publisher } · { $licence } · البيانات حتى { $as_of } · الإصدار { $version }
export-link = { $url } · حُفظ في { $date } باستخدام Alianzas
data-version = إصدار البيانات { $version }
selected = محدد
load-blocked = حظرت سياسة الأمان في هذه الصفحة { $url }: يجب أن تستخدم البيانات من المواقع الأخرى عنوان https.
load-cors = أجاب خادم { $url }، لكنه لا يسمح للمواقع الأخرى بقراءة الملف (لا توجد ترويسة CORS). اطلب من مالكه إرسال «Access-Control-Allow-Origin: *» أو ضع الملف بجانب هذا الموقع.
load-not-found = لم يُعثر على شيء في { $url } (404): تحقق من العنوان.
load-not-json = تعذّرت قراءة { $url } كمجموعة بيانات: { $detail }
not-https = { $url } ليس عنوان https: يجب أن تستخدم البيانات من المواقع الأخرى https.
rule-line = { $rule } ← { $code }: { PLURAL($count) ->
        [zero] لا مساهمات
        [one] مساهمة واحدة
        [two] مساهمتان
        [few] { $count } مساهمات
        [many] { $count } مساهمة
       *[other] { $count } مساهمة
    }
model-rules-note = يعدّ كل سطر المساهمات (لا الأموال) حسب القاعدة التي حددت نموذجها.
csv-contribution = معرّف المساهمة
csv-donor-id = معرّف المانح
csv-donor-type = نوع المانح
csv-model-rule = كيف استُنتج النموذج
csv-model-evidence = دليل النموذج
csv-obligation-rule = كيف استُنتج الالتزام
csv-obligation-evidence = دليل الالتزام
obligation-rules-title = كيف استُنتجت الالتزامات
obligation-rules-note = لا يذكر رمز لجنة المساعدة الإنمائية 15250 (الإجراءات المتعلقة بالألغام) أي التزام من التزامات اتفاقية حظر الألغام يخدمه: يسمّيه عنوان النشاط، وإلا وصفه؛ وإذا سُمّي أكثر من التزام قُسّم المبلغ بالتساوي. كل سطر يعدّ المساهمات لا الأموال.
counting-rule = يُحسب كل مبلغ مرة واحدة، في أبعد مرحلة بلغها: ما دُفع يُحسب مصروفًا، وباقي الالتزام ملتزمًا به، وباقي التعهد متعهَّدًا به. التمويل هو الملتزم به + المصروف؛ ولا تُجمع المراحل بعضها إلى بعض أبدًا.
counted-once = يُحسب كل مبلغ مرة واحدة، في أبعد مرحلة بلغها.
chart-pledge-history = متابعة التعهدات عبر الزمن
snapshot-date = تاريخ اللقطة
summary-pledge-history = في { $first } كان { $pledged_first } متعهدًا به ولم يُلتزم به بعد؛ وفي { $last } { $pledged_last }. من أصل { $pledges } من التعهدات المسجلة، تحوّل { $followed } إلى التزامات أو مدفوعات، وما زال { $still } مجرد تعهدات.
omit-no-history = لا يُعرض «{ $chart }»: مجموعة البيانات هذه لا تتابع المساهمات عبر الزمن (فيها لقطة واحدة لا سلسلة).
dim-place = الولاية أو المقاطعة
place-none = غير محدد داخل البلد
chart-map = التمويل حسب البلد المستفيد
chart-places = التمويل حسب الولاية أو المقاطعة
map-class = من { $from } إلى { $to }
omit-no-countries = لا يُعرض «{ $chart }»: الجهات المستفيدة في مجموعة البيانات هذه مناطق وليست بلدانًا.
omit-no-places = لا يُعرض «{ $chart }»: مجموعة البيانات هذه لا تحدد مواقع الأموال داخل البلدان.
map-legend = درجات اللون
map-nothing-recorded = لا يوجد مبلغ مسجَّل لهذا الاختيار
map-unavailable = لا يمكن رسم الخريطة: تعذّر تحميل حدودها. الجدول والجملة أعلاه يقدّمان جميع الأرقام.
summary-places = { $placed } ({ $share } من هذا الاختيار) محدد الموقع في { $count } من الولايات أو المقاطعات في { $country }؛ وأكبر مبلغ، { $amount }، في { $name }.
changes-title = ما الذي تغيّر منذ النسخة { $version } (البيانات حتى { $as_of })
changes-unavailable = تعذّر تحميل النسخة السابقة.
changes-totals = التمويل: { $funding_before } آنذاك، و{ $funding_after } الآن. المتعهد به: { $pledged_before } آنذاك، و{ $pledged_after } الآن.
changes-counts = أُضيفت { $added } مساهمة، ولم تعد { $removed } مدرجة، وتغيّرت { $changed }؛ وانتقلت { $moved } إلى مرحلة أبعد (تعهد أصبح التزامًا أو دفعة).
changes-largest = أكبر التغييرات
changes-before = قبل
changes-after = الآن
# التمويل والتقدم حسب الهدف (خطط ذات أهداف ومؤشرات، الصيغة 1.1).
chart-objectives = التمويل والتقدم حسب الهدف
progress-met = تحقّق الهدف المنشود
progress-towards = يتقدّم نحو الهدف المنشود
progress-short = دون الهدف المنشود
progress-not-measured = بلا هدف منشود أو بلا قيمة فعلية
objective = الهدف
plans-count = الخطط
indicators-count = المؤشرات
unit-indicators = عدد المؤشرات
summary-objectives = الخطط ذات الأهداف: { $plans }. ومن بين مؤشراتها البالغ عددها { $indicators }، { $met } بلغت هدفها، و{ $towards } تقدّمت نحوه انطلاقًا من خط الأساس، و{ $short } بقيت دونه، و{ $unmeasured } بلا هدف منشود أو قيمة فعلية للمقارنة. وحدات المؤشرات مختلفة، لذا لا يُجمع إلا عدد ما بلغ هدفه، لا قيمها.
summary-objectives-money = احتاجت الخطط إلى { $need }؛ والتمويل الذي يسمّيها: { $funded }.
summary-objectives-money-not-reported = احتاجت الخطط إلى { $need }؛ ولا تنشر مجموعة البيانات هذه التمويل حسب الخطة أو الهدف.
summary-objectives-none = لا توجد خطة ذات أهداف لهذا الاختيار.
omit-no-objectives = لا يُعرض «{ $chart }»: لا تعلن مجموعة البيانات هذه أي خطط ذات أهداف.
omit-no-funding = لا يُعرض «{ $chart }»: تنشر مجموعة البيانات هذه احتياجات دون أي تمويل يقابلها (غير مُبلَّغ عنه، وهذا ليس صفرًا).
translated-note = العنوان والوصف مترجمان من الأصل الإنجليزي بواسطة فريق Alianzas.
original-title = العنوان الأصلي

# قائمة الإعدادات (اللغة، الألوان، الأنماط) وقسم «حول هذه البيانات».
settings = الإعدادات
theme = الألوان
theme-system = حسب جهازي
theme-light = فاتحة
theme-dark = داكنة
motion-note = تتبع الرسوم المتحركة إعداد «تقليل الحركة» في جهازك.
about-data = حول هذه البيانات
filters-active = { PLURAL($count) ->
    [zero] لا يوجد عامل تصفية نشط
    [one] عامل تصفية واحد نشط
    [two] عاملا تصفية نشطان
    [few] { $count } عوامل تصفية نشطة
    [many] { $count } عامل تصفية نشطًا
   *[other] { $count } عامل تصفية نشط
}
search-label = ابحث عن جهة مانحة أو مستفيدة أو مكان أو التزام أو نموذج
search-results = { PLURAL($count) ->
    [zero] لا توجد نتائج
    [one] نتيجة واحدة: استخدم الأسهم ثم Enter
    [two] نتيجتان: استخدم الأسهم ثم Enter
    [few] { $count } نتائج: استخدم الأسهم ثم Enter
    [many] { $count } نتيجة: استخدم الأسهم ثم Enter
   *[other] { $count } نتيجة: استخدم الأسهم ثم Enter
}
several-selected = { PLURAL($count) ->
    [two] اثنان محددان
    [few] { $count } محددة
    [many] { $count } محددًا
   *[other] { $count } محدد
}

# المقارنة: من سنتين إلى أربع سنوات أو جهات مانحة أو مستفيدة جنبًا إلى جنب.
compare-title = { $dimension }: جنبًا إلى جنب
compare-two = { $first }: { $first_amount }؛ { $second }: { $second_amount }. لدى { $larger } { $difference } أكثر (أكثر بنسبة { $percent }).
compare-two-only = { $first }: { $first_amount }؛ { $second }: { $second_amount }. { $larger } وحده لديه تمويل هنا.
compare-two-equal = لدى { $first } و{ $second } المبلغ نفسه: { $amount } لكل منهما.
compare-years = من { $earlier } إلى { $later }: { $before } ثم { $after }، أي تغيّر قدره { $change } ({ $percent }).
compare-years-new = من { $earlier } إلى { $later }: لا شيء ثم { $after }.
compare-many = { $list }. لدى الأكبر، { $largest }، { $percent } أكثر من الأصغر، { $smallest }.
compare-pick = للمقارنة، اختر من جهتين إلى أربع جهات مانحة أو مستفيدة في عوامل التصفية أو بالبحث، ثم «قارن جنبًا إلى جنب»؛ أو قارن السنتين الأخيرتين.
compare-years-button = قارن السنتين الأخيرتين
compare-chosen-button = قارن جنبًا إلى جنب: { $names }
compare-close = أغلق المقارنة
compare-partial-year = لا تغطي البيانات سنة { $year } إلا حتى { $as_of }، وهو تاريخ البيانات.

# عرض الفهرس: بطاقة لكل مجموعة بيانات مضمّنة.
catalog-link = كل مجموعات البيانات ({ $count })
catalog-title = مجموعات البيانات
catalog-intro = كل مجموعات البيانات التي تتضمنها هذه الصفحة، من مصادر حقيقية منشورة. افتح إحداها لترى رسومها البيانية.
card-funding = التمويل (الملتزم به + المصروف)
card-required = الاحتياجات
card-records = { PLURAL($count) ->
    [zero] لا مساهمات
    [one] مساهمة واحدة
    [two] مساهمتان
    [few] { $count } مساهمات
    [many] { $count } مساهمة
   *[other] { $count } مساهمة
}
card-as-of = البيانات حتى { $date }
card-open = افتح: { $title }
