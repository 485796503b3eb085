/** The hall's colours in one place: warm marble, cream walls, teak wood, red-white accents. */
export const PALETTE = {
  background: '#f3ead8',
  wall: '#f7f0e1',
  wallLow: '#e6d3b0',
  trim: '#b98b57',
  ceiling: '#efe6d2',
  lightPanel: '#fffdf4',
  window: '#cfe8f7',
  windowFrame: '#ffffff',
  wood: '#a86d3c',
  woodDark: '#7a4a25',
  deskTop: '#f1e6d0',
  marbleBase: '#e9dfcc',
  red: '#c8202b',
  white: '#ffffff',
  gold: '#d6a93a',
  carpet: '#a51c24',
  carpetBorder: '#d9b04c',
  seat: '#2f5d8a',
  steel: '#b9bec4',
  pot: '#c97b4a',
  potLight: '#efe7da',
  leaf: ['#3f8f3a', '#2f7a34', '#58a548'],
  ledPanel: '#16181c',
  khaki: '#b9a073',
  khakiDark: '#9c855b',
  black: '#1d1d1f',
  skin: ['#f1c9a5', '#d9a577', '#b98054', '#8d5a3b'],
  hair: '#1c1713',
  onDuty: '#27c46b',
  selfService: '#f2a516',
} as const;

/** Officers' and visitors' hijab and shirt colours. */
export const HIJAB_COLORS = ['#ffffff', '#1f3a68', '#7a1f35', '#2f6b5a', '#c9b48a', '#111111'];
export const SHIRT_COLORS = ['#e4572e', '#2e86ab', '#f6f1e8', '#6a4c93', '#1b998b', '#f2c14e', '#c0392b', '#34495e', '#8fbc8f', '#ff8fab'];
