# لماذا استبعد المستورِد سجلات (تقارير الاستيراد).

skip-fts-internal-flow = تدفق داخلي: ينقل أموالًا سبق احتسابها واردةً إلى المكان
skip-fts-outgoing-flow = تدفق صادر: يخرج من المكان
skip-fts-shared-flow = تدفق مشترك: ينسبه FTS إلى عدة أماكن أو سنوات، خارج المجموع الوحيد لهذا المكان
skip-fts-duplicate-flow = معرّف تدفق مكرر: سبقت قراءته في صفحة أخرى
skip-outside-countries = خارج البلدان المختارة
skip-outside-years = خارج السنوات المختارة
skip-no-amounts = لا احتياجات ولا تمويل (كلاهما فارغ أو صفر)
skip-negative-funding = تمويل سالب: استرداد أو تصحيح صافٍ يسجله FTS خارج أي نداء؛ لا يمكن أن تكون مبالغ مجموعة البيانات سالبة
skip-duplicate-row = مكرر: السجل نفسه يرد في موضع سابق من الملف
skip-empty-row = صف فارغ
skip-where-not-selected = لا يستوفي شرط ‎--where‎ في الاستيراد
skip-activity-not-selected = نشاط غير مختار
skip-iati-budget-left-out = صف ميزانية لم يصبح احتياجًا: حلّت محله ميزانية منقّحة، أو تغطي ميزانية أخرى الفترة نفسها، أو قيمته صفر أو غير مقروءة، أو لم تُطلب الميزانيات
skip-duplicate-activity = نشاط مكرر: سبقت قراءة معرّف IATI هذا
skip-aiddata-project-without-amounts = مشروع من AidData بلا مبالغ: لا يذكر الإصدار له أي التزام أو صرف
skip-iati-transaction-type-1 = معاملة من النوع 1 (أموال واردة): أموال مستلمة سبق أن أبلغ عنها مقدّمها التزامًا أو صرفًا
skip-iati-transaction-type-4 = معاملة من النوع 4 (إنفاق): إنفاق النشاط، لا تمويل لمستفيد
skip-iati-transaction-type-5 = معاملة من النوع 5 (دفع فوائد): ليست تمويلًا
skip-iati-transaction-type-6 = معاملة من النوع 6 (سداد قرض): ليست تمويلًا
skip-iati-transaction-type-7 = معاملة من النوع 7 (ردّ نفقات): ليست تعهدًا ولا التزامًا ولا صرفًا
skip-iati-transaction-type-8 = معاملة من النوع 8 (شراء أسهم): ليست تمويلًا
skip-iati-transaction-type-9 = معاملة من النوع 9 (بيع أسهم): ليست تمويلًا
skip-iati-transaction-type-10 = معاملة من النوع 10 (ضمان ائتمان): يضمن قرضًا ولا ينقل أموالًا
skip-outside-recipients = خارج المنطقة أو الجهات المستفيدة المختارة
skip-no-longer-listed = لم يعد مدرجًا في أحدث لقطة (سُحب أو وُصف بطريقة أخرى)
skip-after-until = بعد التاريخ الذي تتوقف عنده هذه النسخة من السلسلة
