/** Every publication the campaign builds (a leaflet's variants each count), sorted as build events are. */
export const CAMPAIGN_IDS = [
  'dossier',
  'leaflets/janaozen-anniversaire',
  'leaflets/rassemblement-16-decembre/lille',
  'leaflets/rassemblement-16-decembre/lyon',
  'leaflets/rassemblement-16-decembre/marseille',
  'leaflets/solidarite-janvier-2022',
  'pamphlets/icor-kazakhstan-2022',
  'pamphlets/janaozen-2011',
] as const;
