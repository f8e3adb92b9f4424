app-tagline = Qui finance quoi, où et comment : coopération et assistance internationales
skip-to-charts = Aller aux graphiques
language = Langue
source = Source
publisher = Éditeur
licence = Licence
data-as-of = Données au
retrieved = Téléchargé le
dataset-version = Version
headline-funding = Financement (engagé + décaissé)
headline-pledged = Annoncé
headline-donors = Donateurs
headline-recipients = Bénéficiaires
headline-contributions = Contributions
filters = Filtres
year-from = De l'année
year-to = À l'année
any = Tous
amounts = Montants
measure-funding = Financement (engagé + décaissé)
active-filters = Filtres actifs
no-active-filters = Aucun : toutes les données sont affichées
clear-all = Tout effacer
remove-filter = Retirer le filtre { $filter }
dim-year = Année
dim-region = Région
dim-recipient = Bénéficiaire
dim-donor = Donateur
dim-obligation = Obligation
dim-model = Modèle de coopération
dim-kind = Nature
dim-status = Étape
chart-obligation = Financement par obligation
chart-region = Financement par région
chart-model = Financement par modèle de coopération
chart-timeline = Financement par année et modèle de coopération
chart-donors = Principaux donateurs
chart-pipeline = De l'annonce au décaissement
chart-gap = Besoins et financement
show-table = Voir les données en tableau
hide-table = Masquer le tableau
total = Total
others = Autres
amount = Montant
contributions = Contributions
share = Part
need = Besoin
funded = Financé
unmet-need = Besoin non couvert
coverage = Couverture
no-data = Aucune donnée pour cette sélection.
click-to-filter = Cliquez sur une barre ou un secteur pour filtrer.
loading = Chargement du jeu de données…
load-failed = Impossible de charger le jeu de données { $dataset }.
load-failed-http = Le serveur a répondu { $status }.
load-failed-network = Aucune réponse : vérifiez l'adresse et votre connexion.
invalid-dataset = Le jeu de données { $dataset } présente { $count ->
        [one] un problème
       *[other] { $count } problèmes
    } ; il n'est pas affiché.
showing-bundled = Le jeu de données intégré est affiché à la place.
back-to-bundled = Revenir au jeu de données intégré
problem-at = à { $pointer }
more-problems = … et { $count } de plus.
summary-total = { $total } au total, en { $count ->
        [one] une contribution
       *[other] { $count } contributions
    }.
summary-largest = La plus grande part, { $amount } ({ $share }), va à { $name }.
summary-timeline = L'année la mieux financée est { $year }, avec { $amount }.
summary-pipeline = Annoncé : { $pledged } ; engagé : { $committed } ; décaissé : { $disbursed }.
summary-gap = Besoins : { $need } ; financé : { $funded } ({ $coverage }). Le plus grand besoin non couvert : { $recipient }, { $unmet }.
summary-gap-none = Ce jeu de données ne publie aucun besoin pour cette sélection.
summary-no-data = Aucune donnée pour cette sélection.
gap-funding-note = Financé = engagé + décaissé pour le plan ou le bénéficiaire de chaque besoin.
dataset-format = Format des données
json-schema = Schéma JSON
source-code = Alianzas est un logiciel libre
unit-millions = Millions de { $currency }
unit-thousands = Milliers de { $currency }
unit-ones = { $currency }
unknown-dataset = Aucun jeu de données intégré ne porte l'identifiant { $id }.
dataset-picker = Jeu de données
external-dataset = Jeu de données externe
generator = Importé avec
import-report-title = Rapport d'importation
report-summary = { $read ->
        [one] Un enregistrement lu
       *[other] { $read } enregistrements lus
    } : { $imported } importés, { $skipped } ignorés, { $rejected } rejetés.
download-report-csv = Télécharger le rapport (CSV)
skipped = Ignorés
report-warnings = Importés, mais lus autrement que ne le prévoit le format
rejected = Rejetés
records = Enregistrements
chart-flows = Flux : donateur → modèle de coopération → bénéficiaire
chart-pledges = Suivi des annonces par donateur
summary-flows = Le plus grand flux va de { $donor } à { $recipient } ({ $model }) : { $amount }.
summary-pledges = { $donors ->
        [one] Un donateur a annoncé
       *[other] { $donors } donateurs ont annoncé
    } { $pledged } ; { $disbursed } a été décaissé ({ $share }).
summary-pledges-none = Ce jeu de données n'enregistre aucune annonce pour cette sélection.
disbursed-share = Part de l'annonce décaissée
model-rules-title = Comment les modèles de coopération ont été déterminés
equity-top = { $count ->
        [one] Le principal bénéficiaire a reçu
       *[other] Les { $count } principaux bénéficiaires ont reçu
    } { $share } du financement.
equity-unfunded = Obligations financées d'autres années mais pas en { $year } : { $obligations }.
equity-all-funded = Toutes les obligations financées dans le jeu de données reçoivent des fonds en { $year }.
chart-keyboard-help = Utilisez les flèches pour parcourir les données, Entrée pour filtrer et Échap pour sortir.
chart-role = graphique
patterns = Motifs sur les graphiques
embed = Intégrer
embed-title = Intégrer ce graphique dans un autre site
embed-help = Copiez ce code dans votre page. Il reprend les filtres et la langue actuels, et la version { $version } des données.
direct-link = Lien direct
copy = Copier
copied = Copié
close = Fermer
cite = Comment citer
cite-text = { $publisher } : « { $title } », données au { $as_of }, téléchargées le { $retrieved }. Vue dans Alianzas : { $url }
download-csv = Tableau (CSV)
download-png = Image (PNG)
download-svg = Image (SVG)
download-data = Télécharger les contributions filtrées :
version-changed = Ce graphique a été intégré pour la version { $embedded } des données ; la version { $shown } est affichée.
external-source = Données externes : { $url }. Alianzas ne les a ni publiées ni vérifiées.
open-full-dashboard = Ouvrir dans Alianzas
too-large = { $url } dépasse { $megabytes } Mo, le maximum que cette page télécharge.
user-guide = Guide d'utilisation
dim-period = Période
half-year = { $year } S{ $half }
time-axis = Axe du temps
years = Années
half-years = Semestres (selon la date)
document-root = le document entier

unit-billions = Milliards de { $currency }
period-undated = { $year }, sans date
summary-timeline-period = La période la mieux financée a été { $period }, avec { $amount }.
summary-selected = Sélection : { $names }, { $amount } ({ $share }).
omit-not-recorded-donor = « { $chart } » n'est pas affiché : cette source ne dit pas quel donateur a versé l'argent.
omit-not-recorded-status = « { $chart } » n'est pas affiché : cette source ne distingue pas le financement promis, engagé et décaissé.
omit-not-recorded-model = « { $chart } » n'est pas affiché : cette source n'enregistre pas de modèle de coopération.
omit-not-recorded-obligation = « { $chart } » n'est pas affiché : cette source n'enregistre pas à quoi sert l'argent.
omit-single = « { $chart } » n'est pas affiché : { $name } regroupe tout l'argent de ce jeu de données.
omit-single-year = « { $chart } » n'est pas affiché : toutes les contributions de ce jeu de données portent sur { $year }.
omit-single-stage = « { $chart } » n'est pas affiché : cette source déclare toutes les contributions à une seule étape, { $stage }.
omit-no-pledges = « { $chart } » n'est pas affiché : ce jeu de données n'enregistre aucune promesse.
omit-no-needs = « { $chart } » n'est pas affiché : ce jeu de données ne publie aucun besoin.
filters-applied = Filtres : { $filters }
no-filters-applied = Toutes les données, sans filtre
charts-left-out = Graphiques non affichés pour ce jeu de données
headline-not-reported = Non déclaré
years-swapped = « De l'année » était postérieure à « À l'année » : les deux années ont été inversées, affichage { $from }–{ $to }.
export-source = Source : { $publisher } · { $licence } · données au { $as_of } · version { $version }
export-link = { $url } · enregistré le { $date } avec Alianzas
data-version = Version des données { $version }
selected = sélectionné
load-blocked = La politique de sécurité de cette page a bloqué { $url } : les données d'autres sites doivent utiliser une adresse https.
load-cors = Le serveur de { $url } a répondu, mais ne permet pas aux autres sites de lire le fichier (en-tête CORS absent). Demandez à son responsable d'envoyer « Access-Control-Allow-Origin: * », ou placez le fichier à côté de ce site.
load-not-found = Rien n'a été trouvé à { $url } (404) : vérifiez l'adresse.
load-not-json = { $url } ne peut pas être lu comme jeu de données : { $detail }
not-https = { $url } n'est pas une adresse https : les données d'autres sites doivent utiliser https.
rule-line = { $rule } → { $code } : { $count ->
        [one] une contribution
       *[other] { $count } contributions
    }
model-rules-note = Chaque ligne compte des contributions (pas de l'argent) selon la règle qui a décidé leur modèle.
csv-contribution = Identifiant de la contribution
csv-donor-id = Identifiant du donateur
csv-donor-type = Type de donateur
csv-model-rule = Comment le modèle a été déduit
csv-model-evidence = Indice du modèle
csv-obligation-rule = Comment l'obligation a été déduite
csv-obligation-evidence = Indice de l'obligation
obligation-rules-title = Comment les obligations ont été déduites
obligation-rules-note = L'action contre les mines (code CAD de l'OCDE 15250) ne dit pas quelle obligation de la Convention sur l'interdiction des mines elle sert : le titre de l'activité la nomme, sinon sa description ; si plusieurs sont nommées, le montant est partagé à parts égales. Chaque ligne compte des contributions, pas de l'argent.
counting-rule = Chaque montant compte une seule fois, à l'étape la plus avancée qu'il a atteinte : l'argent versé compte comme décaissé, le reste d'un engagement comme engagé, le reste d'une annonce comme annoncé. Le financement est engagé + décaissé ; les étapes ne s'additionnent jamais.
counted-once = Chaque montant compté une fois, à l'étape la plus avancée qu'il a atteinte.
chart-pledge-history = Annonces suivies dans le temps
snapshot-date = Relevé
summary-pledge-history = Le { $first }, { $pledged_first } était annoncé et pas encore engagé ; le { $last }, { $pledged_last }. Sur { $pledges ->
        [one] l'unique annonce enregistrée
       *[other] les { $pledges } annonces enregistrées
    }, { $followed } sont devenues des engagements ou des versements et { $still } { $still ->
        [one] reste
       *[other] restent
    } au stade de l'annonce.
omit-no-history = « { $chart } » n'est pas affiché : ce jeu de données ne suit pas les contributions dans le temps (il a un relevé, pas une série).
dim-place = État ou département
place-none = Non localisé dans le pays
chart-map = Financement par pays bénéficiaire
chart-places = Financement par État ou département
map-class = de { $from } à { $to }
omit-no-countries = « { $chart } » n'est pas affiché : les bénéficiaires de ce jeu de données sont des régions, pas des pays.
omit-no-places = « { $chart } » n'est pas affiché : ce jeu de données ne localise pas l'argent à l'intérieur des pays.
map-legend = Nuances
map-nothing-recorded = Aucun montant enregistré pour cette sélection
map-unavailable = La carte ne peut pas être dessinée : ses limites n'ont pas pu être chargées. Le tableau et la phrase ci-dessus donnent tous les chiffres.
summary-places = { $placed } ({ $share } de cette sélection) est localisé dans { $count ->
        [one] un État ou département
       *[other] { $count } États ou départements
    } de { $country } ; le plus, { $amount }, dans { $name }.
changes-title = Ce qui a changé depuis la version { $version } (données au { $as_of })
changes-unavailable = La version précédente n'a pas pu être chargée.
changes-totals = Financement : { $funding_before } alors, { $funding_after } maintenant. Annoncé : { $pledged_before } alors, { $pledged_after } maintenant.
changes-counts = { $added } contributions ajoutées, { $removed } qui ne figurent plus, { $changed } modifiées ; { $moved } passées à une étape plus avancée (une annonce devenue engagement ou versement).
changes-largest = Les plus grands changements
changes-before = Avant
changes-after = Maintenant
# Financement et progrès par objectif (plans avec objectifs et indicateurs, format v1.1).
chart-objectives = Financement et progrès par objectif
progress-met = Cible atteinte
progress-towards = En progrès vers la cible
progress-short = En deçà de la cible
progress-not-measured = Sans cible ou sans valeur réelle
objective = Objectif
plans-count = Plans
indicators-count = Indicateurs
unit-indicators = Nombre d'indicateurs
summary-objectives = Plans avec objectifs : { $plans }. Sur leurs { $indicators } indicateurs, { $met } ont atteint leur cible, { $towards } ont progressé vers elle depuis la référence, { $short } sont restés en deçà et { $unmeasured } n'avaient pas de cible ou de valeur réelle à comparer. Les indicateurs ont des unités différentes : seul le nombre de cibles atteintes est additionné, jamais leurs valeurs.
summary-objectives-money = Les plans nécessitaient { $need } ; financement qui les nomme : { $funded }.
summary-objectives-money-not-reported = Les plans nécessitaient { $need } ; ce jeu de données ne publie pas le financement par plan ni par objectif.
summary-objectives-none = Aucun plan avec objectifs pour cette sélection.
omit-no-objectives = « { $chart } » n'est pas affiché : ce jeu de données ne déclare aucun plan avec objectifs.
omit-no-funding = « { $chart } » n'est pas affiché : ce jeu de données publie des besoins mais aucun financement à leur opposer (non communiqué, ce qui n'est pas zéro).
translated-note = Titre et description traduits par l'équipe d'Alianzas depuis l'original anglais.
original-title = Titre original

# Le menu des réglages (langue, thème, motifs) et la section « À propos de ces données ».
settings = Réglages
theme = Couleurs
theme-system = Comme mon appareil
theme-light = Claires
theme-dark = Sombres
motion-note = Les animations suivent le réglage « réduire les animations » de votre appareil.
about-data = À propos de ces données
filters-active = { $count ->
    [0] aucun filtre actif
    [one] un filtre actif
   *[other] { $count } filtres actifs
}
search-label = Chercher un donateur, un bénéficiaire, un lieu, une obligation ou un modèle
search-results = { $count ->
    [0] Aucun résultat
    [one] Un résultat : flèches puis Entrée
   *[other] { $count } résultats : flèches puis Entrée
}
several-selected = { $count } sélectionnés

# Comparer : deux à quatre années, donateurs ou bénéficiaires côte à côte.
compare-title = { $dimension } : côte à côte
compare-two = { $first } : { $first_amount } ; { $second } : { $second_amount }. { $larger } a { $difference } de plus ({ $percent } de plus).
compare-two-only = { $first } : { $first_amount } ; { $second } : { $second_amount }. Seul { $larger } a des fonds ici.
compare-two-equal = { $first } et { $second } ont autant : { $amount } chacun.
compare-years = De { $earlier } à { $later } : { $before }, puis { $after }, soit un changement de { $change } ({ $percent }).
compare-years-new = De { $earlier } à { $later } : rien, puis { $after }.
compare-many = { $list }. Le plus grand, { $largest }, a { $percent } de plus que le plus petit, { $smallest }.
compare-pick = Pour comparer, choisissez deux à quatre donateurs ou bénéficiaires dans les filtres ou avec la recherche, puis « Comparer côte à côte » ; ou comparez les deux dernières années.
compare-years-button = Comparer les deux dernières années
compare-chosen-button = Comparer côte à côte : { $names }
compare-close = Fermer la comparaison
compare-partial-year = { $year } n'est couvert que jusqu'au { $as_of }, date des données.

# La vue catalogue : une carte par jeu de données inclus.
catalog-link = Les { $count } jeux de données
catalog-title = Jeux de données
catalog-intro = Tous les jeux de données que cette page inclut, issus de sources réelles publiées. Ouvrez-en un pour voir ses graphiques.
card-funding = Financement (engagé + décaissé)
card-required = Besoins
card-records = { $count ->
    [0] aucune contribution
    [one] une contribution
   *[other] { $count } contributions
}
card-as-of = données au { $date }
card-open = Ouvrir : { $title }
