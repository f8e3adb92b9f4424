# Por qué un importador dejó registros fuera (informes de importación).

skip-fts-internal-flow = flujo interno: mueve dinero ya contado como entrante al lugar
skip-fts-outgoing-flow = flujo saliente: sale del lugar
skip-fts-shared-flow = flujo compartido: FTS lo atribuye a varios lugares o años, fuera del total único de este lugar
skip-fts-duplicate-flow = id de flujo repetido: ya se leyó en otra página
skip-outside-countries = fuera de los países seleccionados
skip-outside-years = fuera de los años seleccionados
skip-no-amounts = sin necesidades ni financiación (ambas vacías o 0)
skip-negative-funding = financiación negativa: un reembolso o corrección neta que FTS registra fuera de todo llamamiento; los importes de un conjunto de datos no pueden ser negativos
skip-duplicate-row = repetido: el mismo registro aparece antes en el archivo
skip-empty-row = fila vacía
skip-where-not-selected = no cumple la condición --where de la importación
skip-activity-not-selected = actividad no seleccionada
skip-iati-budget-left-out = fila de presupuesto que no se volvió necesidad: la reemplazó un presupuesto revisado, otro cubre el mismo período, es cero o ilegible, o no se pidieron presupuestos
skip-duplicate-activity = actividad repetida: este iati-identifier ya se leyó
skip-aiddata-project-without-amounts = proyecto de AidData sin montos: la publicación no le da ningún compromiso ni desembolso
skip-iati-transaction-type-1 = transacción de tipo 1 (fondos recibidos): dinero recibido, que su proveedor ya informa como compromiso o desembolso
skip-iati-transaction-type-4 = transacción de tipo 4 (gasto): gasto de la actividad, no financiación a un receptor
skip-iati-transaction-type-5 = transacción de tipo 5 (pago de intereses): no es financiación
skip-iati-transaction-type-6 = transacción de tipo 6 (reembolso de préstamo): no es financiación
skip-iati-transaction-type-7 = transacción de tipo 7 (reintegro): no es promesa, compromiso ni desembolso
skip-iati-transaction-type-8 = transacción de tipo 8 (compra de acciones): no es financiación
skip-iati-transaction-type-9 = transacción de tipo 9 (venta de acciones): no es financiación
skip-iati-transaction-type-10 = transacción de tipo 10 (garantía de crédito): respalda un préstamo, no mueve dinero
skip-outside-recipients = fuera de la región o los receptores seleccionados
skip-no-longer-listed = ya no figura en el corte más reciente (retirado o descrito de otra manera)
skip-after-until = posterior a la fecha en que se detiene esta versión de la serie
