app-tagline = Quién financia qué, dónde y cómo: cooperación y asistencia internacional
skip-to-charts = Saltar a los gráficos
language = Idioma
source = Fuente
publisher = Editor
licence = Licencia
data-as-of = Datos al
retrieved = Descargado el
dataset-version = Versión
headline-funding = Financiación (comprometida + desembolsada)
headline-pledged = Prometido
headline-donors = Donantes
headline-recipients = Receptores
headline-contributions = Contribuciones
filters = Filtros
year-from = Desde el año
year-to = Hasta el año
any = Todos
amounts = Importes
measure-funding = Financiación (comprometida + desembolsada)
active-filters = Filtros activos
no-active-filters = Ninguno: se muestran todos los datos
clear-all = Quitar todos
remove-filter = Quitar el filtro { $filter }
dim-year = Año
dim-region = Región
dim-recipient = Receptor
dim-donor = Donante
dim-obligation = Obligación
dim-model = Modelo de cooperación
dim-kind = Tipo de aporte
dim-status = Etapa
chart-obligation = Financiación por obligación
chart-region = Financiación por región
chart-model = Financiación por modelo de cooperación
chart-timeline = Financiación por año y modelo de cooperación
chart-donors = Principales donantes
chart-pipeline = De la promesa al desembolso
chart-gap = Necesidades frente a financiación
show-table = Ver los datos en una tabla
hide-table = Ocultar la tabla
total = Total
others = Otros
amount = Importe
contributions = Contribuciones
share = Proporción
need = Necesidad
funded = Financiado
unmet-need = Necesidad no cubierta
coverage = Cobertura
no-data = No hay datos para esta selección.
click-to-filter = Pulse una barra o un sector para filtrar por él.
loading = Cargando el conjunto de datos…
load-failed = No se pudo cargar el conjunto de datos { $dataset }.
load-failed-http = El servidor respondió { $status }.
load-failed-network = No hubo respuesta: compruebe la dirección y su conexión.
invalid-dataset = El conjunto de datos { $dataset } tiene { $count ->
        [one] un problema
       *[other] { $count } problemas
    }; no se muestra.
showing-bundled = Se muestra el conjunto de datos incluido.
back-to-bundled = Volver al conjunto de datos incluido
problem-at = en { $pointer }
more-problems = … y { $count } más.
summary-total = { $total } en total, en { $count ->
        [one] una contribución
       *[other] { $count } contribuciones
    }.
summary-largest = La mayor parte, { $amount } ({ $share }), corresponde a { $name }.
summary-timeline = El año con más financiación fue { $year }, con { $amount }.
summary-pipeline = Prometido: { $pledged }; comprometido: { $committed }; desembolsado: { $disbursed }.
summary-gap = Necesidades: { $need }; financiado: { $funded } ({ $coverage }). La mayor necesidad no cubierta es { $recipient }: { $unmet }.
summary-gap-none = Este conjunto de datos no publica necesidades para esta selección.
summary-no-data = No hay datos para esta selección.
gap-funding-note = Financiado = comprometido + desembolsado hacia el plan o el receptor de cada necesidad.
dataset-format = Formato de datos
json-schema = Esquema JSON
source-code = Alianzas es software libre
unit-millions = Millones de { $currency }
unit-thousands = Miles de { $currency }
unit-ones = { $currency }
unknown-dataset = No hay ningún conjunto de datos incluido con el identificador { $id }.
dataset-picker = Conjunto de datos
external-dataset = Conjunto de datos externo
generator = Importado con
import-report-title = Informe de importación
report-summary = { $read ->
        [one] Un registro leído
       *[other] { $read } registros leídos
    }: { $imported } importados, { $skipped } omitidos, { $rejected } rechazados.
download-report-csv = Descargar el informe (CSV)
skipped = Omitidos
report-warnings = Importados, pero leídos de otra forma de la que indica el formato
rejected = Rechazados
records = Registros
chart-flows = Flujos: donante → modelo de cooperación → receptor
chart-pledges = Seguimiento de las promesas por donante
summary-flows = El mayor flujo va de { $donor } a { $recipient } ({ $model }): { $amount }.
summary-pledges = { $donors ->
        [one] Un donante prometió
       *[other] { $donors } donantes prometieron
    } { $pledged }; ya se desembolsó { $disbursed } ({ $share }).
summary-pledges-none = Este conjunto de datos no registra promesas para esta selección.
disbursed-share = Parte desembolsada de lo prometido
model-rules-title = Cómo se determinó el modelo de cooperación
equity-top = { $count ->
        [one] El mayor receptor recibió
       *[other] Los { $count } mayores receptores recibieron
    } { $share } de la financiación.
equity-unfunded = Obligaciones financiadas otros años pero sin financiación en { $year }: { $obligations }.
equity-all-funded = Todas las obligaciones financiadas en el conjunto de datos reciben fondos en { $year }.
chart-keyboard-help = Use las flechas para recorrer los datos, Intro para filtrar y Escape para salir.
chart-role = gráfico
patterns = Tramas en los gráficos
embed = Insertar
embed-title = Insertar este gráfico en otro sitio
embed-help = Copie este código en su página. Muestra los filtros y el idioma actuales, y la versión { $version } de los datos.
direct-link = Enlace directo
copy = Copiar
copied = Copiado
close = Cerrar
cite = Cómo citar
cite-text = { $publisher }: «{ $title }», datos al { $as_of }, descargados el { $retrieved }. Vista en Alianzas: { $url }
download-csv = Tabla (CSV)
download-png = Imagen (PNG)
download-svg = Imagen (SVG)
download-data = Descargar las contribuciones filtradas:
version-changed = Este gráfico se insertó para la versión { $embedded } de los datos; se muestra la versión { $shown }.
external-source = Datos externos: { $url }. Alianzas no los publicó ni los revisó.
open-full-dashboard = Abrir en Alianzas
too-large = { $url } pesa más de { $megabytes } MB, el máximo que esta página descarga.
user-guide = Guía de uso
dim-period = Periodo
half-year = { $year } S{ $half }
time-axis = Eje temporal
years = Años
half-years = Semestres (según la fecha)
document-root = el documento entero

unit-billions = Miles de millones de { $currency }
period-undated = { $year }, sin fecha
summary-timeline-period = El periodo con más financiación fue { $period }, con { $amount }.
summary-selected = Selección: { $names }, { $amount } ({ $share }).
omit-not-recorded-donor = «{ $chart }» no se muestra: esta fuente no dice qué donante aportó el dinero.
omit-not-recorded-status = «{ $chart }» no se muestra: esta fuente no separa la financiación en prometida, comprometida y desembolsada.
omit-not-recorded-model = «{ $chart }» no se muestra: esta fuente no registra modelos de cooperación.
omit-not-recorded-obligation = «{ $chart }» no se muestra: esta fuente no registra a qué se destina el dinero.
omit-single = «{ $chart }» no se muestra: { $name } reúne todo el dinero de este conjunto de datos.
omit-single-year = «{ $chart }» no se muestra: todas las contribuciones de este conjunto de datos son de { $year }.
omit-single-stage = «{ $chart }» no se muestra: esta fuente informa de todas las contribuciones en una sola etapa, { $stage }.
omit-no-pledges = «{ $chart }» no se muestra: este conjunto de datos no registra promesas.
omit-no-needs = «{ $chart }» no se muestra: este conjunto de datos no publica necesidades.
filters-applied = Filtros: { $filters }
no-filters-applied = Todos los datos, sin filtros
charts-left-out = Gráficos que no se muestran para este conjunto de datos
headline-not-reported = No informado
years-swapped = «Desde el año» era posterior a «Hasta el año»: se intercambiaron los dos años y se muestra { $from }–{ $to }.
export-source = Fuente: { $publisher } · { $licence } · datos a { $as_of } · versión { $version }
export-link = { $url } · guardado el { $date } con Alianzas
data-version = Versión de los datos { $version }
selected = seleccionado
load-blocked = La política de seguridad de esta página bloqueó { $url }: los datos de otros sitios deben usar una dirección https.
load-cors = El servidor de { $url } respondió, pero no permite que otros sitios lean el archivo (falta la cabecera CORS). Pida a su responsable que envíe «Access-Control-Allow-Origin: *» o coloque el archivo junto a este sitio.
load-not-found = No se encontró nada en { $url } (404): compruebe la dirección.
load-not-json = { $url } no se puede leer como conjunto de datos: { $detail }
not-https = { $url } no es una dirección https: los datos de otros sitios deben usar https.
rule-line = { $rule } → { $code }: { $count ->
        [one] una contribución
       *[other] { $count } contribuciones
    }
model-rules-note = Cada línea cuenta contribuciones (no dinero) según la regla que decidió su modelo.
csv-contribution = Id de la contribución
csv-donor-id = Id del donante
csv-donor-type = Tipo de donante
csv-model-rule = Cómo se dedujo el modelo
csv-model-evidence = Evidencia del modelo
csv-obligation-rule = Cómo se dedujo la obligación
csv-obligation-evidence = Evidencia de la obligación
obligation-rules-title = Cómo se dedujeron las obligaciones
obligation-rules-note = La acción contra minas (código CAD de la OCDE 15250) no dice a qué obligación de la Convención sobre la prohibición de minas sirve: la nombra el título de la actividad, o si no su descripción; si nombra varias, el monto se reparte por igual. Cada línea cuenta contribuciones, no dinero.
counting-rule = Cada monto cuenta una sola vez, en la etapa más avanzada que alcanzó: lo pagado cuenta como desembolsado, el resto de un compromiso como comprometido y el resto de una promesa como prometido. La financiación es comprometido + desembolsado; las etapas nunca se suman entre sí.
counted-once = Cada monto cuenta una vez, en la etapa más avanzada que alcanzó.
chart-pledge-history = Promesas seguidas en el tiempo
snapshot-date = Corte
summary-pledge-history = El { $first }, { $pledged_first } estaba prometido y aún no comprometido; el { $last }, { $pledged_last }. De { $pledges ->
        [one] la única promesa registrada
       *[other] las { $pledges } promesas registradas
    }, { $followed } se convirtieron en compromisos o pagos y { $still } { $still ->
        [one] sigue
       *[other] siguen
    } solo prometida(s).
omit-no-history = “{ $chart }” no se muestra: este conjunto de datos no sigue las contribuciones en el tiempo (tiene un corte, no una serie).
dim-place = Estado o departamento
place-none = Sin ubicación dentro del país
chart-map = Financiación por país receptor
chart-places = Financiación por estado o departamento
map-class = de { $from } a { $to }
omit-no-countries = “{ $chart }” no se muestra: los receptores de este conjunto de datos son regiones, no países.
omit-no-places = “{ $chart }” no se muestra: este conjunto de datos no ubica el dinero dentro de los países.
map-legend = Tonos
map-nothing-recorded = Ningún monto registrado para esta selección
map-unavailable = No se puede dibujar el mapa: sus límites no se pudieron cargar. La tabla y la frase de arriba dan todas las cifras.
summary-places = { $placed } ({ $share } de esta selección) se ubica en { $count ->
        [one] un estado o departamento
       *[other] { $count } estados o departamentos
    } de { $country }; la mayor parte, { $amount }, en { $name }.
changes-title = Qué cambió desde la versión { $version } (datos al { $as_of })
changes-unavailable = No se pudo cargar la versión anterior.
changes-totals = Financiación: { $funding_before } entonces, { $funding_after } ahora. Prometido: { $pledged_before } entonces, { $pledged_after } ahora.
changes-counts = { $added } contribuciones añadidas, { $removed } ya no figuran, { $changed } cambiaron; { $moved } pasaron a una etapa más avanzada (una promesa se volvió compromiso o pago).
changes-largest = Los mayores cambios
changes-before = Antes
changes-after = Ahora
# Financiación y avance por objetivo (planes con objetivos e indicadores, formato v1.1).
chart-objectives = Financiación y avance por objetivo
progress-met = Meta alcanzada
progress-towards = Avanza hacia la meta
progress-short = Por debajo de la meta
progress-not-measured = Sin meta o sin valor real
objective = Objetivo
plans-count = Planes
indicators-count = Indicadores
unit-indicators = Número de indicadores
summary-objectives = Planes con objetivos: { $plans }. De sus { $indicators } indicadores, { $met } alcanzaron su meta, { $towards } avanzaron hacia ella desde la línea de base, { $short } quedaron por debajo y { $unmeasured } no tenían meta o valor real con que comparar. Los indicadores tienen unidades distintas: solo se suma cuántos alcanzaron su meta, nunca sus valores.
summary-objectives-money = Los planes necesitaban { $need }; financiación que los nombra: { $funded }.
summary-objectives-money-not-reported = Los planes necesitaban { $need }; este conjunto de datos no informa la financiación por plan ni por objetivo.
summary-objectives-none = Ningún plan con objetivos para esta selección.
omit-no-objectives = No se muestra «{ $chart }»: este conjunto de datos no declara planes con objetivos.
omit-no-funding = No se muestra «{ $chart }»: este conjunto de datos publica necesidades pero ninguna financiación con que compararlas (no informada, que no es cero).
translated-note = Título y descripción traducidos por el equipo de Alianzas del original en inglés.
original-title = Título original

# El menú de ajustes (idioma, tema, tramas) y la sección «Sobre estos datos».
settings = Ajustes
theme = Colores
theme-system = Como mi dispositivo
theme-light = Claros
theme-dark = Oscuros
motion-note = Las animaciones siguen el ajuste «reducir movimiento» de su dispositivo.
about-data = Sobre estos datos
filters-active = { $count ->
    [0] ningún filtro activo
    [one] un filtro activo
   *[other] { $count } filtros activos
}
search-label = Buscar un donante, receptor, lugar, obligación o modelo
search-results = { $count ->
    [0] Ningún resultado
    [one] Un resultado: use las flechas y luego Intro
   *[other] { $count } resultados: use las flechas y luego Intro
}
several-selected = { $count } seleccionados

# Comparar: dos a cuatro años, donantes o receptores lado a lado.
compare-title = { $dimension }: lado a lado
compare-two = { $first }: { $first_amount }; { $second }: { $second_amount }. { $larger } tiene { $difference } más ({ $percent } más).
compare-two-only = { $first }: { $first_amount }; { $second }: { $second_amount }. Solo { $larger } tiene fondos aquí.
compare-two-equal = { $first } y { $second } tienen lo mismo: { $amount } cada uno.
compare-years = De { $earlier } a { $later }: { $before } y luego { $after }, un cambio de { $change } ({ $percent }).
compare-years-new = De { $earlier } a { $later }: nada y luego { $after }.
compare-many = { $list }. El mayor, { $largest }, tiene { $percent } más que el menor, { $smallest }.
compare-pick = Para comparar, elija de dos a cuatro donantes o receptores en los filtros o con el buscador y luego «Comparar lado a lado»; o compare los dos últimos años.
compare-years-button = Comparar los dos últimos años
compare-chosen-button = Comparar lado a lado: { $names }
compare-close = Cerrar la comparación
compare-partial-year = { $year } solo está cubierto hasta el { $as_of }, la fecha de los datos.

# La vista de catálogo: una tarjeta por conjunto de datos incluido.
catalog-link = Los { $count } conjuntos de datos
catalog-title = Conjuntos de datos
catalog-intro = Todos los conjuntos de datos que incluye esta página, de fuentes reales publicadas. Abra uno para ver sus gráficos.
card-funding = Financiación (comprometida + desembolsada)
card-required = Necesidades
card-records = { $count ->
    [0] ninguna contribución
    [one] una contribución
   *[other] { $count } contribuciones
}
card-as-of = datos al { $date }
card-open = Abrir: { $title }
