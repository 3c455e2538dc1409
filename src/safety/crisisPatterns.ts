import { CrisisCategory } from './crisisCategory';

/**
 * Danger phrases, written against the normalised text (crisisText.ts: "he's" is "he is", "can't"
 * is "can not"). `strong` phrases describe danger on their own ("locked me in", "not breathing");
 * `ifNow` phrases count only when the sentence also says it is happening now, has just happened or
 * is going on ("bleeding" + "tonight", "he is holding a knife"); `conditional` phrases are danger put
 * as a question or an "if" ("how many would it take"). Whether the sentence is past, reported,
 * negated, hypothetical or a figure of speech is decided in crisisDetector.ts.
 *
 * The vocabularies below are deliberately wide (slang, every tense, common objects) so a phrase
 * matches the many ways people write the same thing, not just the wording of one test message.
 */

/** Children, by relationship, age ("8 yr old", "5yo") or description. */
const CHILD = String.raw`(?:(?:little|baby|step ?)(?:brother|sister)|stepbrother|stepsister|kids|kid|kiddo|child|sons?|daughters?|baby|babys|babies|twins|boys|girls|little ones?|little lad|lad|grandchildren|stepkids|infant|grandsons?|granddaughters?|nephews?|nieces?|boy|girl|little one|little boy|little girl|toddler|newborn|grandson|granddaughter|grandchild|grandkids|teen|teenager|stepson|stepdaughter|nephew|niece|youngest|eldest|(?:\d{1,2} ?(?:yo|yr|yrs|year|month)s?(?: old)?)|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen) ?(?:year|yr|month)s? ?old)`;
const PERSON = String.raw`(?:me|us|her|him|them|mum|my mum|my mother|my dad|my sister|my brother|my nan|my partner|my wife|my husband|my boyfriend|my girlfriend|the both of us|both of us|my \w+|the \w+)`;
/** Hurting someone, as it happens. */
const HARM_ING = String.raw`(?:pulling (?:my|her|his) hair|pulling|slamming|smashing|banging|pinning|sitting on|kneeling on|coming at|lunging at|swinging at|swinging for|stamping on|bashing|booting|kneeing|hitting|beating|punching|kicking|strangling|choking|throttling|attacking|hurting|battering|slapping|smacking|shaking|stabbing|biting|burning|dragging|grabbing|pushing|shoving|headbutting|laying into|going for|threatening|abusing|touching|whacking|thumping|punishing|starving|drowning|smothering)`;
/** Hurting someone, just done (a sign of "now" is still needed unless the phrase says "just"). */
const HARM_PAST = String.raw`(?:bitten|broken|broke|stamped on|bashed|booted|kneed|hit|punched|kicked|slapped|smacked|shook|shaken|hurt|attacked|strangled|choked|throttled|stabbed|beat|beaten|battered|assaulted|pushed|shoved|thrown|threw|headbutted|whacked|thumped|bit|burnt|burned|dragged|grabbed|glassed|rammed|scalded|knocked)`;
/** Weapons, and things picked up as weapons. */
const WEAPON = String.raw`(?:knife|knives|gun|shotgun|rifle|air rifle|pistol|weapon|machete|cleaver|hammer|baseball bat|bat|golf club|iron bar|metal bar|chair leg|poker|brick|blade|axe|chisel|screwdriver|broken bottle|glass bottle|glass|belt|petrol|lighter|crowbar|scissors)`;
/** Medicines and drugs people overdose on, by kind and by common UK name. */
const PILLS = String.raw`(?:pills|tablets|paracetamol|pain ?killers|meds|medication|medicine|sleeping pills|sleepers|anti ?depressants|co[- ]?codamol|dihydrocodeine|oramorph|liquid morphine|insulin|methadone|script|morphine|oxycodone|fentanyl|heroin|ibuprofen|aspirin|lithium|olanzapine|zopiclone|lorazepam|temazepam|naproxen|gabapentin|calpol|sertraline|citalopram|fluoxetine|mirtazapine|diazepam|tramadol|codeine|amitriptyline|propranolol|pregabalin|quetiapine)`;
const SELF = String.raw`(?:myself|herself|himself|themselves)`;
/**
 * A filler word between the parts of a phrase: never a negation, so "i am not suicidal" cannot match
 * "i am … suicidal", and never a word starting a new clause ("still shaking but the kids are ok").
 */
const W = String.raw`(?:(?!(?:not|never|no|other|but|because|so)\b)\w+ )`;
const NOT_LET = String.raw`(?:will not|would not|is not|are not|not) (?:let|letting) (?:me|us|her|him|them|my \w+) (?:leave|go(?! to (?:football|school|parties|a party|the party|the match|practice|training|the park|the cinema|town|the shop|sleep)| on\b)|out|come home|get out|home)\b`;

/** Someone who is not conscious or not responding. "Not answering" is left out: phones go unanswered. */
const UNRESPONSIVE = String.raw`(?:(?:is|are|am) not (?:waking(?: up)?|moving|responding|coming round|coming to|conscious)(?! (?:out|in|house|on|forward|away|back|to|from))|not (?:waking|wakeing) up|will not (?:wake|stay awake|respond|come round|open (?:his|her|their) eyes)|can not (?:wake|rouse|keep (?:him|her|them) awake)|unconscious|unresponsive|lifeless|out cold|(?:keeps|keep) (?:passing|blacking|drifting) (?:out|off))`;
/** Breathing that is failing, or colour that says so. */
const BREATHING = String.raw`(?:(?:not|barely|hardly|stopped|can not|could not|unable to|struggling to|fighting to|trouble|finding it hard to) (?:breathe|breathing|get (?:a|his|her|my|their) breath|catch (?:his|her|my|their) breath)(?! (?:through|out of) (?:his|her|my|their|the) nose)|(?:fighting|gasping|struggling) for (?:every |each |his |her |their |my )?(?:breath|air)|breathing (?:is |seems |sounds |looks |has gone |has got )?(?:really |very |so |all )?(?:slow|shallow|funny|weird|strange|noisy|rattly|rattling|laboured|gurgling|wrong)|(?:lips|face|skin|mouth) (?:is |are )?(?:going|gone|turning|turned) (?:a )?(?:funny|weird|strange|blue|grey|gray|purple|white)|(?:he|she|they|baby) (?:is |are )?(?:going|gone|turning|turned) (?:blue|grey|gray|purple))`;
/** How much of a medicine someone has taken: "40 of my mirtazapine", "the whole packet", "most of the pills". */
const DOSE = String.raw`(?:\d{2,}|\d+ of|loads|lots|a load|a lot|a handful|handfuls|a (?:bottle|packet|box|strip|pot|tub|week|month)|(?:the|a|her|his|my) whole (?:\w+ )?(?:bottle|packet|box|strip|week|month|pot|tub)|all|most|half|the rest|too many|too much|double|a double dose|some)`;
/** Suicide notes and goodbyes: a person putting their affairs in order or saying a last word. */
const GOODBYE = String.raw`(?:this is (?:my )?goodbye|said (?:my )?goodbyes|saying (?:my )?goodbyes|goodbye (?:everyone|all|world|my \w+)|(?:nice|good) knowing (?:you|everyone|some of you|all of you)|(?:the )?last thing i will (?:ever )?(?:write|say|post)|by the time (?:anyone|you|someone|somebody|they) (?:reads?|sees?|gets?) this|(?:whoever|whoever it is that|the person who) finds me|(?:they|someone|somebody|he|she) will find me|^(?:good ?bye|bye)(?: (?:all|everyone|world|forever|my \w+))?$|find me in the morning|sorry for what i am about to do|sorry for everything(?:$| and| i| please| tell| look)|(?:make sure|please) (?:someone |somebody )?tells? |(?:tell|let) ${W}{0,3}(?:know )?(?:that )?(?:i|he|she|his mum|her mum|their mum|his dad|her dad|their dad|mummy|daddy|mum|dad) (?:loved|always loved|will always love|love) (?:him|her|them|you)\b.*|leave this world|(?:not|will not) be a (?:problem|burden) (?:for|to) ${W}{0,2}(?:much )?longer|(?:sorted|sorting) out who gets|left (?:the |my )?passwords|(?:written|wrote|writing|left|put) ${W}{0,2}(?:letters?|notes?|cards?) (?:for|to|in)\b|(?:got|put) my (?:affairs|things) in order|look after (?:the kids|my kids|the dog|the cat|them|him|her) for me|(?:be|going to be) with (?:god|jesus|my \w+ in heaven)|in heaven (?:together|tonight|soon))`;
/** Ways of asking how to end a life. */
const METHOD_QUESTION = String.raw`(?:how (?:many|much) ${W}?(?:${PILLS}|of (?:them|these|my \w+)) (?:would|does|will|do|to) (?:it )?(?:take|kill|it take)|(?:so|and) (?:i|you) (?:do not|never|will not) wake up|(?:is|would) it (?:be )?(?:painless|quick|quicker|instant)|(?:quickest|easiest|least painful|painless) way to (?:die|go|do it|end it)|how long (?:does|would|will) it take to die|(?:lethal|fatal) (?:dose|amount))`;
/** Places people go to end their lives, and ways of getting there now. */
const HIGH_OR_WATER = String.raw`(?:bridge|cliffs?|cliff edge|train tracks|railway|tracks|level crossing|platform|motorway bridge|multi ?storey|car park roof|roof|canal|river|reservoir|sea|quarry|viaduct|woods)`;

/** A child named in a sentence: violence around a child puts the child at risk too (Domestic Abuse Act 2021). */
export const NAMES_A_CHILD = new RegExp(String.raw`\b${CHILD}\b`);
/** A message saying the person in danger, or the writer, is under 18: "he's 14", "I'm 15", "our placement (12)". */
export const STATES_A_MINOR_AGE = /\b(he|she|i|they|my \w+) (is|am|are) (about |only |just |nearly )?([1-9]|1[0-7])\b(?! ?(weeks?|stone|minutes|mins|hours|hrs|miles|pm|am|o'clock|%))/;
/** The same, written as "our placement (12)": brackets, so tested on the message before normalising. */
export const BRACKETED_MINOR_AGE = /\((?:[1-9]|1[0-7])\)/;

export interface DangerPattern {
  readonly category: CrisisCategory;
  readonly pattern: RegExp;
  /** True: enough on its own. False: needs a sign in the same sentence that it is now. */
  readonly strong: boolean;
  /** The sentence is about someone else acting lawfully (a social worker at the door), not danger. */
  readonly unless?: RegExp;
  /**
   * True: the danger is itself put as a question or an "if" ("how many would it take", "they'd be
   * better off if I was gone"), so a question or "if" frame does not cancel it.
   */
  readonly conditionalForm?: boolean;
}

/** Fear of what children's services or a court will do is a worry to advise on, not danger. */
const WORRY_ABOUT_SERVICES = /\b(scared|terrified|worried|frightened|afraid) (that )?(social services|ss|the sw|sw|they|the council|the court|court|cafcass|the judge|police|the police|the school) (will|would|might|are going to|could)\b/;

/** Professionals doing their job: a social worker at the door is not an intruder. */
const PROFESSIONALS = /\b(social worker|sw|social services|ss|children'?s services|council|police|officer|health visitor|midwife|nurse|postman|bailiff|court|cafcass|the la|local authority|school)\b/;

const strong = (category: CrisisCategory, source: string, unless?: RegExp): DangerPattern => ({ category, pattern: new RegExp(source), strong: true, unless });
const ifNow = (category: CrisisCategory, source: string, unless?: RegExp): DangerPattern => ({ category, pattern: new RegExp(source), strong: false, unless });
const conditional = (category: CrisisCategory, source: string): DangerPattern => ({ category, pattern: new RegExp(source), strong: true, conditionalForm: true });

/** Phrases grown from the labelled set (crisisSet.jsonl), each close to the messages it was written for. */
const LABELLED_PHRASES: readonly DangerPattern[] = [
  // A child being hurt, missing, taken or left unsafe now.
  strong('child-at-risk-now', String.raw`\b(?:is|are|keeps|kept|still|started|now|just) ${W}{0,2}${HARM_ING} ${W}{0,2}${CHILD}\b`),
  strong('child-at-risk-now', String.raw`\b(?:just|has just|have just) ${HARM_PAST} ${W}{0,2}${CHILD}\b`),
  strong('child-at-risk-now', String.raw`\b${CHILD} ${W}{0,3}(?:is|are) (?:not safe|unsafe|in danger|being (?:hurt|hit|abused|beaten|attacked|touched|groomed))\b`),
  strong('child-at-risk-now', String.raw`\b(?:locked|locking|shut|shutting) (?:${CHILD}|him|her|them|my \w+|the \w+) ${W}{0,3}in (?:the |a |his |her |their )?(?:room|shed|cupboard|car|house|flat|bathroom|bedroom|garage|cellar)\b`),
  strong('child-at-risk-now', String.raw`\b(?:will|going to|is going to|threaten\w*|says?|said) ${W}{0,2}(?:hurt|kill|drown|harm|take|snatch) ${W}{0,1}(?:${CHILD}|him|her|them)\b.*\b(?:if i|unless|now|tonight|airport|never see)\b`, PROFESSIONALS),
  strong('child-at-risk-now', String.raw`\bnever see (?:him|her|them|${CHILD}) again\b|\b(?:will|would|going to) never see (?:him|her|them|${CHILD})\b`),
  strong('child-at-risk-now', String.raw`\b(?:${CHILD}|little (?:boy|girl))\b.*\b(?:on|onto|out onto|out on|climbed (?:out )?(?:on|onto)) (?:the |a )?(?:windowsill|window sill|window ledge|ledge|balcony|roof)\b`),
  strong('child-at-risk-now', String.raw`\blost ${W}?(?:my|our|the) ${W}?${CHILD} (?:in|at|on) \b|\b${CHILD} (?:is|has) (?:gone|vanished|disappeared)\b(?! to | with | out with| off to| home| back)`),
  strong('child-at-risk-now', String.raw`\b(?:shut|locked|put) (?:her|him|them|${CHILD}) out (?:in|into|on)\b`),
  strong('child-at-risk-now', String.raw`\b(?:${CHILD}|little (?:boy|girl))\b.*\b(?:dual carriageway|motorway|main road|by the road|in the road|railway line|canal|river)\b.*\b(?:walking|wandering|on (?:his|her) own|no adult|any adult|alone|nobody)\b`),
  strong('child-at-risk-now', String.raw`\blocked (?:himself|herself|themselves) in ${W}{0,3}with (?:her|him|them|the baby|the kids|${CHILD})\b|\bnobody gets (?:her|him|them)\b`),
  strong('child-at-risk-now', String.raw`\b(?:grooming|groomed|groomer)\b.*\b(?:left|gone|with him|with them|tonight|right now|just|meet)\b`),
  strong('child-at-risk-now', String.raw`\b(?:men|man|adults?|older (?:boys|lads))\b.*\b(?:get in|do a run|run for them|go with them)\b`),
  strong('child-at-risk-now', String.raw`\b${CHILD}\b.*\b(?:come (?:and )?get me|is hurting me)\b`),
  strong('child-at-risk-now', String.raw`\b${CHILD}\b.*\b${NOT_LET}\b`),
  strong('child-at-risk-now', String.raw`\b(?:i can hear|hear) (?:him|her|them|the \w+|${CHILD}) (?:screaming|crying|gasping|choking)\b`),
  strong('child-at-risk-now', String.raw`\bdriving (?:like a (?:maniac|nutter|lunatic|idiot|madman)|dangerously|recklessly)\b|\bdriving ${W}{0,3}(?:them|the kids|the boys|the girls|${CHILD})\b.*\b(?:can in|drink in|drunk|beer|lager|speed|speedo)\b`),
  strong('child-at-risk-now', String.raw`\b(?:has|got|with|looking after|minding|in charge of) (?:my|the|our|her|his) ${W}?${CHILD}\b.*\b(?:drunk|high|off (?:his|her) (?:face|head)|on drugs|wasted|passed out|out of it|can not stand)\b`),
  strong('child-at-risk-now', String.raw`\b(?:meet|meeting|gone to meet|going to meet|gone off with|went off with|with|in (?:a|his|the) car with|get in (?:a|the|their) car)\b.*\b(?:a|an|some|the|this|that|grown|older)? ?(?:older |grown |adult )?(?:man|men|bloke|guy|adult|stranger|dealer)\b(?:.*\b(?:online|tonight|now|just|scared|will not|outside|\d\d)\b)`),
  strong('child-at-risk-now', String.raw`\b(?:${CHILD}|she|he) (?:is|are|has|have)? ?(?:gone )?(?:missing|run away|ran away|running away|run off|ran off|disappeared|not come home|not came home|not back)\b.*\b(?:tonight|now|just|hours|since|dark|scared|not answering|will not answer|man|men|\d ?pm|\d ?am|late|midnight|mins|minutes|looking|anywhere|phone off|police)\b`),
  strong('child-at-risk-now', String.raw`\b(?:can not|cannot) (?:find|see) (?:my|the|our) ${W}?${CHILD}\b|\b(?:can not|cannot) (?:find|see) (?:him|her|them) anywhere\b`),
  strong('child-at-risk-now', String.raw`\b(?:has not|have not|not) come home\b.*\b(?:\d ?pm|phone off|not answering|police|dark|midnight|late|never)\b`),
  strong('child-at-risk-now', String.raw`\b${CHILD}\b.*\b(?:man|men|bloke|guy|adult|adults)\b.*\b(?:met online|not coming home|giving (?:her|him) (?:drink|drugs|alcohol)|give (?:her|him) (?:drink|drugs)|scared)\b`),
  strong('child-at-risk-now', String.raw`\b(?:grabbed|snatched|took|taken|bundled|put) (?:him|her|them|${CHILD})\b.*\b(?:car|van)\b.*\b(?:no idea where|do not know where|driven off|drove off)\b|\bno idea where (?:they|he|she) (?:are|is|have gone|has gone|went)\b`),
  strong('child-at-risk-now', String.raw`\b(?:took|taken|snatched|grabbed|has got|has) ${W}?(?:my|the|our|her|his) ${W}?${CHILD}\b.*\b(?:drunk|high|off (?:his|her) (?:face|head)|on drugs|wasted|driving|driven off|drove off|been drinking|will not (?:bring|give|let)|threaten\w*|knife|weapon|abroad|no idea where|do not know where)\b`),
  strong('child-at-risk-now', String.raw`\b(?:drunk|high|off (?:his|her) (?:face|head)|on drugs|wasted|spice|smashed)\b.*\b(?:driving|drove|in the car|pram|buggy|holding|dropping|will not put|took|taken|has got|has)\b.*\b(?:${CHILD}|him|her|them)\b`),
  ifNow('child-at-risk-now', String.raw`\b(?:${CHILD}|him|her|them|they are|theyre) ${W}{0,8}(?:alone|on (?:his|her|their) own|by (?:himself|herself|themselves)|no adult)\b`),
  ifNow('child-at-risk-now', String.raw`\b(?:left|leaving) (?:the|my|our|his|her) ${W}{0,2}${CHILD} ${W}{0,3}(?:alone|on (?:his|her|their) own|by (?:himself|herself|themselves))\b`),
  strong('child-at-risk-now', String.raw`\b(?:wandering|walking|out) ${W}{0,3}(?:on (?:his|her|their) own|alone)\b`),
  strong('child-at-risk-now', String.raw`\b${NOT_LET}\b.*\b(?:${CHILD}|her|him|scared|room|flat)\b`),
  strong('child-at-risk-now', String.raw`\b(?:will not|won't|refusing to|refuses to|not going to) (?:give|bring|hand|send) ${W}{0,2}(?:${CHILD}|him|her|them) back\b`),
  strong('child-at-risk-now', String.raw`\b(?:no food|not fed|starving|hungry)\b.*\b(?:locked|since yesterday|days|scared)\b`),
  strong('child-at-risk-now', String.raw`\b(?:sell|selling|run|running|do a run|deal|dealing) ${W}{0,2}(?:drugs|stuff|for them)\b.*\b(?:tonight|just|now|left|outside|get in)\b`),
  strong('child-at-risk-now', String.raw`\b(?:gas is on|gas on|set fire|on fire|burning (?:the )?(?:house|flat|place))\b`),
  strong('child-at-risk-now', String.raw`\b${CHILD}\b.*\bblood on (?:his|her) (?:face|head)\b`),
  strong('child-at-risk-now', String.raw`\b(?:is|are) (?:sexually )?abusing ${W}{0,1}${CHILD}\b`),
  ifNow('child-at-risk-now', String.raw`\b${HARM_PAST} ${W}{0,2}${CHILD}\b`),
  ifNow('child-at-risk-now', String.raw`\b(?:touching|touched|abusing|abused) ${W}{0,1}(?:her|him|${CHILD})\b`),
  ifNow('child-at-risk-now', String.raw`\b(?:scared|terrified|screaming|crying|gasping)\b.{0,60}\b${CHILD}\b|\b(?:${CHILD}) ${W}{0,4}(?:scared|terrified|screaming|crying|gasping)\b`, WORRY_ABOUT_SERVICES),
  ifNow('child-at-risk-now', String.raw`\b(?:he|she|they|dad|mum|ex|partner|boyfriend|girlfriend|fella) (?:is|are) ${W}{0,3}(?:so |really |very |completely )?(?:drunk|high|off (?:his|her) (?:face|head)|on drugs|wasted|out of it|passed out)\b`),

  // Violence or threats to an adult, now or about to happen.
  strong('violence-now', String.raw`(?<!know |think |worried |scared )\b(?:is|are|keeps|kept|still|started|now|just) ${W}{0,2}${HARM_ING} (?:me|us|her|him|them|mum|dad|nan|my \w+)\b(?! to | into )`),
  strong('violence-now', String.raw`\b(?:leaving in an ambulance|leave in an ambulance|in a body bag|you are dead|you will be sorry|you are going to pay|watch your back|drag (?:me|her|you) out)\b`),
  strong('violence-now', String.raw`\b(?:is|are|keeps|still|started|now) ${W}{0,2}(?:hitting|banging|punching|kicking|smashing|thumping) (?:the|my|our) (?:windscreen|car|window|windows|door|wall|walls)\b`),
  strong('violence-now', String.raw`\b(?:by|round|around) (?:her|his|my|the) (?:neck|throat|hair)\b|\b(?:up )?against the wall\b.*\b(?:neck|throat|hands)\b`),
  strong('violence-now', String.raw`\bsharpening (?:a|the|that|his|her) (?:knife|knives|blade|machete)\b`),
  ifNow('violence-now', String.raw`\b(?:threw|thrown|throwing|chucked|lobbed|hurled) ${W}{0,3}at (?:me|us|her|him)\b`),
  strong('violence-now', String.raw`\bthreatening ${W}{0,2}with (?:a |the |his |her )?${WEAPON}\b`),
  strong('violence-now', String.raw`\b(?:is|are|keeps|still|started|now) ${W}{0,2}(?:smashing|trashing|wrecking|breaking(?! point)|throwing(?! up)|kicking off|raging|going mental|going crazy|gone mental|gone crazy|kicked off|lost it)\b`),
  strong('violence-now', String.raw`\b(?:banging|battering|hammering|pounding|kicking|booting|shouting through|trying) (?:on |at |in |through )?(?:the|my|our) (?:front |back )?(?:door|window|windows|letterbox)\b`),
  strong('violence-now', String.raw`\b(?:trying to|tried to|coming through|breaking|broke|smashed|put) (?:get in|break in|break the door|kick the door|the door in|the window|my window|my car windows|through the window|into the (?:house|flat))\b`),
  strong('violence-now', String.raw`\b(?:going to|will|about to|coming (?:round|back|over|in) to|coming to|wants to|tonight is the night he|night he) (?:kill|kills|stab|murder|batter|hurt|beat|strangle|shoot|burn|glass|finish|break|smash) (?:me|us|my|the kids|her|him|mum|the both|both|everyone)(?: in| out| up)?\b|\b(?:going to|will|about to|coming (?:round|back|over|in) to|coming to|wants to) (?:do|sort) (?:me|us|her|him|the kids|everyone)(?= in\b| over\b| and\b| if\b| when\b| tonight\b| now\b| properly\b| for good\b|$)`),
  strong('violence-now', String.raw`\b(?:kill|finish) (?:me|us) (?:off|tonight|and then|and)\b|\bfinish me off\b|\bbreak my (?:neck|legs|arms)\b|\bteach me a lesson\b|\bround (?:2|two)\b|\b(?:i am|he is|she is|we are|you are) next\b|\bnobody will find me\b`),
  ifNow('violence-now', String.raw`(?<!\bi (?:am |keep |have |just )?)\b(?:has|have|got|with|holding|waving|grabbed|picked up|getting|get|went to get|gone to get|pulled) (?:a |the |his |her |my |that )?${W}{0,2}${WEAPON}\b`),
  strong('violence-now', String.raw`\b(?:poured|pouring) (?:petrol|lighter fluid|paraffin|white spirit|accelerant)\b|\b(?:petrol|lighter fluid|paraffin|white spirit) (?:through|in|into|over|on) (?:the|my|our) (?:letterbox|door|house|flat|car)\b|\bburn(?:ing)? (?:the|my|our) (?:house|flat|place) down\b`),
  strong('violence-now', String.raw`\b(?:locked (?:me|us|me and \w+ \w+|the door|the doors|every door|all the doors)|trapped (?:in|me|us)|hiding (?:from (?:him|her|them)|in (?:the|my) (?:bathroom|bedroom|toilet|car|wardrobe|room)))\b`),
  strong('violence-now', String.raw`\b${NOT_LET}\b|\b(?:not|never) (?:going|getting) anywhere\b|\bblocking the (?:door|stairs|way)\b|\btook (?:my|the) (?:keys|phone|mobile)\b|\b(?:snapped|smashed|took) my (?:sim|phone)\b`),
  strong('violence-now', String.raw`\b(?:by the|round my|round the|around my) (?:throat|neck|hair)\b|\bpinned (?:me|her|him)\b|\bgot (?:me|her) by\b|\b(?:will not|would not) let (?:go|me go)\b`),
  strong('violence-now', String.raw`\b(?:fear(?:ing)? for my life|scared for my life|terrified for my life|scared he will kill|scared she will kill|think he will kill|think she will kill|think he is going to kill)\b`),
  strong('violence-now', String.raw`\b(?:just|has just|have just) ${HARM_PAST} (?:me|us|mum|my mum|my partner|her|him|my car)\b`),
  strong('violence-now', String.raw`\b(?:set the dog on|screaming for help|getting battered|being battered|being attacked|being beaten)\b`),
  strong('violence-now', String.raw`\b(?:followed|following|chasing|chased) me\b.*\b(?:now|here|home|just|tonight|car)\b`),
  strong('violence-now', String.raw`\bcall(?:ing)? (?:the )?(?:police|999) ${W}{0,3}(?:now|right now)\b`),
  ifNow('violence-now', String.raw`\b${HARM_PAST} (?:me|us|mum|my mum|her|my (?:face|head|arm|arms|leg|legs|neck|back|nose|eye|lip|hand|hands|ribs|stomach|jaw))\b`),
  ifNow('violence-now', String.raw`(?<!(?:social worker|sw|police|officer|health visitor|midwife|nurse|postman|she|they) (?:is|are) )\b(?:outside|at|on) (?:my|the|our) (?:house|door|flat|window|front door|back door|doorstep|gate|gates|school gates)\b|\bdoor is (?:only )?on the chain\b`, PROFESSIONALS),
  ifNow('violence-now', String.raw`\b(?:threaten(?:ing|s|ed)?|swore|swearing|texted|texting|messaged|messaging|saying|says|said|text|shouting) ${W}{0,4}(?:kill|kills|stab|murder|burn|batter|shoot|hurt|get|glass|finish) (?:me|us|my kids|the kids|him|her|you)\b`),
  ifNow('violence-now', String.raw`\b(?:he|she|they|ex|partner|husband|boyfriend|wife|girlfriend|brother|dad|in law) ${W}{0,3}(?:is|are|has) (?:coming (?:round|back|over|here)|on (?:his|her|their) way|turned up|followed me)\b`),
  ifNow('violence-now', String.raw`\b(?:he|she)\b.*\bi am (?:so |really |absolutely )?(?:scared|terrified|frightened|shaking)(?: of (?:him|her)| for my life)?(?=$| and)|\bi am (?:so |really |absolutely )?(?:scared|terrified|frightened|shaking)(?: of (?:him|her)| for my life)?(?=$| and| he| she)`),

  // Suicide or self-harm, now or intended.
  strong('suicide-self-harm', String.raw`\b(?:kill|killing|top|topping|end|ending|hang|hanging|hurt|hurting|harm|harming|cut|cutting|burn|burning|gas|gassing|drown|drowning|overdose) ${SELF}\b`),
  strong('suicide-self-harm', String.raw`\b(?:want|wants|wanting|going|planning|plan|about|ready|decided|thinking about|thinking of|trying) to (?:die|end it|end things|end my life|end it all|kill (?:my|him|her)self|take my (?:own )?life|not be here|be dead|take (?:all )?(?:my|the|these) ${PILLS}|take an overdose|jump|sleep and not wake up|sleep forever)\b`),
  strong('suicide-self-harm', String.raw`\b(?:i am|i feel|feeling|i have been feeling|she is|he is|my \w+ is) ${W}{0,2}suicidal\b`),
  strong('suicide-self-harm', String.raw`\b(?:no|not any|not much) (?:point|reason) (?:in |to )?(?:living|life|going on|being (?:here|alive)|carrying on|carry on|live|go on)\b`),
  strong('suicide-self-harm', String.raw`\b(?:nothing|no one|nobody) (?:left )?to live for\b`),
  strong('suicide-self-harm', String.raw`\b(?:better off|be better off|easier for everyone) (?:dead|without me|(?:${W}{1,4})?than with me|if i (?:was|were) not here)\b|\b(?:everyone|every one|they|the kids|all of them) (?:is |are |would be |will be )?(?:better off|be better off)$`),
  strong('suicide-self-harm', String.raw`\b(?:do not|can not) (?:want to )?(?:live|be alive|be here|wake up|exist|go on living|carry on living) (?:any ?more|any longer|without)\b|\bdo not want to (?:live|be alive|wake up|exist)\b|\bnot wake up\b`),
  strong('suicide-self-harm', String.raw`\b(?:end it all|end my life|take my (?:own )?life|ending it all|end it tonight|finish it all|(?:text|texted|said|saying|say|messaged|sent|send) (?:me )?(?:a )?goodbye|write (?:a|my) (?:suicide )?note|wrote (?:letters|a letter|notes?) to (?:them|my kids|the kids)|(?:be|being) here (?:tomorrow|by the morning|much longer|for long)|be around for|do it properly|enough to do it|got a plan|doing it tonight|feels like the night|is the night|what happens to my kids if i am dead)\b|\bgot the stuff$`),
  ifNow('suicide-self-harm', String.raw`\b(?:got|have|saved|saving|stockpiled|counted|collected|lined up|sat with|sitting with|holding|opened) (?!locked|away|put away|put on|prescribed)${W}{0,3}(?<!\bon )${PILLS}\b(?! for | away)`),
  strong('suicide-self-harm', String.raw`\b${PILLS} ${W}{0,3}(?:in front of me|lined up|are here|ready|in my hand|counted out|opened)\b`),
  strong('suicide-self-harm', String.raw`\b(?:\d+|boxes of|box of|packets of|a load of) ${W}?(?:paracetamol|tablets|pills)\b.*\b(?:vodka|alone|empty|all night|tonight)\b`),
  strong('suicide-self-harm', String.raw`\b(?:on|by|at|off|near|stood by|standing by|sat on|sitting on) (?:(?:the |a )?(?:bridge|train tracks|railway|tracks|cliff|balcony|multi ?storey)|(?:the|a) (?:roof|edge))\b`),
  strong('suicide-self-harm', String.raw`\b(?:noose|belt round (?:her|his|my) neck|rope round|ligature)\b`),
  strong('suicide-self-harm', String.raw`\b(?:driving|drive|crash|crashing) ${W}{0,2}into (?:a |the )?(?:wall|tree|bridge|lorry|something|anything|sea|river|canal|lake|reservoir)\b|\bin front of (?:a |the )?(?:train|lorry|bus|car)\b`),
  strong('suicide-self-harm', String.raw`\b(?:razor|blade|knives)\b.*\b(?:bath|arms|wrists|think about it|easier|hates? (?:her|him|my)self|looking|blood)\b|\bhates? (?:her|him|my)self\b.*\b(?:razor|blade|blood|knife)\b`),
  strong('suicide-self-harm', String.raw`\b(?:cut|slit|slashed) (?:my|her|his) (?:arms|wrists|legs)\b`),
  ifNow('suicide-self-harm', String.raw`\b(?:started|start) (?:cutting|self ?harming|burning myself)(?: again)?\b|\b(?:cutting|self ?harming|cut) again\b`),
  strong('suicide-self-harm', String.raw`\b(?:will not|not going to) be (?:here|around|alive)\b.*\b(?:letters?|notes?|written|goodbye|any ?more|much longer|to do it|for them|decided|by)\b|\b(?:letters?|notes?) (?:are|is) (?:written|done)\b|\bwriting ${W}?(?:a |my )?(?:letter|note)s? (?:for|to) ${W}{0,3}(?:to read )?when (?:they|he|she) (?:are|is) older\b|\brope\b.*\b(?:loft|ready|garage|tied|beam|tree|up)\b`),
  strong('suicide-self-harm', String.raw`\btop (?:floor|of the|level) ${W}{0,3}(?:multi ?storey|car park|building|block|flats)\b|\bnot coming (?:back )?down\b|\bi have decided$|\b(?:taking|take|going to take|swallow|swallowing) all (?:of )?(?:it|them|my \w+)\b|\bcan not stop$`),
  ifNow('suicide-self-harm', String.raw`\b(?:cut|burned|burnt|hurt|harmed) ${SELF}\b`),
  strong('suicide-self-harm', String.raw`\b(?:nobody|no one) would (?:notice|care|miss me)\b|\bwant (?:the|this|all the) pain to (?:stop|end|go away)\b|\bengine running\b|\b(?:walk|walked|walking|go|going|heading) (?:in ?to|into|to|for) the (?:sea|river|canal|lake|bridge|cliffs?|tracks|railway)\b|\b(?:will not|not) be (?:here|around|alive) (?:by|tomorrow|in the morning|much longer|for long|for the)\b`),
  ifNow('suicide-self-harm', String.raw`\b(?:suicid(?:e|al)|self ?harm\w*|overdose|kill (?:my|him|her)self)\b`),

  // A medical emergency now.
  strong('medical-emergency', String.raw`\b(?:not|is not|stopped|can not|cannot|struggling to|trouble|finding it hard to|unable to) (?:breath(?:e|ing)|get (?:his|her|my|their) breath)\b(?! (?:through|out of) (?:his|her|my|their|the) nose)`),
  strong('medical-emergency', String.raw`\b(?:unconscious|unresponsive|not responding|will not wake(?: up)?|can not wake (?:him|her|them|my|the)|collapsed|turning blue|gone blue|going blue|lips are blue|limp and|floppy and|is floppy|is limp|no pulse|eyes (?:keep )?rolling|not crying and|grunting|sucking in)\b`),
  strong('medical-emergency', String.raw`\b(?:fell|fallen|rolled|dropped|banged|hit|bumped|knocked)\b.*\b(?:sleepy|drowsy|pupils?|floppy|being sick|vomiting|not crying|fitting)\b|\b(?:loads of|lots of|so much|a lot of|pool of) blood\b|\bblood (?:pooling|spurting|spurts|pouring|everywhere|all over)\b|\bspurts\b`),
  strong('medical-emergency', String.raw`\b(?:lips|mouth|face|skin)\b.{0,25}\b(?:blue|grey|gray|purple)\b|\bblue (?:round|around) (?:his|her|the|their) (?:mouth|lips)\b|\b(?:quiet|floppy) and (?:grey|gray|pale|blue)\b|\bface ${W}{0,3}(?:dropped|droopy|drooping)\b|\bcan not (?:lift|move) (?:her|his|their) arm\b|\bslurring\b|\bbutton batter\w*\b|\bswallowed ${W}{0,4}(?:batter\w*|magnets?|bleach|tablets|pills)\b`),
  ifNow('medical-emergency', String.raw`\b(?:fitting|seizing|convulsing)\b(?! in)`),
  strong('medical-emergency', String.raw`\bslumped\b|\b(?:lips|face|skin) (?:is |are )?(?:going|gone|turning|turned) (?:blue|grey|gray|purple)\b|\bface ${W}{0,3}(?:droopy|drooping)\b|\bcan not get (?:her|his|their) words out\b`),
  strong('medical-emergency', String.raw`\b(?:having|is having|just had) (?:a |another )?(?:fit|seizure|stroke|heart attack)\b|\b(?:is|are|keeps) (?:fitting|seizing|convulsing)\b`),
  strong('medical-emergency', String.raw`\b(?:taken|took|swallowed|has had|drunk|drank|necked|downed|eaten|ate) ${W}{0,3}(?:an overdose|overdose|too many|a load of|loads of|a handful of|handfuls of|all (?:of )?(?:his|her|my|the|their)|a whole (?:packet|bottle|box)|bleach|batteries|a battery|washing (?:tablets|pods|capsules)|anti-?freeze|\d{2,} (?:paracetamol|tablets|pills)|some of my (?:tablets|pills|meds)|my (?:tablets|pills|meds))\b`),
  strong('medical-emergency', String.raw`\b(?:drank|drunk|swallowed) something\b|\b(?:packet|bottle) ${W}{0,2}open\b.*\b(?:tablets|pills|swallowed)\b|\b(?:has|have|is|just) (?:overdosed|od-ed)\b`),
  strong('medical-emergency', String.raw`\b(?:bleeding (?:really )?(?:heavily|heavy|badly|a lot|loads|everywhere|out|profusely)|will not stop bleeding|can not stop (?:the )?bleeding|blood (?:everywhere|pouring|all over)|so much blood|nose is pouring|soaking through)\b`),
  strong('medical-emergency', String.raw`\b(?:is|are|he is|she is|baby is) choking\b|\b(?:face|throat|tongue|lips) ${W}{0,3}swell\w*\b|\bbeen stabbed\b`),
  strong('medical-emergency', String.raw`\b(?:hit|banged|bashed|fell|falling|fallen|landed|a fall|fall) ${W}{0,5}(?:head|stairs|bunk|bed|sofa|table|window)\b.*\b(?:sick|vomiting|sleepy|drowsy|unconscious|will not wake|blood|not crying|eyes)\b`),
  ifNow('medical-emergency', String.raw`\b(?:need|needs|called|calling|waiting for|get) (?:an |the )?ambulance\b`),

  // Added from the second round of independently written messages.
  strong('child-at-risk-now', String.raw`\bholding (?:him|her|them|${CHILD}|our \w+|my \w+) out (?:of )?(?:the |a )?(?:upstairs |bedroom )?window\b|\blet go if\b`),
  strong('child-at-risk-now', String.raw`\b${CHILD}\b.*\b(?:crying|screaming)\b.*\b(?:for (?:hours|a day|days|ages|a day and a half)|no ?one(?: is|s)? answering|nobody(?: is)? answering)\b`),
  strong('child-at-risk-now', String.raw`\b(?:went out|gone out)\b.*\b(?:never came back|not come back|has not come back|not back)\b|\bjust (?:him|her|them|the kids) and the baby\b|\bleft (?:them|him|her|the \w+) with (?:nobody|no one|no adult)\b`),
  strong('child-at-risk-now', String.raw`\b(?:step ?dad|stepdad|stepfather|step ?mum|boyfriend|uncle|\w+) is in (?:her|his|their) (?:room|bed)\b.*\b(?:again|will not leave|now|scared)\b`),
  strong('child-at-risk-now', String.raw`\b${CHILD}\b.*\b(?:man|men|adult|stranger)\b.*\b(?:waiting for (?:her|him)|should not tell|not to tell|do not tell)\b`),
  strong('child-at-risk-now', String.raw`\b(?:she|he|${CHILD}) never (?:arrived|turned up|got to school|came home|made it)\b`),
  strong('child-at-risk-now', String.raw`\b${CHILD}\b.*\bgot out (?:the |of the )?(?:back |front )?(?:gate|door)\b|\bgot out (?:the |of the )?(?:back |front )?(?:gate|door)\b.*\b(?:can not see|can not find|road|canal|river|towpath)\b`),
  strong('child-at-risk-now', String.raw`\b(?:will|would) (?:never|not ever) find (?:them|him|her|us)\b|\bnone of us will ever find\b`),
  strong('child-at-risk-now', String.raw`\b(?:not|never) brought (?:them|him|her|the kids|${CHILD}) back\b|\b(?:has not|have not|not|never) (?:come|came) back\b.*\b(?:\d ?pm|location|exploit\w*|police|out of hours|phone off)\b`),
  strong('child-at-risk-now', String.raw`\b(?:airport|stansted|heathrow|gatwick|luton|ferry)\b.*\b(?:flight|boarding|ticket|is at \d)\b|\b(?:flight|ferry) is at\b`),
  strong('child-at-risk-now', String.raw`\b(?:walked|took|taken|snatched|collected) (?:her|him|them|${CHILD}) (?:out (?:of )?(?:the )?(?:gate|school|nursery)|from (?:school|nursery))\b.*\b(?:phone (?:is )?off|not at|no idea where|do not know where|using|drunk|high|could not stop)\b`),
  strong('child-at-risk-now', String.raw`\b(?:chest of drawers|drawers|wardrobe|bed|sofa|chair|table) (?:up )?against the door\b|\b(?:going mad|kicking off|screaming) at (?:my|the|our) ${W}?${CHILD}\b`),
  strong('child-at-risk-now', String.raw`\b(?:pram|buggy|pushchair|car seat)\b.*\b(?:drunk|off (?:his|her) (?:face|head)|high|wasted|\d ?am|minus|freezing)\b`),
  strong('violence-now', String.raw`\btaking (?:his|her) belt off\b`),
  strong('child-at-risk-now', String.raw`\bneedles\b.*\b(?:reach|twins|kids|baby|toddler)\b`),
  strong('violence-now', String.raw`\b(?:hiding|hidden) (?:in|under|behind) (?:the|my|a) \w+|\bgoing (?:from )?room to room\b|\bfinish what (?:he|she) started\b`),
  strong('violence-now', String.raw`\bpetrol\b.*\b(?:door|house|splash\w*|pour\w*|lighter|inside|letterbox)\b|\bthrowing (?:her|him|me) (?:about|around)\b|\bbegging (?:him|her) to stop\b`),
  strong('violence-now', String.raw`\b(?:shoved|pushed|knocked|thrown|threw) (?:my \w+|her|him|me|mum) (?:onto|on to|to|down) (?:the )?(?:floor|ground|stairs)\b|\bstill on the floor\b`),
  strong('violence-now', String.raw`\b(?:stood|standing|sat|sitting) between me and the (?:front |back )?door\b|\bcaught my hand\b|\b(?:door|door frame|frame) is (?:starting to )?(?:split|splitting|giving way|coming off)\b|\bbanging has not stopped\b`),
  ifNow('violence-now', String.raw`\b(?:sat|sitting|parked|waiting|stood) ${W}{0,8}(?:waiting for me|watching (?:me|us|our (?:house|window|flat|door)|the (?:house|window|flat|door)))\b|\bknows where (?:the refuge|i live|we live|we are|i am)\b`),
  strong('suicide-self-harm', String.raw`\btell (?:my|the) (?:kids|children|boys|girls|\w+) (?:i tried|i am sorry|i love them|that i (?:tried|loved|love))\b|\btheir dad tried\b`),
  strong('suicide-self-harm', String.raw`\b(?:stood|standing|sat|sitting) (?:on|at) (?:the )?(?:platform|station edge)\b|\bfast train\b|\bhose ?pipe\b.*\b(?:tape|exhaust|car|boot)\b`),
  strong('suicide-self-harm', String.raw`\btied ${W}{0,2}(?:it|a rope|the rope|a belt|the belt|something|a cable) (?:to|round|around) (?:the )?(?:banister|beam|door|tree|loft hatch|bannister)\b`),
  strong('suicide-self-harm', String.raw`\b(?:do not|don't) try to (?:talk me out of it|stop me)\b|\bnot asking you to stop me\b|\bmade my (?:decision|mind up) and\b|\bat peace with (?:it|my decision)\b|\bleft instructions\b|\bwill not be anywhere\b`),
  strong('suicide-self-harm', String.raw`\b(?:blade|knife|razor|pills|tablets) (?:is |are )?in my hand\b|\bwritten (?:them|him|her) (?:each )?(?:a )?letters?\b|\b(?:said|agreed|promised) (?:we would|to) go together\b`),
  ifNow('suicide-self-harm', String.raw`\bwhat is the point\b`),
  strong('medical-emergency', String.raw`\b(?:a |the )?(?:full|whole|entire) (?:packet|box|bottle|strip)\b|\bgot into the (?:bleach|tablets|pills|medicine|cleaning|washing)\b|\bbone showing\b|\bbent the wrong way\b`),
  strong('medical-emergency', String.raw`\b(?:droopy|drooping|dropped) on one side\b|\bwords (?:are )?(?:coming out )?(?:jumbled|slurred|muddled)\b|\bclutching (?:his|her|my) chest\b|\bchest pains?\b|\barm is numb\b`),
  strong('medical-emergency', String.raw`\b(?:taken|took|taking) something\b.*\b(?:racing|sweat\w*|hallucinat\w*|talking to people|not making sense|fitting|collapsed)\b|\b(?:shaking|sweating|sweaty)\b.*\b(?:not making sense|confused|grey|clutching)\b|\bmeter (?:just )?(?:says|reads|shows) (?:lo|low|hi)\b`),
  strong('medical-emergency', String.raw`\b(?:fitting|seizure|bleeding) ${W}{0,2}(?:will not|won't) stop\b`),
  strong('medical-emergency', String.raw`\bboiling water\b.*\b(?:arm|chest|skin|face|leg|hand|burn\w*)\b|\bskin (?:is )?coming (?:away|off)\b|\bscald\w*\b|\brash\b.*\b(?:does not fade|glass)\b|\b(?:burning hot|red hot) and floppy\b`),
  ifNow('suicide-self-harm', String.raw`\bburning (?:my|her|his) (?:arm|arms|leg|legs|skin|hand)\b`),
];

/** Violence now, by what happens: armed, threatening, getting in, following or watching, trapping, attacking, hiding. */
const VIOLENCE_SIGNS: readonly DangerPattern[] = [
  // Armed: holding, waving or bringing a weapon; a weapon held to someone.
  strong('violence-now', String.raw`\b(?:he|she|they|it|ex|partner|husband|boyfriend|wife|girlfriend|dad|son|brother|someone|somebody|man) (?:is|are|has|have) (?:got|holding|waving|carrying|swinging|brandishing|pulling|pulled|got out) (?:a |the |his |her |their |my )?${W}{0,2}(?:${WEAPON}|something in (?:his|her) hand)\b(?! (?:collection|block|drawer|set|for (?:work|his job|her job)))`),
  strong('violence-now', String.raw`\b(?:walking|going|running|coming) (?:round|around|about|after me|at me|towards me|up the stairs) ${W}{0,3}with (?:a|the|his|her) ${W}?${WEAPON}\b|\bgot (?:the|a|his|her) ${W}?${WEAPON} out\b|\bsomething in (?:his|her) hand\b`),
  strong('violence-now', String.raw`\b(?:${WEAPON}) (?:to|against|at|in) (?:my|her|his|mum is|my mum is) (?:head|throat|neck|chest|face|back)\b|\bor (?:i|he|she) will (?:burn|kill|smash|stab|hurt|break|come in|kick|torch)\b`),
  // Threats to hurt, to get in, to burn; a threat with "or" is still a threat.
  strong('violence-now', String.raw`\b(?:going to|will|about to|threaten\w* to|trying to|says he will|saying he will) (?:kick|smash|break|bash|put|come through) (?:in )?(?:the|my|our|her|his|every|all the) (?:front |back )?(?:door|doors|window|windows|glass|car)\b|\bcoming through the (?:door|window|glass|wall)\b`),
  strong('violence-now', String.raw`\b(?:going to|will|about to|threaten\w* to) (?:kick|knock|smash|cut|slash|break|cave|punch|batter|slit|bash|stamp on|rip|burn) (?:my|her|your|his|their) (?:head|face|teeth|jaw|nose|neck|legs|arms|throat|skull)\b`),
  strong('violence-now', String.raw`\bthreatening to (?:kill|stab|hurt|hit|beat|batter|strangle|burn|pour|throw|scald|cut|slash|shoot|glass|drown|smash|punch|kick|break|petrol|acid|set fire)\b`),
  ifNow('violence-now', String.raw`\bthreatened to (?:kill|stab|hurt|hit|beat|batter|strangle|burn|pour|throw|scald|cut|slash|shoot|glass|drown|smash|punch|kick|break|set fire)\b`),
  // Getting in: doors, windows, handles, forcing a way in.
  strong('violence-now', String.raw`\b(?:trying|tried|trying to open) the (?:door ?)?(?:handle|handles|doors|back door|front door|windows)\b|\b(?:banging|hammering|pounding|kicking) (?:on |at )?(?:all )?(?:the|my|our) (?:windows|doors)\b|\b(?:door|chain|lock|frame|glass) (?:is )?(?:coming off|giving way|breaking|cracking|cracked already)\b|\bclimbing (?:in|into|through|up to) ${W}{0,3}window\b`),
  strong('violence-now', String.raw`\b(?:trying to|going to|about to|is|are|keeps?|still) ${W}{0,2}(?:smash|smashing|break|breaking|kick|kicking|bash|bashing|force|forcing|boot|booting) (?:in |down )?(?:the|my|our|her|his) (?:\w+ )?(?:door|doors|window|windows|windscreen|car)\b(?: (?:down|in|open|through))?`),
  strong('violence-now', String.raw`\b(?:has|have|just) (?:broken|broke|got|forced (?:his|her|their) way) in(?:to)?\b|\bbroke in\b|\bbreaking in\b`),
  strong('violence-now', String.raw`\b(?:is|are|keeps|still|now) ${W}{0,2}trying to (?:get (?:in|through|at (?:me|us|her))|force (?:his|her|their) way)\b|\b(?:sent|coming|here) to sort (?:me|us|her|him) out\b|\bbalaclavas?\b`),
  strong('violence-now', String.raw`\b(?:kicked|smashed|broken|broke|booted|forced) (?:the|my|our) (?:front |back |bedroom |bathroom )?door (?:in|down|open|off)\b|\b(?:i am|we are) (?:hiding )?under the stairs\b`, PROFESSIONALS),
  // Following, watching, finding: the attacker knows where someone is, or is outside.
  strong('violence-now', String.raw`\b(?:has|have|is) (?:found|tracked down|traced) (?:us|me|where (?:i|we) (?:am|are|live))\b|\bknows (?:i am|we are|the kids are|you are|she is|he is) (?:in|here|home|inside|there)\b|\basking for me by name\b`),
  strong('violence-now', String.raw`\b(?:following|followed|tailing|behind) (?:me|us)\b.*\b(?:since|still|now|for (?:miles|ages)|it is him|it is her|turned off|the whole way)\b|\bit is him\b.*\b(?:still|behind|following|outside|here)\b`),
  strong('violence-now', String.raw`\b(?:he|she|ex|partner|husband|boyfriend) (?:is|has been|keeps) (?:still )?(?:following|tailing) (?:me|us|in (?:his|her|a) car|behind)\b`),
  strong('violence-now', String.raw`\b(?:photos?|pics?|pictures?|videos?) of (?:my|our|her|the) (?:own )?(?:front door|house|flat|car|window|windows|street|kids at)\b`),
  ifNow('violence-now', String.raw`\b(?:he|she|they|ex|partner|husband|boyfriend|wife|girlfriend|dad) (?:is|are|has been|have been) (?:still |sat |parked |waiting |sitting |stood |standing )?outside\b`, /\b(every (week|day|time|morning)|most (days|weeks)|school run|the contact centre|for contact|handover|pick (the kids|them|him|her) up|(his|her) weekend)\b/),
  strong('violence-now', String.raw`\b(?:turned up|turning up|showed up|come round|came round|arrived|is here|at the door|outside)\b.{0,40}\bwith (?:a|the|his|her) ${W}?${WEAPON}\b`),
  strong('violence-now', String.raw`\bi can hear (?:him|her|them) (?:downstairs|upstairs|outside|at the door|in the (?:house|hall|kitchen|garden|flat|living room))\b`),
  ifNow('violence-now', String.raw`\b(?:someone|somebody|a man|a guy|he|she) (?:is )?(?:in|at|outside|round|around|by) (?:the|my|our) (?:back |front )?(?:yard|garden|door|window|house|flat|back door|front door|landing|stairs)\b`),
  ifNow('violence-now', String.raw`\b(?:he|she|they|ex|partner|husband|boyfriend|wife|girlfriend) (?:is|are) (?:here|home early|in the house|in reception|on the drive|on (?:the|my|her|our) drive)\b`),
  strong('violence-now', String.raw`\b(?:non mol|non-mol|non molestation|restraining order|injunction|bail conditions|protective order)\b.*\b(?:here|outside|walked in|at the door|staring|following|turned up|is at|sat at|came in)\b|\b(?:here|outside|walked in|at the door|staring|following|turned up|sat at|came in)\b.*\b(?:non mol|non-mol|non molestation|restraining order|injunction|bail conditions)\b`),
  // Trapped or controlled: locked in, phone and keys taken, held down, not safe, cannot get out.
  strong('violence-now', String.raw`\blocked ${W}{0,3}(?:me|us|everyone|all of us|us all|the kids and me|me and the kids) in\b|\b(?:i am|we are|she is|he is|been|got) locked in (?:a|the|his|her|their|my) (?:\w+ )?(?:room|bedroom|bathroom|toilet|house|flat|cupboard|shed|garage|boot|van|cellar|loft)\b|\bgot (?:me|us|her|him) locked in\b`),
  strong('violence-now', String.raw`\b(?:i am|we are|i do not feel|we do not feel|i feel|we feel) not safe\b|\b(?:do not|do no) feel safe (?:here|at home|in my (?:own )?(?:home|house|flat))\b|^not safe\b|(?:^|\bi )can not (?:talk|speak) (?:now|right now|he|she|they|properly)|(?:^|\bi )can not (?:talk|speak)$|\bwhispering\b.*\b(?:bathroom|bedroom|locked|hiding|knife|drunk|off (?:his|her) face|he|she)\b`),
  strong('violence-now', String.raw`\bcan not get out(?: (?:the|of the|of here) (?:back|front|house|flat|room|bedroom|bathroom|car|door))?(?=$| and| he| she| they| the| police| because| as| cos)|\bcan not (?:drive|get) (?:off|away)\b|\b(?:in|from) the (?:car|bathroom|bedroom|toilet|loft|wardrobe) hiding\b|\bhiding ${W}{0,3}(?:in|under|behind) (?:the|my|a) \w+`),
  strong('violence-now', String.raw`\b(?:took|taken|has|got|hidden|hid|smashed|snapped|broke|broken|thrown) ${W}{0,1}(?:my|our|her) (?:phone|mobile|keys|car keys|sim|charger|passport)(?: and (?:my )?(?:phone|mobile|keys|car keys|sim|charger|passport))?\b.*\b(?:locked|not going|will not let|can not get|says i|trapped)\b`),
  strong('violence-now', String.raw`\b(?:holding|held|pinning|pinned) (?:me|her|him|us) down\b|\bwill not let (?:me|her|him|us) (?:up|breathe|move)\b|\btied (?:my|her|his) (?:hands|wrists|feet|arms)\b|\btied (?:me|her|him) (?:up|to)\b|\bgagged\b`),
  // Attacks happening now or just now, including to someone else in the house.
  strong('violence-now', String.raw`\b(?:set|sets|setting) (?:the |his |her |their )?dogs? on\b|\b(?:thrown|threw|throwing|chucked|chucking|lobbed) ${W}{0,5}(?:at|over) (?:me|us|her|him|the windows|my \w+)\b.*\b(?:again|just|now|still|filling|kettle)\b|\bjust thrown\b`),
  strong('violence-now', String.raw`\b(?:just|has just|have just) (?:smashed|slammed|banged|bashed|split|burst|cut|stamped on|kicked|punched|headbutted|hit) (?:my|her|his|mum is|my mum is) (?:head|face|nose|lip|mouth|eye|jaw|ribs|arm|back)\b|\bblood (?:coming|pouring|running) (?:from|out of) (?:my|his|her) (?:ear|ears|nose|mouth|head)\b`),
  strong('violence-now', String.raw`\b(?:sat|sitting|kneeling|lying|lay) on (?:top of )?(?:me|her|my chest|her chest)\b|\b(?:cornered|pinned) (?:me|her|us)\b|\bgot me cornered\b|\b(?:punching|kicking|smashing|putting) (?:holes|his fist|her fist|his head|a hole) (?:in|into|through) (?:the|my|our) (?:walls?|doors?|windows?)\b`),
  strong('violence-now', String.raw`\b(?:is|are|keeps|still|now) ${W}{0,2}${HARM_ING} (?:his|her|their) (?:mum|dad|mother|father|nan|sister|brother)\b`),
  strong('violence-now', String.raw`\b(?:strangled|choked|throttled|strangling|choking) (?:me|her|him) (?:until|till|so (?:hard|much) (?:that )?) ?(?:i|she|he) (?:blacked|passed) out\b|\b(?:keeps|kept|is) (?:saying|telling me|threatening) (?:that )?(?:he|she) will do it again\b`),
  ifNow('violence-now', String.raw`\b(?:i have|i am|i have just|i have been|i got|i just got|been) (?:been )?(?:kicked|punched|hit|beaten|stabbed|strangled|choked|attacked|bitten|slapped|headbutted|glassed)\b`),
  // Hiding from someone.
  strong('violence-now', String.raw`\b(?:i am|we are|i am hiding|we are hiding) (?:in|inside|under) (?:the|my|a) (?:wardrobe|cupboard|bed|loft|attic|airing cupboard|shed)\b`),
  strong('violence-now', String.raw`\b(?:hiding|whispering|hidden) (?:from )?(?:in|inside|under|behind) (?:the|my|a|his|her|their) (?:\w+ )?(?:bed|wardrobe|cupboard|bathroom|toilet|shed|loft|car|garage|stairs)\b`),
];

/** A child in danger now: shut in, at a height or in water, taken, missing, exploited, alone, hurt by a carer. */
const CHILD_SIGNS: readonly DangerPattern[] = [
  // Shut in, or an adult shut in with a child.
  ifNow('child-at-risk-now', String.raw`\b(?:locks|shuts) ${W}{0,2}(?:${CHILD}|him|her|them) ${W}{0,2}in (?:the |a |his |her |their )?(?:\w+ )?(?:room|shed|cupboard|car|bathroom|bedroom|garage|cellar|loft|wardrobe)\b`),
  strong('child-at-risk-now', String.raw`\b(?:locking|locked|shut) ${W}{0,2}(?:${CHILD}|him|her|them) ${W}{0,2}in (?:the |a |his |her |their )?(?:\w+ )?(?:room|shed|cupboard|car|bathroom|bedroom|garage|cellar|loft|wardrobe)\b|\b(?:got|has got|with) ${W}{0,2}(?:${CHILD}|sister|brother|him|her) in the (?:bathroom|bedroom|car|room) with the door locked\b`),
  strong('child-at-risk-now', String.raw`\blocked (?:him|her|them)sel(?:f|ves) in ${W}{0,3}with (?:my|our|the|her|his) ${W}?${CHILD}\b|\b(?:with|has got|has) (?:my|our|the) ${W}?${CHILD}\b.*\bwill not open the door\b`),
  strong('child-at-risk-now', String.raw`\b(?:is|are|got into|gone into|getting into) (?:in )?(?:the|her|his|their) (?:bath|bed|shower|bedroom|room) with (?:my|our|her|his|the) ${W}?${CHILD}\b`),
  // At a window, a balcony, in water.
  strong('child-at-risk-now', String.raw`\b(?:${CHILD}|he|she|him|her|them)\b.{0,40}\b(?:hanging|leaning|dangling|climbing) (?:out of|out|over|off|on) (?:the |a |his |her )?(?:top |upstairs |bedroom )?(?:window|balcony|ledge|roof)\b|\bholding (?:him|her|them|my \w+|${CHILD}) (?:over|out of|off) (?:the |a )?(?:balcony|window|bridge|ledge)\b`),
  strong('child-at-risk-now', String.raw`\bholding (?:him|her|them|the baby|my \w+|${CHILD}) (?:under|over|in) (?:the )?(?:cold |hot )?(?:tap|water|bath|shower|balcony|window)\b`),
  // Taken: driven off with, taken out of school or contact, taken abroad, kept.
  strong('child-at-risk-now', String.raw`\b(?:driven|drove|drive|driving|walked|ran|gone|went|taken|took) (?:off|away|out) with (?:him|her|them|my ${W}?${CHILD}|the ${W}?${CHILD}|our ${W}?${CHILD})\b|\b(?:walked|taken|took|pulled|dragged|snatched) ${W}{0,2}(?:${CHILD}|him|her|them) out of (?:the )?(?:car|nursery|school|house|ward|hospital|cot)\b`),
  strong('child-at-risk-now', String.raw`\b(?:on (?:his|her|their) way to|at|heading (?:for|to)|driving to) (?:the )?(?:airport|ferry port|ferry|port)\b.*\b(?:taken|took|has got|with (?:my|our|the))\b|\b(?:taken|took|has got|with (?:my|our|the))\b.*\b(?:on (?:his|her|their) way to|heading (?:for|to)|driving to|at) (?:the )?(?:airport|ferry port|ferry|port)\b`),
  strong('child-at-risk-now', String.raw`\b(?:took|taken|pulled|collected|picked up) ${W}{0,2}(?:${CHILD}|him|her|them) (?:out of|from) (?:class|school|contact|the centre|the ward|nursery)\b.*\b(?:no pr|no parental responsibility|not allowed|court order|not supposed|not answering|can not)\b`),
  strong('child-at-risk-now', String.raw`\b(?:taking|take|going to take|flying|driving) (?:him|her|them|${CHILD}|my ${W}?${CHILD}|our ${W}?${CHILD}) (?:abroad|out of the country|to (?!school|nursery|the park|contact|the doctor|the gp|hospital|his mum|her mum|my mum|his nan|her nan|bed)\w+) (?:tonight|now|today|right now)\b`),
  strong('child-at-risk-now', String.raw`\b(?:${CHILD}) ${W}{0,6}(?:at|with|in the car with) (?:his|him|the man|that man|a man)\b.*\b(?:convictions?|no contact|not allowed|not supposed|court order|sex offender)\b|\b(?:collected|picked up|taken|took) (?:(?:my|our|the) ${W}?${CHILD}|her|him|them)\b.*\b(?:do not know|does not (?:have|know)|nobody knows|not allowed|court order|not supposed|can not|non mol|non-mol|non molestation|restraining order|no contact)\b`),
  strong('child-at-risk-now', String.raw`\blocation\b.{0,40}\b(?:at|in) (?:his|their|a|an|the|that) (?:address|house|flat)\b`),
  // Missing: not in bed, nobody can find them, phone off.
  strong('child-at-risk-now', String.raw`\b(?:${CHILD}|he|she)\b.{0,30}\bnot in (?:his|her|their) (?:bed|cot|room)\b|\b(?:${CHILD}|he|she)\b.{0,30}\bmissing\b.*\b(?:gate|door) (?:was|is|has been|left) (?:wide )?open\b|\b(?:gate|front door|door) (?:was|is) (?:wide )?open\b.*\b(?:missing|can not find|not in (?:his|her) bed)\b`),
  strong('child-at-risk-now', String.raw`\b(?:nobody|no one) (?:knows|has any idea) where (?:she|he|they) (?:is|are|has gone|have gone|went)\b|\b(?:phone|location) (?:is |has been |was )?(?:off|turned off|switched off|dead|going to voicemail)\b.*\b(?:gone|missing|not back|not home|not come|meet|car|men|man|\d ?am|\d ?pm|tonight|dark)\b|\b(?:gone|missing|not back|not come back|not come home|run|ran)\b.*\b(?:phone|location) (?:is |has been |was )?(?:off|turned off|switched off|dead)\b`),
  strong('child-at-risk-now', String.raw`\b(?:${CHILD}|she|he)\b.{0,30}\b(?:been gone|gone missing|been missing|not been seen|not seen) (?:since|for|\d+ (?:hours?|hrs?)|an hour|hours)\b`),
  strong('child-at-risk-now', String.raw`\b(?:(?:nobody|no one) can|(?:nobody|no one|we|i|they|school|police|the school) (?:can not|cannot)) find (?:him|her|them|my ${W}?${CHILD}|the ${W}?${CHILD})\b(?! (?:a|an|the|his|her|their|to) )`),
  strong('child-at-risk-now', String.raw`\bmak(?:e|es|ing) (?:her|him|them) (?:sell|deal|run|carry)\b|\b(?:scared|terrified|worried) (?:that )?(?:tonight )?(?:she|he|they) (?:is|are|will) not (?:coming back|come back|come home|coming home)\b|\bdoing (?:things|stuff) to (?:her|him|them|me)\b`),
  // Exploited: in a car with men, being picked up, held, made to sell.
  strong('child-at-risk-now', String.raw`\b(?:in|into|got into|getting into|get into) (?:a|the|their|his) car with (?:a |an |two |some |three |older |the )?(?:men|man|lads|boys|strangers?|adults?|someone)\b|\b(?:two|three|some|older|grown) (?:men|man|lads) in the (?:front|car)\b|\b(?:men|man|lads|adults?) ${W}{0,4}(?:saying she owes|saying he owes|say she owes|say he owes|taking (?:her|his) phone)\b|\bowes them\b`),
  strong('child-at-risk-now', String.raw`\b(?:${CHILD}|he|she)\b.{0,60}\b(?:(?:man|someone|stranger|bloke) (?:has been |is |keeps )?following (?:her|him|them)|last seen ${W}{0,5}with (?:an? )?(?:older|grown|adult)? ?(?:man|men|stranger|adults?))\b`),
  strong('child-at-risk-now', String.raw`\b(?:drag|dragged|dragging|bundle|bundled|bundling|pull|pulled|pulling|force|forced|forcing|push|pushed|pushing) (?:(?:a|the|my|our|his|her|this) (?:little |young |small )?(?:${CHILD}|kid|girl|boy)|her|him|me|them) (?:in ?to|into|in) (?:a|the|his|her|their) (?:van|car|house|flat|bedroom|room|bathroom)\b`),
  ifNow('child-at-risk-now', String.raw`\b(?:boyfriend|man|bloke|guy|fella) (?:is|who is) (?:1[89]|[2-6]\d)\b.*\b(?:she|he) is (?:1[0-5]|[4-9])\b|\b(?:she|he) is (?:1[0-5]|[4-9])\b.*\b(?:boyfriend|man|bloke|guy|fella) (?:is|who is) (?:1[89]|[2-6]\d)\b`),
  strong('child-at-risk-now', String.raw`\b(?:man|men|bloke|guy|adult|lads?) ${W}{0,5}(?:is|are) (?:picking (?:her|him|them) up|meeting (?:her|him)|coming (?:for|to get) (?:her|him))\b|\b(?:is|are|been) being held\b|\bheld (?:hostage|captive|against (?:his|her|their|my) will)\b|\b(?:people|men|lads|gang|dealers?) (?:he|she) (?:sells|deals|runs) for\b`),
  strong('child-at-risk-now', String.raw`\bspiked\b|\b(?:does not|do not|did not) know where (?:she|he|they|i) (?:is|are|am)\b(?! (?:going|moving|living|staying|meant|supposed))`),
  strong('child-at-risk-now', String.raw`\b(?:man|men|adult|stranger|someone|guy|bloke)\b.{0,40}\b(?:telling|asking|told|wants|getting|trying to get) (?:him|her|them) to (?:meet|come|go|get in|send)\b|\bcar (?:full of|with) (?:older )?(?:lads|men|boys)\b|\b(?:picked up|collected) by (?:a car|older|men|lads|a man|some men)\b`),
  strong('child-at-risk-now', String.raw`\b(?:looking at|downloading|has|had|found) (?:indecent |sexual |dirty )?(?:pictures|images|photos|videos) of (?:kids|children|little girls|little boys|young girls|young boys)\b`),
  // Alone: left in a car or a house, home alone, in a nappy in the cold.
  strong('child-at-risk-now', String.raw`\b(?:${CHILD}|they|them)\b.{0,40}\b(?:on (?:their|his|her) own|alone|by (?:themselves|himself|herself)|left) in (?:a|the) (?:car|house|flat)\b.*\b(?:for (?:ages|hours|an hour)|nobody|no one|boiling|hot|freezing|crying|arrested|hours ago)\b|\b(?:${CHILD}) (?:is|are) (?:on (?:their|his|her) own|alone|by (?:themselves|himself|herself)) in the (?:house|flat|car)\b`),
  strong('child-at-risk-now', String.raw`\bin (?:just )?(?:a|his|her|their) (?:nappy|vest|pyjamas|pjs)\b.*\b(?:cold|freezing|minus|outside|corridor|street|road|nobody|no one|on (?:his|her) own)\b|\b(?:cold|freezing|outside|corridor|street|road|on (?:his|her) own)\b.*\bin (?:just )?(?:a|his|her|their) (?:nappy|vest|pyjamas|pjs)\b|\b(?:pass|passed|passing) out at the wheel\b|\b(?:driving|drove off|driven off) ${W}{0,3}(?:erratically|all over the road)\b`),
  strong('child-at-risk-now', String.raw`\b(?:is|are|been left|was left|were left) (?:on (?:his|her|their) own|alone|by (?:himself|herself|themselves)) in (?:a|the|his|her|their) (?:car|house|flat|cot|room|bath|home)\b`),
  strong('child-at-risk-now', String.raw`\b(?:${CHILD}|they|kids) (?:is|are|been|were) (?:left )?home alone\b|\bleft (?:them|him|her|the kids|the baby|my \w+) (?:alone |on (?:their|his|her) own )?to go (?:to|out)\b`),
  strong('child-at-risk-now', String.raw`\b(?:[0-9]|one|two|three|four|five|six|seven) ?(?:yo|yr|year|month)s?(?: old)? (?:is|are|has been|was) (?:left )?(?:on (?:his|her|their) own|alone|by (?:himself|herself|themselves))\b`),
  // Afraid to go home, asking for help, or a carer who cannot or will not keep them safe.
  strong('child-at-risk-now', String.raw`\b(?:scared|terrified|frightened|too scared) to go (?:back )?(?:home|in|inside|back)\b(?! to)`),
  strong('child-at-risk-now', String.raw`\b(?:texted|messaged|text|rang|called|whatsapped|snapchatted) me ['"]?help['"]?\b|\bher last message (?:just )?said\b|\bscreaming for (?:an hour|over an hour|hours|ages|a long time)\b|\b(?:screaming|crying) (?:for|since) (?:an hour|ages|hours)\b`),
  strong('child-at-risk-now', String.raw`\b(?:come and get|come get|come and take) (?:him|her|them|the kids|the baby)\b.*\b(?:can not|not answering|better off)\b|\b(?:they are|he is|she is) better (?:off )?with (?:you|me|someone else)\b`),
  strong('child-at-risk-now', String.raw`\b(?:going to|will|threaten\w* to) ${W}{0,6}(?:them|him|her|the kids|the baby)\b.*\bor worse\b|\b(?:in the car|in his car|in her car|driving|driven|drove)\b.*\b(?:will not|is not|not|refuses to) (?:say|tell me|telling me|saying) where\b|\b(?:will not|is not|not|refuses to) (?:say|tell me|telling me|saying) where\b.*\b(?:in the car|driving|driven|drove)\b`),
  strong('child-at-risk-now', String.raw`\b(?:has|got|with|put) (?:them|him|her|the kids|${CHILD}|my ${W}?${CHILD}|our ${W}?${CHILD}) in the car\b.*\b(?:drinking|drunk|high|wasted|off (?:his|her) face|stoned|using)\b|\b(?:drinking|drunk|high|wasted|stoned)\b.*\b(?:set off|driving off|drove off|driven off|behind the wheel|driving them|driving the kids)\b`),
  strong('child-at-risk-now', String.raw`\b(?:feeding|giving|gave|given|fed|forcing) (?:him|her|them|the baby|${CHILD}|my ${W}?${CHILD}) ${W}?(?:vodka|alcohol|booze|whisky|gin|wine|beer|cider|drugs|sleeping pills|tablets|methadone|weed|ket)\b`),
  ifNow('child-at-risk-now', String.raw`\b(?:going|goes|went|gets|getting|got|creeping|creeps) (?:into|in) (?:her|his|their|my \w+(?: is)?) (?:room|bed|bedroom)\b`),
  strong('child-at-risk-now', String.raw`\bthreatening to (?:drop|throw|hurt|shake|smother|drown|suffocate|kill) (?:him|her|them|the baby|${CHILD}|my ${W}?${CHILD}|our ${W}?${CHILD})\b`),
];

/** Suicide and self-harm: goodbyes, method questions, the means at hand, the place, a plan or wish to die now. */
const SUICIDE_SIGNS: readonly DangerPattern[] = [
  // Goodbyes and putting affairs in order.
  strong('suicide-self-harm', String.raw`\b${GOODBYE}`),
  strong('suicide-self-harm', String.raw`\bno reason to (?:stay|live|go on|be here|carry on|keep going)\b|\b(?:love|sorry) to (?:anyone|whoever|everyone) (?:who )?reads this\b|\b(?:will not|won't|do not|not going to) need (?:it|them|this|that|my \w+) (?:any ?more|where i am going)?$|\bmake sure (?:my|the|that) \w+ (?:gets|has|keeps|is looked after)\b`),
  strong('suicide-self-harm', String.raw`\b(?:no one|nobody|noone) (?:will|would) (?:care|notice|miss me|even notice)\b|\bthis is my last (?:night|day)$|\bsorry\b.*\bbetter off without\b|\bbetter off without\b.*\bsorry\b`),
  strong('suicide-self-harm', String.raw`\b(?:it|this) (?:all )?ends (?:tonight|today|now)\b|\b(?:written|wrote|said goodbye) to everyone\b|\bto know (?:that )?(?:it|this) (?:was|is) not (?:anyone|anybody|your|their|his|her|the kids|my kids)(?: is)? fault\b|\b(?:tonight|today) is my last\b|\bcan not (?:do|face|take) (?:another|one more) day\b`),
  // Asking how: doses, heights, how long it takes.
  conditional('suicide-self-harm', String.raw`\b${METHOD_QUESTION}`),
  conditional('suicide-self-harm', String.raw`\b(?:dose|amount|how much|how many)\b.{0,30}\b(?:fatal|lethal|deadly|would kill|to kill)\b|\bhow (?:high|far|deep) (?:does|would|do|is) (?:a |the )?(?:bridge|drop|fall|jump|building|cliff|car park)\b`),
  conditional('suicide-self-harm', String.raw`\b(?:will|would|does|do) (?:anyone|anybody|someone) (?:notice|care|miss me)\b|\bdisappear (?:tonight|forever|for good|for ever)\b|\b(?:go to )?sleep (?:forever|for ever|and never wake)\b|\bhow long (?:does|would|will) it take to (?:die|bleed out|drown|work)\b`),
  conditional('suicide-self-harm', String.raw`\b(?:is|are|would|will) \d+ ${W}?${PILLS} (?:be )?enough\b|\benough to (?:kill|die)\b`),
  // The means at hand: a rope, a blade, pills counted out, a bath run.
  strong('suicide-self-harm', String.raw`\b(?:got|have|holding|with|bought|took|taken|fetched) ${W}{0,4}(?:the|a|my|his|her) (?:rope|noose|razor|razor blade)\b|\b(?:in|drawn|run|running|ran) (?:the|a|my) bath\b.*\b(?:knife|blade|razors?|tablets|pills)\b|\b(?:knife|blade|razors?)\b.*\bin the bath\b`),
  strong('suicide-self-harm', String.raw`\b(?:knife|blade|razor|scissors|glass) (?:to|against|on|into|across) (?:my|her|his) (?:wrists?|arms?|throat|neck|legs?|skin)\b`),
  strong('suicide-self-harm', String.raw`\bthreaten\w* to (?:jump|kill (?:him|her|my|them)sel(?:f|ves)|hang|end it|end (?:his|her) life|take (?:an )?overdose)\b|\b(?:tying|tied|tie|knotting) (?:the|a|my) (?:rope|noose|belt|knot)\b`),
  strong('suicide-self-harm', String.raw`\b(?:get|got|getting|find|finding|need|just need) (?:the )?(?:courage|nerve|guts) to\b|\bjust need (?:the )?(?:courage|nerve|guts)\b|\b(?:belt|rope|cable|scarf|flex) (?:over|round|around|on|from) (?:the )?(?:door|banister|bannister|beam|loft hatch|hook|curtain rail)\b`),
  strong('suicide-self-harm', String.raw`\b(?:going to|about to|will) (?:take|swallow|finish) (?:it|them|the rest|all)\b.*\b(?:after|when|once|tonight|now)\b|\bfinish the rest\b|\bcounted out ${W}{0,4}(?:${PILLS}|everything|the)\b|\bpills are (?:ready|out|counted)\b`),
  strong('suicide-self-harm', String.raw`\b(?:go to sleep|sleep) and (?:never|not) wake up\b|\b(?:got|have|saved|there are) enough ${W}?${PILLS}\b|\benough ${PILLS} to\b`),
  // Killing or harming oneself, in any words.
  strong('suicide-self-harm', String.raw`\b(?:shoot|shooting|shot|stab|stabbing|poison|poisoning|starve|starving) ${SELF}\b`),
  ifNow('suicide-self-harm', String.raw`\b(?:cutting|self ?harming|burning myself)\b`),
  ifNow('suicide-self-harm', String.raw`\bcan not do (?:this|it) any ?more\b`),
  // The place: a bridge, a roof, the railway, water, a car in a garage.
  strong('suicide-self-harm', String.raw`\b(?:i am|she is|he is|we are|i have got to|i got to) (?:sat |stood |standing |sitting |parked (?:up )?)?(?:at|on|by|up on|on top of|at the top of|in) (?:the |a )?(?:edge of the )?${HIGH_OR_WATER}\b|\bat the top of (?:the |a )?(?:${HIGH_OR_WATER}|building|block|flats|tower)\b|\b(?:go|going|walk|walking|drive|driving|heading) (?:down |off |out |up )?(?:to|into|in to|off) (?:the |a )?${HIGH_OR_WATER}\b.*\b(?:now|tonight|not coming back)\b|\b(?:from|on|at) (?:the |a )?(?:edge of (?:a|the) )?(?:cliff|bridge|roof|ledge)\b.*\b(?:jump|step off|let go|going to go)\b`),
  strong('suicide-self-harm', String.raw`\b(?:under|in front of) (?:a|the) (?:train|lorry|bus)\b|\b(?:car|engine) (?:is )?(?:still )?(?:running|on)\b.*\bgarage\b|\bgarage\b.*\b(?:car|engine) (?:is )?(?:still )?(?:running|on)\b|\bhose (?:pipe )?(?:from|on|in|to|into) the exhaust\b|\b(?:exhaust|hose ?pipe)\b.*\b(?:ready|tape|in the boot|hose)\b|\blocked (?:him|her|my|them)self in (?:the |his |her )?(?:garage|car|shed)\b`),
  strong('suicide-self-harm', String.raw`\b(?:station|platform|tracks|railway|level crossing)\b.*\bwaiting for (?:the|a) (?:fast|next|right) (?:one|train)\b`),
  strong('suicide-self-harm', String.raw`\b(?:from|on|at) (?:the )?(?:roof|top|edge) of (?:my|the|a|our) (?:building|block|flats|tower|car park|multi ?storey)\b|\b(?:wanted|want|needed|need) (?:someone|somebody|people|you|them) to know why\b|\b(?:tell|telling) (?:someone|somebody) why\b`),
  // A wish or plan to die now, or a belief that others are better off.
  strong('suicide-self-harm', String.raw`\b(?:want|wants|wanting|going|need) to (?:disappear|vanish) (?:forever|for good|for ever)\b|\b(?:no|not any|not another|no other) (?:other )?way out\b|\bdo not see (?:another|any other|any) way\b|\bcan not (?:go on|carry on|keep going)(?: (?:like this|any ?more|any longer))?$|\bi am not (?:coming|going to come) back\b|\b(?:will not|not going to) be (?:around|here) ${W}{0,4}after (?:tonight|today)\b|\bnobody (?:will|would) (?:miss|notice) me\b|\b(?:got|have) (?:nothing|no one|nobody) left\b`),
  strong('suicide-self-harm', String.raw`\bnothing left (?:for me|to (?:live|fight) for)\b|\bthere is nothing left\b`),
  conditional('suicide-self-harm', String.raw`\b(?:better off|happier|better|easier) (?:for everyone )?(?:(?:if|once|when) i (?:was|were|am|have) (?:gone|not here|dead|not around)|without me)\b`),
  strong('suicide-self-harm', String.raw`\b(?:better off|be better off) without (?:a (?:dad|mum|mother|father|parent) like (?:me|him|her)|(?:him|her) (?:in their lives|around))\b|\b(?:left|found|wrote|written) ${W}{0,4}note\b.*\b(?:sorry|goodbye|love you|forgive)\b`),
  strong('suicide-self-harm', String.raw`\b(?:made up my mind|made my mind up|made my decision|i have decided)$|\b(?:have|got) a plan (?:and|for) (?:tonight|today)\b|\b(?:tonight|today) is (?:when|the day|the night)\b|\b(?:letter|note) each\b|\bgoodbye (?:letters?|notes?)\b|\bsuicide note\b`),
  strong('suicide-self-harm', String.raw`\b(?:going to|gonna|will|about to) do it (?:tonight|now|today|this time|properly)\b|\bhad enough of (?:everything|life|living|it all|being alive)\b`),
  strong('suicide-self-harm', String.raw`\b(?:thinking|think|thoughts|keep thinking) (?:about|of) (?:jumping|killing myself|ending (?:it|my life|things)|hanging myself|overdosing|taking (?:all )?(?:my|the) ${PILLS}|driving (?:into|off)|walking into|stepping in front)\b`),
  strong('suicide-self-harm', String.raw`\b(?:do not|can not|cannot) see myself (?:being here|being alive|alive|around|getting through|making it)\b|\b(?:join|be with) (?:my|her|his) (?:late )?(?:mum|dad|mother|father|nan|gran|grandad|grandma|brother|sister|son|daughter|baby) (?:tonight|in heaven|soon|up there)\b`),
  strong('suicide-self-harm', String.raw`\b(?:going to|about to|will) (?:jump|step off|throw (?:him|her|my)self off|let go)\b|\b(?:going to|will|about to) take (?:the whole|all|a whole) (?:bottle|packet|box|lot|strip)\b`),
];

/** Medical emergencies, by what a 999 call handler asks first: conscious? breathing? bleeding? what was taken? */
const MEDICAL_SIGNS: readonly DangerPattern[] = [
  // Not conscious, not breathing, the wrong colour.
  strong('medical-emergency', String.raw`\b${UNRESPONSIVE}`),
  strong('medical-emergency', String.raw`\b${BREATHING}`),
  // What was taken, and how much.
  strong('medical-emergency', String.raw`\b(?:taken|took|taking|swallowed|has had|had|drunk|drank|necked|downed|eaten|ate|injected|overdosed on|od on) ${DOSE} (?:of )?${W}{0,3}${PILLS}\b`),
  strong('medical-emergency', String.raw`\b(?:got (?:into|hold of)|found) ${W}{0,3}(?:${PILLS}|bleach|cleaning|washing|medicine cupboard)\b.*\b(?:drank|drunk|ate|eaten|swallowed|sleepy|drowsy|some)\b|\bdosette box (?:is )?empty\b`),
  strong('medical-emergency', String.raw`\boverdosed on\b|\b(?:taken|took) an? (?:od|overdose)\b`),
  strong('medical-emergency', String.raw`\bgot into ${W}{0,2}(?:the |his |her |my )?${W}?(?:tablets|pills|medicine|bleach|dishwasher tablets|washing tablets|capsules|pods)\b.*\b(?:eating|eaten|drinking|drank|swallowed|chewing|some|one)\b`),
  strong('medical-emergency', String.raw`\b(?:drank|drunk|swallowed|ate|eaten|drinking|licked|swallowing) (?:some|a bit|a mouthful|a lot|loads)? ?(?:of )?(?:the |his |her |my )?(?:white spirit|bleach|anti-?freeze|petrol|detergent|washing up liquid|screenwash|weedkiller|rat poison|lighter fluid|paraffin|oven cleaner|drain cleaner|e-?liquid|vape liquid)\b`),
  // Bleeding that will not stop, or blood brought up.
  strong('medical-emergency', String.raw`\bcut ${W}{0,3}(?:too deep|deeper than|so deep|really deep|to the bone)\b|\b(?:pumping|spurting|gushing|pouring) (?:out|blood|everywhere)\b|\b(?:it|blood) is (?:pumping|spurting|gushing|pouring|everywhere)\b`),
  strong('medical-emergency', String.raw`\b(?:can not|could not|will not|does not|not) ${W}{0,3}stop (?:the |it )?bleeding\b|\bbleeding (?:will not|does not|is not|has not) stop`),
  strong('medical-emergency', String.raw`\b(?:sick|vomit\w*|throwing up|thrown up|coughing|coughed|cough) ${W}{0,3}(?:up )?(?:blood|something with blood)\b|\bsick and it is (?:all )?blood\b`),
  // Heart attack, stroke, diabetic emergencies.
  strong('medical-emergency', String.raw`\b(?:pain|pains|tightness) in (?:his|her|my|their) chest\b|\bchest (?:is )?(?:really |so |very )?(?:tight|hurting|crushing)\b|\barms? (?:is |are )?(?:gone |going )?(?:numb|dead)\b`),
  strong('medical-emergency', String.raw`(?<!hair )\b(?:has |have )(?:gone|turned) (?:blue|grey|gray|purple)\b|\bleft arm (?:hurts|is hurting|pain|aching|is numb|numb|tingling)\b|\bpain (?:in|down) (?:his|her|my) left arm\b`),
  strong('medical-emergency', String.raw`\b(?:shaking|sweating|sweaty|clammy)\b.*\b(?:talking nonsense|not making sense|confused|slurring)\b|\bhypo\b.*\b(?:will not|can not|not)\b`),
  // Asthma and allergic reactions.
  strong('medical-emergency', String.raw`\basthma attack\b.*\b(?:not working|nothing is working|not doing anything|breath|blue|words out|colou?r|can not (?:talk|speak))\b|\b(?:inhaler|inhalers|pump|nebuliser|epi ?pen) (?:is |are )?not (?:working|helping|doing anything)\b|\bthroat (?:is )?(?:closing|swelling)\b`),
  strong('medical-emergency', String.raw`\bthroat (?:feels |is |going )?(?:tight|closing|swelling|swollen)\b|\b(?:struggling|can not|can hardly|unable) to swallow\b|\bstung\b.*\b(?:swell\w*|throat|breath\w*|wheez\w*)\b`),
  // Falls, road accidents, broken bones.
  strong('medical-emergency', String.raw`\bfell (?:out of|out|from|off) (?:the |a |his |her )?(?:window|balcony|roof|top bunk|loft)\b`),
  strong('medical-emergency', String.raw`\b(?:hit|knocked (?:down|over|off (?:his|her) bike)|run over) by (?:a|the) (?:car|van|lorry|bus|motorbike|train)\b|\blying in the road\b`),
  strong('medical-emergency', String.raw`\bbroken (?:my|her|his) (?:ribs|arm|nose|jaw|wrist|leg)\b`),
  // Pregnancy and labour.
  strong('medical-emergency', String.raw`\bwaters (?:have |has )?(?:broken|broke|gone)\b|\b(?:in labour|having contractions|crowning|the baby is coming (?:now|out|fast))\b`),
  strong('medical-emergency', String.raw`\b(?:baby|babies) (?:has |have )?(?:stopped|not) moving\b|\bpregnant\b.*\bbleeding\b|\bbleeding\b.*\bpregnant\b|\bchest (?:is )?(?:pulling|sucking|caving) in\b`),
  // Burns and scalds.
  strong('medical-emergency', String.raw`\bblister\w*\b|\b(?:hot|boiling) (?:tea|coffee|water|oil|drink|kettle|fat|soup) (?:over|on|all over|down) (?:him|her|them|my)\w*\b`),
];

/**
 * Every danger pattern. The *_SIGNS lists were written to generalise, as vocabularies and sentence
 * shapes rather than one message's wording, so that messages nobody has seen yet are caught too.
 */
export const DANGER_PATTERNS: readonly DangerPattern[] = [...LABELLED_PHRASES, ...VIOLENCE_SIGNS, ...CHILD_SIGNS, ...SUICIDE_SIGNS, ...MEDICAL_SIGNS];
