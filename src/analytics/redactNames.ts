import { unknownCapitalisedWords } from './unknownCapitalisedWords';
import { isFirstName, isOrdinaryWord, isPlace } from './vocabulary';

/**
 * Finds people's names in a message, by the ways parents mention them: introductions ("my name is",
 * "I'm Kelly", "Siobhan here"), family and professionals named ("my son Tyler", "foster carer
 * Jackie", "Judge Thompson", "dad of Cerys", "Aisha's uncle", "me and Stacey (my sister)"), lists
 * of children ("my kids are Mason, Lily and Ruby") and sign-offs ("Regards, Michelle O'Brien").
 * A name is a capitalised word, except right after "my name is" or "called", where people often
 * type in lower case. Returns [start, end) offsets.
 */
export function findNames(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const take = (start: number, strong: boolean) => {
    const name = NAME.exec(text.slice(start));
    if (!name) return;
    // After a weak cue a lower-case word is a name only when it is no English word ("im shannon", not "im scared").
    if (!strong && !/^[A-Z]/.test(name[0]) && name[0].split(/[\s-]/).some((part) => isOrdinaryWord(part))) return;
    // "Amelia-Rose Smith": the second word only when capitalised, even after a strong cue.
    const words = name[0].split(' ');
    const kept = words.length > 1 && !/^[A-Z]/.test(words[1]) ? words[0] : name[0];
    if (NOT_NAMES.has(kept.split(/[\s-]/)[0].toLowerCase())) return;
    const first = kept.split(/[\s-]/)[0];
    if (!strong && isOrdinaryWord(first) && !isFirstName(first)) return;
    found.push([start, start + kept.length]);
  };

  for (const cue of text.matchAll(STRONG_CUE)) take((cue.index ?? 0) + cue[0].length, true);
  for (const cue of text.matchAll(WEAK_CUE)) take((cue.index ?? 0) + cue[0].length, false);
  for (const list of text.matchAll(CHILDREN_ARE)) {
    const listStart = (list.index ?? 0) + list[0].length;
    const items = /^[A-Z][\w'-]*(?:(?:, | and | & )[A-Z][\w'-]*)*/.exec(text.slice(listStart));
    if (!items) continue;
    for (const item of items[0].matchAll(/[A-Z][\w'-]*/g)) {
      if (!NOT_NAMES.has(item[0].toLowerCase())) found.push([listStart + (item.index ?? 0), listStart + (item.index ?? 0) + item[0].length]);
    }
  }
  for (const pattern of [SPEAKING, POSSESSIVE_OF, BEFORE_RELATION, SIGN_OFF, TITLED, BEFORE_CONTACT]) {
    for (const match of text.matchAll(pattern)) {
      const titled = pattern === TITLED;
      // Node 20 has no duplicate group names, so alternatives use name and name2.
      const name = match.groups?.name ?? match.groups?.name2;
      if (!name || NOT_NAMES.has(name.split(/[\s-]/)[0].toLowerCase()) || isPlace(name)) continue;
      // "Grandparents here", "Nanny here": an ordinary word that is no first name is not a name, unless a title says so.
      const first = name.split(/[\s-]/)[0];
      if (!titled && isOrdinaryWord(first) && !isFirstName(first)) continue;
      const start = (match.index ?? 0) + match[0].indexOf(name);
      found.push([start, start + name.length]);
    }
  }
  found.push(...unknownCapitalisedWords(text));
  return found;
}

const NAME = /^[A-Za-z][a-z']*(?:-[A-Za-z][a-z']+)*(?: [A-Za-z][a-z']+(?:-[A-Z][a-z']+)*)?/;

const FAMILY =
  'son|sons|daughter|daughters|boy|girl|baby|child|kid|grandson|granddaughter|grandchild|stepson|stepdaughter|niece|nephew|cousin|' +
  'partner|husband|wife|ex|boyfriend|girlfriend|mum|mother|dad|father|nan|nana|gran|grandma|grandad|sister|brother|aunt|auntie|uncle|' +
  'youngest|eldest|friend|neighbour';
const ROLES = 'social worker|sw|solicitor|barrister|judge|magistrate|guardian|foster carer|carer|support worker|family support worker|worker|health visitor|midwife|nurse|teacher|head teacher|headteacher|officer|manager|team manager|key worker|iro';
const TITLES = 'Mrs|Mr|Ms|Miss|Dr|Judge|DJ|HHJ|PC|DC|Sgt';

/** After these, any word is a name, even in lower case. */
const STRONG_CUE = /\b(?:my name is|my names|my name's|name's|name is|names|i am called|i'm called|im called|(?:is|are|was|were|been) (?:called|named)|named)\s+/gi;
/** After these, only a capitalised word is a name ("I'm Kelly", not "I'm scared"). */
const WEAK_CUE = new RegExp(
  String.raw`\b(?:this is|i am|i'm|im|it's|its|our|little|baby)\s+|\b(?:${FAMILY}|${ROLES})(?:'s)?(?: (?:called|named|is called))?\s+`,
  'gi',
);
/** "My kids are Mason, Lily and Ruby". */
const CHILDREN_ARE = /\b(?:my|our) (?:kids|children|sons|daughters|boys|girls|grandchildren|grandkids|twins) (?:are|r|is|called|named) /gi;
/** "Siobhan here", "Hi, Rhys speaking". */
const SPEAKING = /(?:^|[.!?]\s+|\b(?:[Hh]i|[Hh]ello|[Hh]iya),?\s+)(?<name>[A-Z][a-z']+(?: [A-Z][a-z']+)?)\s+(?:here|speaking)\b/g;
/** "dad of Cerys", "Aisha's uncle". */
const POSSESSIVE_OF = new RegExp(String.raw`\b(?:mum|mother|dad|father|nan|nana|gran|grandma|grandad|aunt|auntie|uncle|carer|guardian) (?:of|to) (?<name>[A-Z][\w'-]+)|\b(?<name2>[A-Z][a-z]+)'s (?:${FAMILY})\b`, 'g');
/** "me and Stacey (my sister)", "my daughter's dad (Connor Smith)". */
const BEFORE_RELATION = new RegExp(String.raw`\b(?<name>[A-Z][a-z']+(?: [A-Z][a-z']+)?) \((?:my|our|his|her|the) |(?:${FAMILY})\s\((?<name2>[A-Z][a-z']+(?: [A-Z][a-z']+)?)\)`, 'g');
/** "Regards, Michelle O'Brien", "…less scared now. Dawn", "thanks x Kelly". */
const SIGN_OFF = /(?:\b(?:[Rr]egards|[Tt]hanks|[Tt]hank you|[Cc]heers|[Ll]ove|[Bb]est wishes|[Mm]any thanks|[Kk]ind regards|[Ff]rom)[,.!]?\s+|[.!?]\s+)(?<name>[A-Z][a-z']+(?: [A-Z][a-z']+)?)\s*[x.!]*\s*$/g;
/** "Hannah Price 07700 900123 …": a full name at the start, straight before a number or an email. */
const BEFORE_CONTACT = /^(?<name>[A-Z][a-z']+ [A-Z][a-z'-]+)(?=[ ,:-]+(?:\+?\d[\d -]{8,}|\S+@))/g;
const TITLED = new RegExp(String.raw`\b(?:${TITLES})\.? (?<name>[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?)`, 'g');

/** Words that come after the cues above but are not names. */
const NOT_NAMES = new Set(
  (
    'a an the so very really just not scared worried frightened terrified desperate sorry confused lost angry upset tired urgent important serious ' +
    'pregnant going trying looking writing asking here there on in at about from with being getting still also now back round over ' +
    'mum dad mam mummy daddy nan nana nanna gran granny grandma grandad auntie uncle single disabled struggling fine ok okay alright sure unsure afraid ' +
    'stuck homeless living my your his her their our what why how when where who it this that these those social children childrens council ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'please help hi hello thanks thank yes no and but or because if i me us them him is are was were has have had will would can could should ' +
    'childline samaritans refuge cafcass police nspcc ofsted shelter court school hospital gp family services social services ' +
    'protection arrangements arrangement conference plan order orders minutes care assessment support law act proceedings review meeting in need'
  ).split(' '),
);
