# Pourquoi un importateur a laissé des enregistrements de côté (rapports d'import).

skip-fts-internal-flow = flux interne : déplace de l'argent déjà compté comme entrant dans le lieu
skip-fts-outgoing-flow = flux sortant : quitte le lieu
skip-fts-shared-flow = flux partagé : FTS l'attribue à plusieurs lieux ou années, hors du total unique de ce lieu
skip-fts-duplicate-flow = identifiant de flux en double : déjà lu sur une autre page
skip-outside-countries = hors des pays sélectionnés
skip-outside-years = hors des années sélectionnées
skip-no-amounts = ni besoins ni financement (tous deux vides ou à 0)
skip-negative-funding = financement négatif : un remboursement ou une correction nette que FTS enregistre hors de tout appel ; les montants d'un jeu de données ne peuvent pas être négatifs
skip-duplicate-row = doublon : le même enregistrement figure plus haut dans le fichier
skip-empty-row = ligne vide
skip-where-not-selected = ne remplit pas la condition --where de l'import
skip-activity-not-selected = activité non sélectionnée
skip-iati-budget-left-out = ligne de budget devenue aucun besoin : un budget révisé l'a remplacée, un autre couvre la même période, elle est nulle ou illisible, ou les budgets n'ont pas été demandés
skip-duplicate-activity = activité en double : cet iati-identifier a déjà été lu
skip-aiddata-project-without-amounts = projet AidData sans montants : la publication ne lui donne aucun engagement ni décaissement
skip-iati-transaction-type-1 = transaction de type 1 (fonds reçus) : argent reçu, déjà déclaré par son fournisseur comme engagement ou décaissement
skip-iati-transaction-type-4 = transaction de type 4 (dépense) : dépense de l'activité, pas un financement à un bénéficiaire
skip-iati-transaction-type-5 = transaction de type 5 (paiement d'intérêts) : pas un financement
skip-iati-transaction-type-6 = transaction de type 6 (remboursement de prêt) : pas un financement
skip-iati-transaction-type-7 = transaction de type 7 (remboursement de frais) : ni promesse, ni engagement, ni décaissement
skip-iati-transaction-type-8 = transaction de type 8 (achat d'actions) : pas un financement
skip-iati-transaction-type-9 = transaction de type 9 (vente d'actions) : pas un financement
skip-iati-transaction-type-10 = transaction de type 10 (garantie de crédit) : garantit un prêt, ne déplace pas d'argent
skip-outside-recipients = hors de la région ou des bénéficiaires choisis
skip-no-longer-listed = ne figure plus dans le dernier relevé (retiré, ou décrit autrement)
skip-after-until = postérieur à la date où s’arrête cette version de la série
