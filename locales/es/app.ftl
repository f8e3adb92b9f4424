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
external-source = Datos externos: { $url }. Alianzas no los publica ni los ha revisado.
open-full-dashboard = Abrir en Alianzas
not-http = { $url } no es una dirección http(s): solo se cargan datos de la web.
too-large = { $url } pesa más de { $megabytes } MB, el máximo que esta página descarga.
user-guide = Guía de uso
dim-period = Periodo
half-year = { $year } S{ $half }
time-axis = Eje temporal
years = Años
half-years = Semestres (según la fecha)
document-root = el documento entero
