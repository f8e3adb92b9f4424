// Where Natural Earth's admin-1 table gives a division the wrong ISO 3166-2 code, the code ISO
// 3166-2 gives it, keyed by the division's GeoNames admin1 code. Used by data/scripts/admin1.mjs
// (the bundled code lists) and web-js/geo.mjs (the map boundaries), so both agree.
export const ISO_3166_2_CORRECTIONS = new Map([
  // Natural Earth 10m names Bogotá "CO-CUN", Cundinamarca's code; ISO 3166-2:CO gives it CO-DC.
  ['CO.34', 'CO-DC'],
]);

/** A feature's ISO 3166-2 code, corrected where Natural Earth is wrong. */
export const isoOf = (properties) => ISO_3166_2_CORRECTIONS.get(properties.gn_a1_code) ?? properties.iso_3166_2;
