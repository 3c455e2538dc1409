import { Answers, SituationScript, Summary } from './situationScript';

/** A relative or friend is raising, or about to raise, a child who cannot live with their parents (FACTS.md §9, §8, §7). */
export const kinshipCareScript: SituationScript = {
  topic: 'kinship-care',
  title: "Caring for a relative's child",
  intro:
    "I'll ask you 4 short questions about you and the child, then give you next steps that fit. You can type \"help\" at any question, \"back\" to change an answer, or \"start over\".",
  questions: [
    {
      id: 'relationship',
      kind: 'choice',
      prompt: 'How are you related to the child?',
      help: 'Some rules depend on whether you are a relative or a friend. Pick the one closest to you.',
      example: 'For example: "I\'m his nan", "I\'m her aunt" or "family friend".',
      choices: [
        {
          value: 'grandparent',
          title: 'Grandparent',
          synonyms: ['grandparent', 'grandparents', 'nan', 'nana', 'nanna', 'nanny', 'gran', 'granny', 'grandma', 'grandmother', 'grandad', 'granddad', 'grandpa', 'grandfather', 'grandson', 'granddaughter', 'grandchild', 'grandkids', 'great nan', 'great grandparent', 'grandparnt'],
        },
        {
          value: 'aunt-uncle',
          title: 'Aunt or uncle',
          synonyms: ['aunt', 'aunty', 'auntie', 'uncle', 'niece', 'nephew', 'my sisters kids', "my sister's kids", 'my brothers kids', "my brother's kids", 'great aunt', 'great uncle', 'antie', 'unkle'],
        },
        {
          value: 'sibling',
          title: 'Older brother or sister',
          synonyms: ['sibling', 'brother', 'sister', 'older brother', 'older sister', 'big brother', 'big sister', 'half brother', 'half sister', 'my little brother', 'my little sister', 'my younger brother', 'my younger sister', 'bro', 'sis'],
        },
        {
          value: 'friend',
          title: 'Family friend',
          synonyms: ['friend', 'family friend', 'friend of the family', 'my friends child', "my friend's kids", 'mates kid', 'neighbour', 'neighbor', 'godparent', 'godmother', 'godfather', 'godmum', 'frend', 'not related'],
        },
        {
          value: 'other',
          title: 'Other',
          synonyms: ['other', 'something else', 'someone else', 'cousin', 'step parent', 'stepmum', 'stepdad', 'step mum', 'step dad', 'ex partner of', 'in-law', 'none of these'],
        },
      ],
    },
    {
      id: 'arranged',
      kind: 'choice',
      prompt: 'Who arranged for the child to live with you?',
      help: 'How the child came to you changes your legal position and the help you can get. If a social worker suggested it or helped set it up, pick "Children\'s services". If the child does not live with you yet, say so.',
      example: 'For example: "the social worker", "her mum asked me" or "the court".',
      allowUnsure: true,
      choices: [
        {
          value: 'childrens-services',
          title: "Children's services",
          synonyms: ['social services', 'social worker', 'the social worker', 'sw', 'childrens services', "children's services", 'the council', 'council', 'local authority', 'la', 'ss', 'the social', 'socials', 'social sevices'],
        },
        {
          value: 'parents',
          title: "The child's parents",
          synonyms: ['parents', 'the parents', 'mum', 'mom', 'dad', 'her mum', 'his mum', 'her dad', 'his dad', 'my daughter', 'my son', 'my sister', 'my brother', 'family', 'between us', 'privately', 'we agreed', 'they asked me', 'parnts'],
        },
        {
          value: 'court',
          title: 'A court',
          synonyms: ['court', 'the court', 'a court', 'judge', 'family court', 'court order', 'magistrates', 'cort', 'the judge'],
        },
        {
          value: 'not-yet',
          title: 'Not living with me yet',
          synonyms: ['not yet', 'not living with me', 'not living with me yet', 'not with me yet', 'not moved in', 'hasnt moved in', "hasn't moved in", 'in foster care', 'with foster carers', 'fostered', 'with strangers', 'i want to have him', 'i want to have her', 'i want to have them', 'want to look after'],
        },
      ],
    },
    {
      id: 'order',
      kind: 'choice',
      prompt: 'Is there a court order about where the child lives?',
      help: 'A court order might say who the child lives with, or make someone their special guardian. If you have papers from a court, they will say which order it is.',
      example: 'For example: "no order", "an SGO" or "child arrangements order".',
      allowUnsure: true,
      choices: [
        {
          value: 'none',
          title: 'No order',
          synonyms: ['none', 'no', 'no order', 'nothing', 'nope', 'not yet', 'no court order', 'informal', 'nah', 'no orders'],
        },
        {
          value: 'cao',
          title: 'Child arrangements order',
          synonyms: ['child arrangements order', 'child arrangement order', 'cao', 'residence order', 'residence', 'lives with order', 'live with order', 'arrangements order', 'child arangements'],
        },
        {
          value: 'sgo',
          title: 'Special guardianship order',
          synonyms: ['sgo', 'special guardianship', 'special guardianship order', 'special guardian', 'guardianship', 'special gaurdianship', 'special guardianshp', 's.g.o'],
        },
        {
          value: 'care-order',
          title: 'Care order',
          synonyms: ['care order', 'full care order', 'interim care order', 'ico', 'in care', 'looked after', 'council has pr', 'care ordr'],
        },
      ],
    },
    {
      id: 'how-long',
      kind: 'choice',
      prompt: 'How long has the child lived with you?',
      askIf: (answers) => answers.arranged !== 'not-yet',
      help: 'Some rules and rights depend on how long a child has lived with you. If the child has not moved in yet, say so.',
      example: 'For example: "not moved in yet", "2 weeks", "6 months" or "over a year".',
      allowUnsure: true,
      choices: [
        {
          value: 'planned',
          title: 'Not moved in yet',
          synonyms: ['not yet', 'planned', 'not moved in', 'not moved in yet', 'moving soon', 'about to', 'going to', 'it is planned', 'hasnt moved', "hasn't moved", 'not living with me yet', 'future', 'soon'],
        },
        {
          value: 'under-month',
          title: 'Less than a month',
          synonyms: ['less than a month', 'under a month', 'days', 'a few days', 'a week', '1 week', '2 weeks', 'two weeks', '3 weeks', 'few weeks', 'just moved', 'recently', 'this week', 'since yesterday'],
        },
        {
          value: 'months',
          title: '1 to 12 months',
          synonyms: ['months', 'a few months', 'couple of months', '2 months', '3 months', '6 months', 'six months', 'half a year', 'less than a year', 'under a year', 'since the summer', 'mnths'],
        },
        {
          value: 'over-year',
          title: 'Over a year',
          synonyms: ['over a year', 'more than a year', 'a year', 'years', '2 years', 'two years', 'ages', 'a long time', 'since birth', 'since a baby', 'yrs', 'over a yr'],
        },
      ],
    },
  ],
  summarise,
};

function summarise(answers: Answers, _today: string): Summary {
  const steps: string[] = [];
  const relationship = answers.relationship;
  const order = answers.order;
  // A child who does not live with the carer yet is, for what follows, a move that is planned.
  const howLong = answers.arranged === 'not-yet' ? 'planned' : answers['how-long'];

  switch (answers.arranged) {
    case 'childrens-services':
      steps.push('Ask the social worker in writing whether you count as the child\'s connected-person foster carer. If a social worker arranged the move, you may have a right to be treated and supported as a foster carer, with an allowance, even if nobody said "fostering".');
      break;
    case 'parents':
      if (relationship === 'friend') {
        steps.push('As a friend rather than a relative, this counts as private fostering if the child is under 16 (under 18 if disabled) and stays 28 days or more. By law the council has to know, so contact its children\'s services.');
      } else if (relationship === 'grandparent' || relationship === 'aunt-uncle' || relationship === 'sibling') {
        steps.push('As the parents set this up, it is a private family arrangement. They keep parental responsibility (the legal right to make the big decisions), so without a court order you have less say than they do.');
      } else {
        steps.push('If you are not a close relative, this may be private fostering when the child is under 16 (under 18 if disabled) and stays 28 days or more. If so, you need to let the council\'s children\'s services know.');
      }
      break;
    case 'not-yet':
      steps.push('If you would like the child to live with you, tell the social worker in writing now, and ask to be assessed as a possible carer. The sooner they know, the sooner you can be considered.');
      break;
    case 'court':
      steps.push('Keep a copy of the court order somewhere safe and read what it says about where the child lives and time with the parents. If it is not working, get legal advice before you change anything.');
      break;
    default:
      steps.push('If a social worker suggested or helped set this up, even casually, tell an adviser: you may have a right to be treated as a foster carer. Ask the social worker in writing what legal arrangement the child lives with you under.');
  }

  switch (relationship) {
    case 'grandparent':
      steps.push('If you have a partner, you can apply together to be special guardians, even if you are not married. Tell the social worker if you both want to be assessed.');
      break;
    case 'aunt-uncle':
      steps.push("The child's parent may be your brother or sister, which can make things hard. Agree in writing how and when the child sees their parents, and ask the social worker for help if it gets difficult.");
      break;
    case 'sibling':
      steps.push('You must be 18 or over to become a special guardian. If you are under 19, you can also talk to Childline, free and at any time, on 0800 1111.');
      break;
    case 'friend':
      steps.push("Friends can be kinship carers too. You can be approved as the child's foster carer, or apply to be their special guardian, just as a relative can.");
      break;
    case 'other':
      steps.push('Tell the council exactly how you are connected to the child. Whether you count as a close relative changes which rules apply to you.');
      break;
    default:
      steps.push('Any relative or friend raising a child instead of the parents is a kinship carer. The rules that apply depend on how you are related and how the child came to you.');
  }

  switch (order) {
    case 'none':
      steps.push('Your main options are a special guardianship order, which lets you make the big decisions until the child is 18, or a child arrangements order saying the child lives with you. If the council looks after the child, being approved as their foster carer is another route.');
      break;
    case 'cao':
      steps.push("If your child arrangements order names you as the person the child lives with, it gives you parental responsibility while it lasts. The \"lives with\" part can last until the child is 18.");
      break;
    case 'sgo':
      steps.push("As a special guardian you can make most decisions without asking the parents. You need their written consent, or the court's permission, to change the child's surname or take them abroad for more than 3 months.");
      break;
    case 'care-order':
      steps.push('Under a care order the council has parental responsibility and the child is looked after. Ask whether you are approved as a connected-person foster carer, and what allowance and support you get.');
      break;
    default:
      steps.push('Ask the social worker or the parents for a copy of any court order. What it says affects what you can decide and what help you can get.');
  }

  switch (howLong) {
    case 'planned':
      steps.push('Before the child moves in, ask the social worker whether they will assess you and what support there will be. The first check is often a short "viability assessment", so ask for the result in writing.');
      break;
    case 'under-month':
      steps.push('Write down the date the child came to you, and keep a note of costs and appointments. Dates matter: some rules, such as private fostering, start at 28 days.');
      break;
    case 'months':
      steps.push('If this may become long term, ask the council now for an assessment and what support it gives, rather than waiting for a crisis.');
      break;
    case 'over-year':
      steps.push('The child has lived with you for over a year. This can change which court orders you can apply for without asking the court first, so check with a solicitor.');
      break;
    default:
      steps.push('Work out roughly when the child came to you, for example from school or doctor letters. How long they have lived with you can affect which orders you can apply for.');
  }

  if (howLong === 'planned' || howLong === 'months') {
    steps.push('Ask for a family group conference. An independent coordinator brings the wider family together, and the family gets time alone to agree its own plan for the child.');
  }

  if (order === 'sgo') {
    steps.push('Ask the council for a special guardianship support assessment: help can include money. Ask for its kinship care policy (sometimes called family and friends care) too.');
    steps.push("If you need to go back to court, for example about the parents' time with the child, get legal advice first. The Law Society's Find a Solicitor lists children law specialists.");
  } else {
    steps.push('Ask the council for its kinship care policy (sometimes called family and friends care). It should say what help and money it offers carers like you.');
    steps.push("Get legal advice before you agree to a special guardianship order or any other order, as the route can change the support and money you get. The Law Society's Find a Solicitor lists children law specialists.");
  }

  const entries: string[] = [];
  if (answers.arranged === 'childrens-services' || order === 'care-order') entries.push('kinship-care-connected-person-foster-carer');
  if (order === 'cao') entries.push('private-law-child-arrangements-order');
  if (order === 'sgo' || order === 'none') entries.push('kinship-care-special-guardianship');
  entries.push('kinship-care-support-allowance');
  if (howLong === 'planned') entries.push('kinship-care-viability-assessment');
  else if (howLong === 'months') entries.push('family-group-conference-overview');
  else entries.push('kinship-care-overview');

  return { steps, entries: entries.slice(0, 4) };
}
