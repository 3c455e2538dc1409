import { CrisisCategory } from './crisisCategory';

/**
 * Danger phrases, written against the normalised text (crisisText.ts: "he's" is "he is", "can't"
 * is "can not"). `strong` phrases describe danger on their own ("locked me in", "not breathing");
 * the others count only when the sentence also says it is happening now or has just happened
 * ("bleeding" + "tonight"). Whether the sentence is past, reported, negated, hypothetical or a
 * figure of speech is decided in crisisDetector.ts.
 */

const CHILD = String.raw`(?:kids|kid|kiddo|child|sons?|daughters?|baby|babys|babies|twins|boys|girls|little ones?|little lad|lad|grandchildren|stepkids|infant|grandsons?|granddaughters?|nephews?|nieces?|boy|girl|little one|little boy|little girl|toddler|newborn|grandson|granddaughter|grandchild|grandkids|teen|teenager|stepson|stepdaughter|nephew|niece|youngest|eldest|(?:\d{1,2} ?(?:yo|yr|yrs|year|month)s?(?: old)?)|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen) ?(?:year|yr|month)s? ?old)`;
const PERSON = String.raw`(?:me|us|her|him|them|mum|my mum|my mother|my dad|my sister|my brother|my nan|my partner|my wife|my husband|my boyfriend|my girlfriend|the both of us|both of us|my \w+|the \w+)`;
const HARM_ING = String.raw`(?:coming at|lunging at|swinging at|swinging for|stamping on|bashing|booting|kneeing|hitting|beating|punching|kicking|strangling|choking|throttling|attacking|hurting|battering|slapping|smacking|shaking|stabbing|biting|burning|dragging|grabbing|pushing|shoving|headbutting|laying into|going for|threatening|abusing|touching|whacking|thumping|punishing|starving|drowning|smothering)`;
const HARM_PAST = String.raw`(?:stamped on|bashed|booted|kneed|hit|punched|kicked|slapped|smacked|shook|shaken|hurt|attacked|strangled|choked|throttled|stabbed|beat|beaten|battered|assaulted|pushed|shoved|thrown|threw|headbutted|whacked|thumped|bit|burnt|burned|dragged|grabbed|glassed|rammed|scalded|knocked)`;
const WEAPON = String.raw`(?:knife|knives|gun|shotgun|rifle|air rifle|pistol|weapon|machete|cleaver|hammer|baseball bat|bat|golf club|iron bar|metal bar|chair leg|poker|brick|blade|axe|chisel|screwdriver|broken bottle|bottle|glass|belt|petrol|lighter|crowbar|scissors)`;
const PILLS = String.raw`(?:pills|tablets|paracetamol|pain ?killers|meds|medication|medicine|sleeping pills|sleepers|anti ?depressants|co[- ]?codamol|dihydrocodeine|insulin|methadone|script|morphine|oxycodone|fentanyl|heroin|ibuprofen|aspirin|lithium|olanzapine|zopiclone|lorazepam|temazepam|naproxen|gabapentin|calpol|sertraline|citalopram|fluoxetine|mirtazapine|diazepam|tramadol|codeine|amitriptyline|propranolol|pregabalin|quetiapine)`;
const SELF = String.raw`(?:myself|herself|himself|themselves)`;
/** A filler word between the parts of a phrase: never a negation, so "i am not suicidal" cannot match "i am … suicidal". */
const W = String.raw`(?:(?!(?:not|never|no|other)\b)\w+ )`;
const NOT_LET = String.raw`(?:will not|would not|is not|are not|not) (?:let|letting) (?:me|us|her|him|them|my \w+) (?:leave|go|out|come home|get out|home)\b`;

export interface DangerPattern {
  readonly category: CrisisCategory;
  readonly pattern: RegExp;
  /** True: enough on its own. False: needs a sign in the same sentence that it is now. */
  readonly strong: boolean;
  /** The sentence is about someone else acting lawfully (a social worker at the door), not danger. */
  readonly unless?: RegExp;
}

/** Professionals doing their job: a social worker at the door is not an intruder. */
const PROFESSIONALS = /\b(social worker|sw|social services|ss|children'?s services|council|police|officer|health visitor|midwife|nurse|postman|bailiff|court|cafcass|the la|local authority|school)\b/;

const strong = (category: CrisisCategory, source: string, unless?: RegExp): DangerPattern => ({ category, pattern: new RegExp(source), strong: true, unless });
const ifNow = (category: CrisisCategory, source: string, unless?: RegExp): DangerPattern => ({ category, pattern: new RegExp(source), strong: false, unless });

export const DANGER_PATTERNS: readonly DangerPattern[] = [
  // A child being hurt, missing, taken or left unsafe now.
  strong('child-at-risk-now', String.raw`\b(?:is|are|keeps|kept|still|started|now|just) ${W}{0,2}${HARM_ING} ${W}{0,2}${CHILD}\b`),
  strong('child-at-risk-now', String.raw`\b(?:just|has just|have just) ${HARM_PAST} ${W}{0,2}${CHILD}\b`),
  strong('child-at-risk-now', String.raw`\b${CHILD} ${W}{0,3}(?:is|are) (?:not safe|unsafe|in danger|being (?:hurt|hit|abused|beaten|attacked|touched|groomed))\b`),
  strong('child-at-risk-now', String.raw`\b(?:locked|locking|shut|shutting) (?:${CHILD}|him|her|them|my \w+|the \w+) ${W}{0,3}in (?:the |a |his |her |their )?(?:room|shed|cupboard|car|house|flat|bathroom|bedroom|garage|cellar)\b`),
  strong('child-at-risk-now', String.raw`\b(?:will|going to|is going to|threaten\w*|says?|said) ${W}{0,2}(?:hurt|kill|drown|harm|take|snatch) ${W}{0,1}(?:${CHILD}|him|her|them)\b.*\b(?:if i|unless|now|tonight|airport|never see)\b`, PROFESSIONALS),
  strong('child-at-risk-now', String.raw`\bnever see (?:him|her|them|${CHILD}) again\b`),
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
  strong('child-at-risk-now', String.raw`\bwill not (?:give|bring) (?:${CHILD}|him|her|them) back\b`),
  strong('child-at-risk-now', String.raw`\b(?:no food|not fed|starving|hungry)\b.*\b(?:locked|since yesterday|days|scared)\b`),
  strong('child-at-risk-now', String.raw`\b(?:sell|selling|run|running|do a run|deal|dealing) ${W}{0,2}(?:drugs|stuff|for them)\b.*\b(?:tonight|just|now|left|outside|get in)\b`),
  strong('child-at-risk-now', String.raw`\b(?:gas is on|gas on|set fire|on fire|burning (?:the )?(?:house|flat|place))\b`),
  strong('child-at-risk-now', String.raw`\b${CHILD}\b.*\bblood on (?:his|her) (?:face|head)\b`),
  strong('child-at-risk-now', String.raw`\b(?:is|are) (?:sexually )?abusing ${W}{0,1}${CHILD}\b`),
  ifNow('child-at-risk-now', String.raw`\b${HARM_PAST} ${W}{0,2}${CHILD}\b`),
  ifNow('child-at-risk-now', String.raw`\b(?:touching|touched|abusing|abused) ${W}{0,1}(?:her|him|${CHILD})\b`),
  ifNow('child-at-risk-now', String.raw`\b(?:scared|terrified|screaming|crying|gasping)\b.*\b(?:${CHILD}|she|he)\b|\b(?:${CHILD}) ${W}{0,4}(?:scared|terrified|screaming|crying|gasping)\b`),
  ifNow('child-at-risk-now', String.raw`\b(?:he|she|they|dad|mum|ex|partner|boyfriend|girlfriend|fella) (?:is|are) (?:so |really |very |completely )?(?:drunk|high|off (?:his|her) (?:face|head)|on drugs|wasted|out of it|passed out)\b`),

  // Violence or threats to an adult, now or about to happen.
  strong('violence-now', String.raw`(?<!know |think |worried |scared )\b(?:is|are|keeps|kept|still|started|now|just) ${W}{0,2}${HARM_ING} (?:me|us|her|him|them|mum|dad|nan|my \w+)\b(?! to | into )`),
  strong('violence-now', String.raw`\b(?:leaving in an ambulance|leave in an ambulance|in a body bag|you are dead|you will be sorry|you are going to pay|watch your back|drag (?:me|her|you) out)\b`),
  strong('violence-now', String.raw`\b(?:is|are|keeps|still|started|now) ${W}{0,2}(?:hitting|banging|punching|kicking|smashing|thumping) (?:the|my|our) (?:windscreen|car|window|windows|door|wall|walls)\b`),
  strong('violence-now', String.raw`\b(?:by|round|around) (?:her|his|my|the) (?:neck|throat|hair)\b|\b(?:up )?against the wall\b.*\b(?:neck|throat|hands)\b`),
  strong('violence-now', String.raw`\bsharpening (?:a|the|that|his|her) (?:knife|knives|blade|machete)\b`),
  ifNow('violence-now', String.raw`\b(?:threw|thrown|throwing|chucked|lobbed|hurled) ${W}{0,3}at (?:me|us|her|him)\b`),
  strong('violence-now', String.raw`\bthreatening ${W}{0,2}with (?:a |the |his |her )?${WEAPON}\b`),
  strong('violence-now', String.raw`\b(?:is|are|keeps|still|started|now) ${W}{0,2}(?:smashing|trashing|wrecking|breaking(?! point)|throwing(?! up)|kicking off|raging|going mental|going crazy|gone mental|gone crazy|kicked off|lost it)\b`),
  strong('violence-now', String.raw`\b(?:banging|hammering|pounding|kicking|booting|shouting through|trying) (?:on |at |in |through )?(?:the|my|our) (?:front |back )?(?:door|window|windows|letterbox)\b`),
  strong('violence-now', String.raw`\b(?:trying to|tried to|coming through|breaking|broke|smashed|put) (?:get in|break in|break the door|kick the door|the door in|the window|my window|my car windows|through the window|into the (?:house|flat))\b`),
  strong('violence-now', String.raw`\b(?:going to|will|about to|coming (?:round|back|over|in) to|coming to|wants to|tonight is the night he|night he) (?:kill|kills|stab|murder|batter|hurt|beat|strangle|shoot|burn|glass|finish|break|do|sort|smash) (?:me|us|my|the kids|her|him|mum|the both|both|everyone)(?: in| out| up)?\b`),
  strong('violence-now', String.raw`\b(?:kill|finish) (?:me|us) (?:off|tonight|and then|and)\b|\bfinish me off\b|\bbreak my (?:neck|legs|arms)\b|\bteach me a lesson\b|\bround (?:2|two)\b|\bi am next\b|\bnobody will find me\b`),
  ifNow('violence-now', String.raw`\b(?:has|have|got|with|holding|waving|grabbed|picked up|getting|get|went to get|gone to get|pulled) (?:a |the |his |her |my |that )?${W}{0,2}${WEAPON}\b`),
  strong('violence-now', String.raw`\b(?:poured|pouring) petrol\b|\bburn(?:ing)? (?:the|my|our) (?:house|flat|place) down\b`),
  strong('violence-now', String.raw`\b(?:locked (?:me|us|me and \w+ \w+|the door|the doors)|trapped (?:in|me|us)|hiding (?:from (?:him|her|them)|in (?:the|my) (?:bathroom|bedroom|toilet|car|wardrobe|room)))\b`),
  strong('violence-now', String.raw`\b${NOT_LET}\b|\b(?:not|never) (?:going|getting) anywhere\b|\bblocking the (?:door|stairs|way)\b|\btook (?:my|the) (?:keys|phone|mobile)\b|\b(?:snapped|smashed|took) my (?:sim|phone)\b`),
  strong('violence-now', String.raw`\b(?:by the|round my|round the|around my) (?:throat|neck|hair)\b|\bpinned (?:me|her|him)\b|\bgot (?:me|her) by\b|\b(?:will not|would not) let (?:go|me go)\b`),
  strong('violence-now', String.raw`\b(?:fear(?:ing)? for my life|scared for my life|terrified for my life|scared he will kill|scared she will kill|think he will kill|think she will kill|think he is going to kill)\b`),
  strong('violence-now', String.raw`\b(?:just|has just|have just) ${HARM_PAST} (?:me|us|mum|my mum|my partner|her|him|my car)\b`),
  strong('violence-now', String.raw`\b(?:set the dog on|screaming for help|getting battered|being battered|being attacked|being beaten)\b`),
  strong('violence-now', String.raw`\b(?:followed|following|chasing|chased) me\b.*\b(?:now|here|home|just|tonight|car)\b`),
  strong('violence-now', String.raw`\bcall(?:ing)? (?:the )?(?:police|999) ${W}{0,3}(?:now|right now)\b`),
  ifNow('violence-now', String.raw`\b${HARM_PAST} (?:me|us|mum|my mum|her)\b`),
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
  ifNow('suicide-self-harm', String.raw`\b(?:got|have|saved|saving|stockpiled|counted|collected|lined up|sat with|sitting with|holding|opened) (?!locked|away|put away)${W}{0,3}${PILLS}\b(?! for | away)`),
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
  strong('medical-emergency', String.raw`\b(?:not|is not|stopped|can not|cannot|struggling to|trouble|finding it hard to|unable to) (?:breath(?:e|ing)|get (?:his|her|my|their) breath)\b`),
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
  strong('medical-emergency', String.raw`\b(?:hit|banged|bashed|fell|falling|fallen|landed) ${W}{0,5}(?:head|stairs|bunk)\b.*\b(?:sick|vomiting|sleepy|drowsy|unconscious|will not wake|blood|not crying|eyes)\b`),
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
  strong('child-at-risk-now', String.raw`\btaking (?:his|her) belt off\b|\bneedles\b.*\b(?:reach|twins|kids|baby|toddler)\b`),
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
