//! Every user-facing string of the dashboard and the CLI summaries, in the four languages.
//! `Msg` is an enum and `Tr` has one field per language, so a missing key or translation does not
//! compile. Placeholders are `{0}`, `{1}`, ... filled by `fill`.

use super::lang::{Lang, Tr};
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    AppTagline,
    SkipToCharts,
    Language,
    Source,
    Publisher,
    Licence,
    DataAsOf,
    Retrieved,
    DatasetVersion,
    HeadlineFunding,
    HeadlinePledged,
    HeadlineDonors,
    HeadlineRecipients,
    HeadlineContributions,
    Filters,
    YearFrom,
    YearTo,
    Any,
    Amounts,
    MeasureFunding,
    ActiveFilters,
    NoActiveFilters,
    ClearAll,
    RemoveFilter,
    DimYear,
    DimRegion,
    DimRecipient,
    DimDonor,
    DimObligation,
    DimModel,
    DimKind,
    DimStatus,
    ChartObligation,
    ChartRegion,
    ChartModel,
    ChartTimeline,
    ChartDonors,
    ChartPipeline,
    ChartGap,
    ShowTable,
    HideTable,
    Total,
    Others,
    Amount,
    Contributions,
    Share,
    Need,
    Funded,
    UnmetNeed,
    Coverage,
    NoData,
    ClickToFilter,
    Loading,
    LoadFailed,
    LoadFailedHttp,
    LoadFailedNetwork,
    InvalidDataset,
    ShowingBundled,
    BackToBundled,
    ProblemAt,
    MoreProblems,
    SummaryTotal,
    SummaryLargest,
    SummaryTimeline,
    SummaryPipeline,
    SummaryGap,
    SummaryGapNone,
    SummaryNoData,
    GapFundingNote,
    DatasetFormat,
    JsonSchema,
    SourceCode,
    DocumentRoot,
    UnitMillions,
    UnitThousands,
    UnitOnes,
    Loaded,
    ChartRegionHint,
    UnknownDataset,
    DatasetPicker,
    ExternalDataset,
    Generator,
    ImportReportTitle,
    ReportSummary,
    DownloadReportCsv,
    Skipped,
    Rejected,
    Records,
    ChartFlows,
    ChartPledges,
    SummaryFlows,
    SummaryPledges,
    SummaryPledgesNone,
    DisbursedShare,
    ModelRulesTitle,
    EquityTop,
    EquityUnfunded,
    EquityAllFunded,
    ChartKeyboardHelp,
    ChartRole,
    Patterns,
    Embed,
    EmbedTitle,
    EmbedHelp,
    DirectLink,
    Copy,
    Copied,
    Close,
    Cite,
    CiteText,
    DownloadCsv,
    DownloadPng,
    DownloadSvg,
    DownloadData,
    VersionChanged,
    ExternalSource,
    OpenFullDashboard,
    NotHttp,
    TooLarge,
    UserGuide,
}

impl Msg {
    pub fn tr(self) -> Tr {
        use Msg::*;
        match self {
            AppTagline => tr!("Quién financia qué, dónde y cómo: cooperación y asistencia internacional", "Who funds what, where and how: international cooperation and assistance", "Qui finance quoi, où et comment : coopération et assistance internationales", "من يموّل ماذا وأين وكيف: التعاون والمساعدة الدوليان"),
            SkipToCharts => tr!("Saltar a los gráficos", "Skip to the charts", "Aller aux graphiques", "انتقل إلى الرسوم البيانية"),
            Language => tr!("Idioma", "Language", "Langue", "اللغة"),
            Source => tr!("Fuente", "Source", "Source", "المصدر"),
            Publisher => tr!("Editor", "Publisher", "Éditeur", "الناشر"),
            Licence => tr!("Licencia", "Licence", "Licence", "الترخيص"),
            DataAsOf => tr!("Datos al", "Data as of", "Données au", "البيانات حتى"),
            Retrieved => tr!("Descargado el", "Retrieved", "Téléchargé le", "تاريخ الاسترجاع"),
            DatasetVersion => tr!("Versión", "Version", "Version", "الإصدار"),
            HeadlineFunding => tr!("Financiación (comprometida + desembolsada)", "Funding (committed + disbursed)", "Financement (engagé + décaissé)", "التمويل (الملتزم به + المصروف)"),
            HeadlinePledged => tr!("Prometido", "Pledged", "Annoncé", "المتعهد به"),
            HeadlineDonors => tr!("Donantes", "Donors", "Donateurs", "المانحون"),
            HeadlineRecipients => tr!("Receptores", "Recipients", "Bénéficiaires", "المستفيدون"),
            HeadlineContributions => tr!("Contribuciones", "Contributions", "Contributions", "المساهمات"),
            Filters => tr!("Filtros", "Filters", "Filtres", "عوامل التصفية"),
            YearFrom => tr!("Desde el año", "From year", "De l'année", "من سنة"),
            YearTo => tr!("Hasta el año", "To year", "À l'année", "إلى سنة"),
            Any => tr!("Todos", "All", "Tous", "الكل"),
            Amounts => tr!("Importes", "Amounts", "Montants", "المبالغ"),
            MeasureFunding => tr!("Financiación (comprometida + desembolsada)", "Funding (committed + disbursed)", "Financement (engagé + décaissé)", "التمويل (الملتزم به + المصروف)"),
            ActiveFilters => tr!("Filtros activos", "Active filters", "Filtres actifs", "عوامل التصفية النشطة"),
            NoActiveFilters => tr!("Ninguno: se muestran todos los datos", "None: showing all data", "Aucun : toutes les données sont affichées", "لا شيء: تُعرض كل البيانات"),
            ClearAll => tr!("Quitar todos", "Clear all", "Tout effacer", "مسح الكل"),
            RemoveFilter => tr!("Quitar el filtro {0}", "Remove filter {0}", "Retirer le filtre {0}", "إزالة عامل التصفية {0}"),
            DimYear => tr!("Año", "Year", "Année", "السنة"),
            DimRegion => tr!("Región", "Region", "Région", "المنطقة"),
            DimRecipient => tr!("Receptor", "Recipient", "Bénéficiaire", "المستفيد"),
            DimDonor => tr!("Donante", "Donor", "Donateur", "المانح"),
            DimObligation => tr!("Obligación", "Obligation", "Obligation", "الالتزام"),
            DimModel => tr!("Modelo de cooperación", "Cooperation model", "Modèle de coopération", "نموذج التعاون"),
            DimKind => tr!("Tipo de aporte", "Kind", "Nature", "نوع المساهمة"),
            DimStatus => tr!("Etapa", "Stage", "Étape", "المرحلة"),
            ChartObligation => tr!("Financiación por obligación", "Funding by obligation", "Financement par obligation", "التمويل حسب الالتزام"),
            ChartRegion => tr!("Financiación por región", "Funding by region", "Financement par région", "التمويل حسب المنطقة"),
            ChartModel => tr!("Financiación por modelo de cooperación", "Funding by cooperation model", "Financement par modèle de coopération", "التمويل حسب نموذج التعاون"),
            ChartTimeline => tr!("Financiación por año y modelo de cooperación", "Funding over time by cooperation model", "Financement par année et modèle de coopération", "التمويل عبر الزمن حسب نموذج التعاون"),
            ChartDonors => tr!("Principales donantes", "Top donors", "Principaux donateurs", "أكبر المانحين"),
            ChartPipeline => tr!("De la promesa al desembolso", "From pledge to disbursement", "De l'annonce au décaissement", "من التعهد إلى الصرف"),
            ChartGap => tr!("Necesidades frente a financiación", "Need vs funded", "Besoins et financement", "الاحتياجات مقابل التمويل"),
            ShowTable => tr!("Ver los datos en una tabla", "Show the data as a table", "Voir les données en tableau", "عرض البيانات في جدول"),
            HideTable => tr!("Ocultar la tabla", "Hide the table", "Masquer le tableau", "إخفاء الجدول"),
            Total => tr!("Total", "Total", "Total", "المجموع"),
            Others => tr!("Otros", "Others", "Autres", "أخرى"),
            Amount => tr!("Importe", "Amount", "Montant", "المبلغ"),
            Contributions => tr!("Contribuciones", "Contributions", "Contributions", "المساهمات"),
            Share => tr!("Proporción", "Share", "Part", "الحصة"),
            Need => tr!("Necesidad", "Need", "Besoin", "الاحتياج"),
            Funded => tr!("Financiado", "Funded", "Financé", "المموَّل"),
            UnmetNeed => tr!("Necesidad no cubierta", "Unmet need", "Besoin non couvert", "الاحتياج غير الملبّى"),
            Coverage => tr!("Cobertura", "Coverage", "Couverture", "نسبة التغطية"),
            NoData => tr!("No hay datos para esta selección.", "No data for this selection.", "Aucune donnée pour cette sélection.", "لا توجد بيانات لهذا الاختيار."),
            ClickToFilter => tr!("Pulse una barra o un sector para filtrar por él.", "Click a bar or slice to filter by it.", "Cliquez sur une barre ou un secteur pour filtrer.", "انقر على عمود أو قطاع للتصفية حسبه."),
            Loading => tr!("Cargando el conjunto de datos…", "Loading the dataset…", "Chargement du jeu de données…", "جارٍ تحميل مجموعة البيانات…"),
            LoadFailed => tr!("No se pudo cargar el conjunto de datos {0}.", "Could not load the dataset {0}.", "Impossible de charger le jeu de données {0}.", "تعذّر تحميل مجموعة البيانات {0}."),
            LoadFailedHttp => tr!("El servidor respondió {0}.", "The server answered {0}.", "Le serveur a répondu {0}.", "أجاب الخادم بالرمز {0}."),
            LoadFailedNetwork => tr!("No hubo respuesta: compruebe la dirección y su conexión.", "There was no answer: check the address and your connection.", "Aucune réponse : vérifiez l'adresse et votre connexion.", "لم يصل أي رد: تحقق من العنوان ومن اتصالك."),
            InvalidDataset => tr!("El conjunto de datos {0} tiene {1} problema(s); no se muestra.", "The dataset {0} has {1} problem(s), so it is not shown.", "Le jeu de données {0} présente {1} problème(s) ; il n'est pas affiché.", "في مجموعة البيانات {0} عدد {1} من المشكلات، لذا لا تُعرض."),
            ShowingBundled => tr!("Se muestra el conjunto de datos incluido.", "Showing the bundled dataset instead.", "Le jeu de données intégré est affiché à la place.", "تُعرض مجموعة البيانات المضمّنة بدلًا منها."),
            BackToBundled => tr!("Volver al conjunto de datos incluido", "Back to the bundled dataset", "Revenir au jeu de données intégré", "العودة إلى مجموعة البيانات المضمّنة"),
            ProblemAt => tr!("en {0}", "at {0}", "à {0}", "في {0}"),
            MoreProblems => tr!("… y {0} más.", "… and {0} more.", "… et {0} de plus.", "… و{0} أخرى."),
            SummaryTotal => tr!("{0} en total, en {1} contribuciones.", "{0} in total, in {1} contributions.", "{0} au total, en {1} contributions.", "المجموع {0} في {1} مساهمة."),
            SummaryLargest => tr!("La mayor parte, {1} ({2}), corresponde a {0}.", "The largest share, {1} ({2}), went to {0}.", "La plus grande part, {1} ({2}), va à {0}.", "ذهبت الحصة الأكبر، {1} ({2})، إلى {0}."),
            SummaryTimeline => tr!("El año con más financiación fue {0}, con {1}.", "The year with most funding was {0}, with {1}.", "L'année la mieux financée est {0}, avec {1}.", "كانت السنة الأعلى تمويلًا {0} بمبلغ {1}."),
            SummaryPipeline => tr!("Prometido: {0}; comprometido: {1}; desembolsado: {2}.", "Pledged: {0}; committed: {1}; disbursed: {2}.", "Annoncé : {0} ; engagé : {1} ; décaissé : {2}.", "المتعهد به: {0}؛ الملتزم به: {1}؛ المصروف: {2}."),
            SummaryGap => tr!("Necesidades: {0}; financiado: {1} ({2}). La mayor necesidad no cubierta es {3}: {4}.", "Needs: {0}; funded: {1} ({2}). The largest unmet need is {3}: {4}.", "Besoins : {0} ; financé : {1} ({2}). Le plus grand besoin non couvert : {3}, {4}.", "الاحتياجات: {0}؛ المموَّل: {1} ({2}). أكبر احتياج غير ملبّى هو {3}: {4}."),
            SummaryGapNone => tr!("Este conjunto de datos no publica necesidades para esta selección.", "This dataset publishes no needs for this selection.", "Ce jeu de données ne publie aucun besoin pour cette sélection.", "لا تنشر مجموعة البيانات هذه أي احتياجات لهذا الاختيار."),
            SummaryNoData => tr!("No hay datos para esta selección.", "No data for this selection.", "Aucune donnée pour cette sélection.", "لا توجد بيانات لهذا الاختيار."),
            GapFundingNote => tr!("Financiado = comprometido + desembolsado hacia el plan o el receptor de cada necesidad.", "Funded = committed + disbursed towards each need's plan or recipient.", "Financé = engagé + décaissé pour le plan ou le bénéficiaire de chaque besoin.", "المموَّل = الملتزم به + المصروف لخطة كل احتياج أو للمستفيد منه."),
            DatasetFormat => tr!("Formato de datos", "Dataset format", "Format des données", "صيغة البيانات"),
            JsonSchema => tr!("Esquema JSON", "JSON Schema", "Schéma JSON", "مخطط JSON"),
            SourceCode => tr!("Alianzas es software libre", "Alianzas is open source", "Alianzas est un logiciel libre", "Alianzas برنامج مفتوح المصدر"),
            UnitMillions => tr!("Millones de {0}", "{0}, millions", "Millions de {0}", "ملايين {0}"),
            UnitThousands => tr!("Miles de {0}", "{0}, thousands", "Milliers de {0}", "آلاف {0}"),
            UnitOnes => tr!("{0}", "{0}", "{0}", "{0}"),
            Loaded => tr!("Conjunto de datos cargado: {0}.", "Dataset loaded: {0}.", "Jeu de données chargé : {0}.", "تم تحميل مجموعة البيانات: {0}."),
            ChartRegionHint => tr!("Regiones y subregiones M49 de las Naciones Unidas, según el país receptor.", "UN M49 regions and sub-regions, from the recipient country.", "Régions et sous-régions M49 des Nations Unies, selon le pays bénéficiaire.", "مناطق الأمم المتحدة ومناطقها الفرعية (M49)، حسب البلد المستفيد."),
            UnknownDataset => tr!("No hay ningún conjunto de datos incluido con el identificador {0}.", "No bundled dataset has the id {0}.", "Aucun jeu de données intégré ne porte l'identifiant {0}.", "لا توجد مجموعة بيانات مضمّنة بالمعرّف {0}."),
            DatasetPicker => tr!("Conjunto de datos", "Dataset", "Jeu de données", "مجموعة البيانات"),
            ExternalDataset => tr!("Conjunto de datos externo", "External dataset", "Jeu de données externe", "مجموعة بيانات خارجية"),
            Generator => tr!("Importado con", "Imported with", "Importé avec", "استُورد باستخدام"),
            ImportReportTitle => tr!("Informe de importación", "Import report", "Rapport d'importation", "تقرير الاستيراد"),
            ReportSummary => tr!("{0} registros leídos: {1} importados, {2} omitidos, {3} rechazados.", "{0} records read: {1} imported, {2} skipped, {3} rejected.", "{0} enregistrements lus : {1} importés, {2} ignorés, {3} rejetés.", "قُرئ {0} سجلًا: استُورد {1}، وتُجوهل {2}، ورُفض {3}."),
            DownloadReportCsv => tr!("Descargar el informe (CSV)", "Download the report (CSV)", "Télécharger le rapport (CSV)", "تنزيل التقرير (CSV)"),
            Skipped => tr!("Omitidos", "Skipped", "Ignorés", "المتجاهلة"),
            Rejected => tr!("Rechazados", "Rejected", "Rejetés", "المرفوضة"),
            Records => tr!("Registros", "Records", "Enregistrements", "السجلات"),
            ChartFlows => tr!("Flujos: donante → modelo de cooperación → receptor", "Flows: donor → cooperation model → recipient", "Flux : donateur → modèle de coopération → bénéficiaire", "التدفقات: المانح ← نموذج التعاون ← المستفيد"),
            ChartPledges => tr!("Seguimiento de las promesas por donante", "Pledge follow-up by donor", "Suivi des annonces par donateur", "متابعة التعهدات حسب المانح"),
            SummaryFlows => tr!("El mayor flujo va de {0} a {2} ({1}): {3}.", "The largest flow goes from {0} to {2} ({1}): {3}.", "Le plus grand flux va de {0} à {2} ({1}) : {3}.", "أكبر تدفق من {0} إلى {2} ({1}): {3}."),
            SummaryPledges => tr!("{0} donantes prometieron {1}; ya se desembolsó {2} ({3}).", "{0} donors pledged {1}; {2} has been disbursed ({3}).", "{0} donateurs ont annoncé {1} ; {2} a été décaissé ({3}).", "تعهد {0} من المانحين بمبلغ {1}؛ صُرف منه {2} ({3})."),
            SummaryPledgesNone => tr!("Este conjunto de datos no registra promesas para esta selección.", "This dataset records no pledges for this selection.", "Ce jeu de données n'enregistre aucune annonce pour cette sélection.", "لا تسجل مجموعة البيانات هذه أي تعهدات لهذا الاختيار."),
            DisbursedShare => tr!("Parte desembolsada de lo prometido", "Share of pledge disbursed", "Part de l'annonce décaissée", "نسبة المصروف من التعهد"),
            ModelRulesTitle => tr!("Cómo se determinó el modelo de cooperación", "How the cooperation models were derived", "Comment les modèles de coopération ont été déterminés", "كيف حُدّدت نماذج التعاون"),
            EquityTop => tr!("Los {0} mayores receptores recibieron {1} de la financiación.", "The {0} largest recipients received {1} of the funding.", "Les {0} principaux bénéficiaires ont reçu {1} du financement.", "حصل أكبر {0} من المستفيدين على {1} من التمويل."),
            EquityUnfunded => tr!("Obligaciones financiadas otros años pero sin financiación en {0}: {1}.", "Obligations funded in other years but not in {0}: {1}.", "Obligations financées d'autres années mais pas en {0} : {1}.", "التزامات مُوّلت في سنوات أخرى ولم تموَّل في {0}: {1}."),
            EquityAllFunded => tr!("Todas las obligaciones financiadas en el conjunto de datos reciben fondos en {0}.", "Every obligation funded in the dataset receives funding in {0}.", "Toutes les obligations financées dans le jeu de données reçoivent des fonds en {0}.", "كل الالتزامات المموَّلة في مجموعة البيانات تتلقى تمويلًا في {0}."),
            ChartKeyboardHelp => tr!("Use las flechas para recorrer los datos, Intro para filtrar y Escape para salir.", "Use the arrow keys to move through the data, Enter to filter by a point and Escape to leave.", "Utilisez les flèches pour parcourir les données, Entrée pour filtrer et Échap pour sortir.", "استخدم مفاتيح الأسهم للتنقل بين البيانات، وEnter للتصفية، وEscape للخروج."),
            ChartRole => tr!("gráfico", "chart", "graphique", "رسم بياني"),
            Patterns => tr!("Tramas en los gráficos", "Patterns on charts", "Motifs sur les graphiques", "أنماط على الرسوم البيانية"),
            Embed => tr!("Insertar", "Embed", "Intégrer", "تضمين"),
            EmbedTitle => tr!("Insertar este gráfico en otro sitio", "Embed this chart in another site", "Intégrer ce graphique dans un autre site", "تضمين هذا الرسم البياني في موقع آخر"),
            EmbedHelp => tr!("Copie este código en su página. Muestra los filtros y el idioma actuales, y la versión {0} de los datos.", "Copy this code into your page. It shows the current filters and language, and version {0} of the data.", "Copiez ce code dans votre page. Il reprend les filtres et la langue actuels, et la version {0} des données.", "انسخ هذه الشيفرة إلى صفحتك. تعرض عوامل التصفية واللغة الحالية، والإصدار {0} من البيانات."),
            DirectLink => tr!("Enlace directo", "Direct link", "Lien direct", "رابط مباشر"),
            Copy => tr!("Copiar", "Copy", "Copier", "نسخ"),
            Copied => tr!("Copiado", "Copied", "Copié", "تم النسخ"),
            Close => tr!("Cerrar", "Close", "Fermer", "إغلاق"),
            Cite => tr!("Cómo citar", "How to cite", "Comment citer", "طريقة الاستشهاد"),
            CiteText => tr!("{0}: «{1}», datos al {2}, descargados el {3}. Vista en Alianzas: {4}", "{0}: “{1}”, data as of {2}, retrieved {3}. View in Alianzas: {4}", "{0} : « {1} », données au {2}, téléchargées le {3}. Vue dans Alianzas : {4}", "{0}: «{1}»، البيانات حتى {2}، استُرجعت في {3}. العرض في Alianzas: {4}"),
            DownloadCsv => tr!("Tabla (CSV)", "Table (CSV)", "Tableau (CSV)", "الجدول (CSV)"),
            DownloadPng => tr!("Imagen (PNG)", "Image (PNG)", "Image (PNG)", "صورة (PNG)"),
            DownloadSvg => tr!("Imagen (SVG)", "Image (SVG)", "Image (SVG)", "صورة (SVG)"),
            DownloadData => tr!("Descargar las contribuciones filtradas:", "Download the filtered contributions:", "Télécharger les contributions filtrées :", "تنزيل المساهمات المصفّاة:"),
            VersionChanged => tr!("Este gráfico se insertó para la versión {0} de los datos; se muestra la versión {1}.", "This chart was embedded for version {0} of the data; version {1} is shown.", "Ce graphique a été intégré pour la version {0} des données ; la version {1} est affichée.", "ضُمّن هذا الرسم للإصدار {0} من البيانات؛ يُعرض الإصدار {1}."),
            ExternalSource => tr!("Datos externos: {0}. Alianzas no los publica ni los ha revisado.", "External data: {0}. Alianzas neither publishes nor reviewed it.", "Données externes : {0}. Alianzas ne les publie pas et ne les a pas vérifiées.", "بيانات خارجية: {0}. لا تنشرها Alianzas ولم تراجعها."),
            OpenFullDashboard => tr!("Abrir en Alianzas", "Open in Alianzas", "Ouvrir dans Alianzas", "افتح في Alianzas"),
            NotHttp => tr!("{0} no es una dirección http(s): solo se cargan datos de la web.", "{0} is not an http(s) address: only data from the web is loaded.", "{0} n'est pas une adresse http(s) : seules des données du web sont chargées.", "{0} ليس عنوان http(s): لا تُحمّل إلا بيانات من الويب."),
            TooLarge => tr!("{0} pesa más de {1} MB, el máximo que esta página descarga.", "{0} is larger than {1} MB, the most this page downloads.", "{0} dépasse {1} Mo, le maximum que cette page télécharge.", "{0} أكبر من {1} ميغابايت، وهو الحد الأقصى الذي تنزّله هذه الصفحة."),
            UserGuide => tr!("Guía de uso", "User guide", "Guide d'utilisation", "دليل الاستخدام"),
            DocumentRoot => tr!("el documento entero", "the whole document", "le document entier", "المستند بأكمله"),
        }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        self.tr().get(lang)
    }
}

/// Replaces `{0}`, `{1}`, ... in a template.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

pub fn t(lang: Lang, msg: Msg) -> &'static str {
    msg.get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_match_across_languages() {
        // Every language of a message uses the same placeholders as English.
        let all = [
            Msg::RemoveFilter, Msg::LoadFailed, Msg::LoadFailedHttp, Msg::InvalidDataset, Msg::ProblemAt, Msg::MoreProblems,
            Msg::SummaryTotal, Msg::SummaryLargest, Msg::SummaryTimeline, Msg::SummaryPipeline, Msg::SummaryGap,
            Msg::UnitMillions, Msg::UnitThousands, Msg::UnitOnes, Msg::Loaded, Msg::UnknownDataset, Msg::ReportSummary, Msg::SummaryFlows, Msg::SummaryPledges, Msg::EquityTop, Msg::EquityUnfunded, Msg::EquityAllFunded, Msg::EmbedHelp, Msg::CiteText, Msg::VersionChanged, Msg::ExternalSource, Msg::NotHttp, Msg::TooLarge,
        ];
        for m in all {
            let count = |s: &str| (0..6).filter(|i| s.contains(&format!("{{{i}}}"))).count();
            let en = count(m.get(Lang::En));
            assert!(en > 0, "{m:?}");
            for l in Lang::ALL {
                assert_eq!(count(m.get(l)), en, "{m:?} in {l:?}");
            }
        }
    }

    #[test]
    fn fill_replaces_in_order() {
        assert_eq!(fill("{1} of {0}", &["a", "b"]), "b of a");
    }
}
