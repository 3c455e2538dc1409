import { Answers, SituationScript, Summary, SummaryChannel } from './situationScript';

/** Someone is being harmed at home, and children's services may be involved (FACTS.md §12, §3, §15). */
export const domesticAbuseScript: SituationScript = {
  topic: 'domestic-abuse',
  title: 'Domestic abuse and social workers',
  intro:
    "I'll ask you up to 4 short questions, then give you next steps that fit. You do not have to give any names. You can type \"help\" at any question, \"back\" to change an answer, or \"start over\".",
  questions: [
    {
      id: 'safe-now',
      kind: 'yesNo',
      prompt: 'Are you safe right now?',
      help: 'I ask this first because your safety matters most. If you are not safe, I will show you who to call straight away, and then we can carry on if you want to.',
      example: 'For example: "yes", "no" or "not sure".',
      safetyIf: { value: 'no', category: 'violence-now' },
    },
    {
      id: 'who',
      kind: 'choice',
      prompt: 'Who is harming you?',
      help: 'You do not have to give a name. Knowing who it is helps me point you to the right kind of help, such as checking a partner\'s past with the police.',
      example: 'For example: "my partner", "my ex" or "my dad".',
      choices: [
        {
          value: 'partner',
          title: 'My partner',
          synonyms: ['partner', 'my partner', 'boyfriend', 'bf', 'girlfriend', 'gf', 'husband', 'hubby', 'wife', 'fiance', 'fiancee', 'other half', 'my fella', 'my man', 'bloke', 'the one i live with', 'partnr', 'boyfreind'],
        },
        {
          value: 'ex-partner',
          title: 'My ex-partner',
          synonyms: ['ex', 'my ex', 'ex partner', 'expartner', 'ex-boyfriend', 'ex boyfriend', 'ex girlfriend', 'ex-husband', 'ex husband', 'ex wife', 'ex-wife', 'former partner', 'we split up', 'we broke up', 'used to be with'],
        },
        {
          value: 'family',
          title: 'A family member',
          synonyms: ['family', 'family member', 'relative', 'mum', 'mom', 'my mam', 'dad', 'my dad', 'brother', 'sister', 'son', 'daughter', 'my child', 'my teenager', 'in-laws', 'inlaws', 'cousin', 'uncle', 'aunt', 'nan', 'grandad', 'step dad', 'stepdad', 'step mum', 'famly'],
        },
        {
          value: 'other',
          title: 'Someone else',
          synonyms: ['someone else', 'somebody else', 'other', 'else', 'friend', 'neighbour', 'neighbor', 'lodger', 'housemate', 'flatmate', 'landlord', 'carer', 'stranger', 'someone i know'],
        },
      ],
    },
    {
      id: 'involved',
      kind: 'yesNo',
      prompt: "Are children's services involved with your family?",
      help: "Children's services are the council's social workers. They may be involved if the police, a school or a doctor told them about the abuse. Your answer changes what I tell you about your rights.",
      example: 'For example: "yes, we have a social worker", "no" or "not sure".',
    },
    {
      id: 'asked',
      kind: 'choice',
      prompt: 'What has the social worker asked you to do?',
      help: 'Social workers often ask a parent to stop seeing the person causing harm, sign a safety agreement or go on a course. Pick the one that is closest.',
      example: 'For example: "leave him", "sign an agreement", "a course" or "nothing yet".',
      askIf: (answers) => answers.involved === 'yes',
      allowUnsure: true,
      choices: [
        {
          value: 'leave',
          title: 'Leave or stop seeing them',
          synonyms: ['leave', 'leave him', 'leave her', 'stop seeing', 'split up', 'end it', 'end the relationship', 'kick him out', 'get rid of him', 'no contact', 'move out', 'him or the kids', 'separate', 'leve him'],
        },
        {
          value: 'agreement',
          title: 'Sign a safety agreement',
          synonyms: ['sign', 'agreement', 'safety agreement', 'written agreement', 'working agreement', 'safety plan', 'contract', 'sign something', 'agreemnt', 'paper to sign'],
        },
        {
          value: 'course',
          title: 'Go on a course',
          synonyms: ['course', 'a course', 'freedom programme', 'freedom program', 'freedom', 'programme', 'program', 'group', 'classes', 'parenting course', 'coarse', 'work with a worker'],
        },
        {
          value: 'nothing',
          title: 'Nothing yet',
          synonyms: ['nothing', 'nothing yet', 'not yet', 'none', 'nowt', 'nothin', 'they havent', "they haven't", 'not asked', 'no'],
        },
      ],
    },
  ],
  summarise,
};

function summarise(answers: Answers, _today: string, where: SummaryChannel): Summary {
  const steps: string[] = [];
  const safe = answers['safe-now'];

  if (safe === 'no') {
    steps.push(
      where.hasQuickExit
        ? 'If you are in danger, call 999 now. If someone could see your screen, press Quick Exit to leave at once: it clears this chat.'
        : 'If you are in danger, call 999 now. If someone could see your screen, close this chat and come back when it is safe.',
    );
  } else if (safe !== 'yes') {
    steps.push(
      where.hasQuickExit
        ? 'If you are not sure you are safe, trust that feeling. Call 999 if anyone is in danger, and use Quick Exit if you need to close this chat fast.'
        : 'If you are not sure you are safe, trust that feeling. Call 999 if anyone is in danger.',
    );
  }

  steps.push("Call the National Domestic Abuse Helpline, free, any time of day or night, on 0808 2000 247. Men can also call the Men's Advice Line on 0808 801 0327, but check its opening hours on its website first.");

  if (safe === 'yes') {
    steps.push('While things are calm, make a safety plan: where you could go in a hurry, who you could ring, and a bag with keys, money, medicines and documents. The helpline can help you make it.');
  } else {
    steps.push('When you can, make a safety plan: where you could go, who you could ring, and what you would take. On the helpline website you can ask them to call you back at a safe time.');
  }

  switch (answers.who) {
    case 'partner':
      steps.push("Under Clare's Law you can ask the police whether your partner has a history of abuse, if you are 16 or over. Call 101 (free) or ask at a police station.");
      break;
    case 'ex-partner':
      steps.push("Under Clare's Law you can ask the police about an ex-partner's past too: call 101 (free). If they are your child's other parent, get legal advice before you agree to mediation about the children, as it is often not right after abuse.");
      break;
    case 'family':
      steps.push('Abuse by a relative, such as a parent, brother, sister or grown-up child, counts as domestic abuse in law when you are both 16 or over. Tell the helpline who it is, so they can help you plan.');
      break;
    case 'other':
      steps.push('If the person is not a partner, ex-partner or relative, the law may not call it domestic abuse, but it can still be a crime. You can report it to the police on 101, or 999 in an emergency.');
      break;
    default:
      steps.push("Domestic abuse is not only hitting: threats, control, taking your money and putting you down can all count. If it is a partner or ex, Clare's Law lets you ask the police about their past by calling 101.");
  }

  if (answers.involved === 'yes') {
    steps.push('A specialist domestic abuse worker can speak up for you with the social worker. Ask the social worker or the helpline to put you in touch with one.');
  } else if (answers.involved === 'no') {
    steps.push('People who harm others often say "they will take your children if you tell anyone". That threat is a common way to keep you quiet, so do not let it stop you getting help.');
  } else {
    steps.push("If you are not sure whether children's services are involved, ask anyone who has been in touch, such as the police or school, whether they passed on a concern. If a social worker contacts you, write down their name and number.");
  }

  switch (answers.asked) {
    case 'leave':
      steps.push('A social worker can ask you to end the relationship, but the law does not let them order it. If you do not agree, ask them in writing what they would do next: they may take things further, such as a letter saying they are thinking about court.');
      break;
    case 'agreement':
      steps.push('Before you sign a safety agreement, read it slowly and keep a copy. Ask what would happen if part of it was broken, and only agree to things you can really do.');
      break;
    case 'course':
      steps.push('If they want you to go on a course, such as the Freedom Programme, ask what it is, where and when it runs, and how it will help. Keep proof of each session you go to.');
      break;
    case 'nothing':
      steps.push('They have not asked anything of you yet. Ask the social worker to tell you in writing what they are worried about and what they want to happen.');
      break;
    case 'unsure':
    case 'unknown':
      steps.push('Ask the social worker to write down exactly what they want you to do, and by when. If you disagree with any of it, ask in writing what they would do next.');
      break;
    default:
      // Not asked: children's services are not (known to be) involved.
      break;
  }

  if (answers.who !== 'other') {
    steps.push('You can ask the family court for an order to keep the person away from you. Legal aid for this can help people on higher incomes too, though you may have to pay part of the cost.');
  }

  steps.push('Keep a record of what happens: dates, what was said or done, and any police reference numbers. Keep it where the person cannot find it, or with someone you trust.');

  return {
    steps,
    entries: [
      answers.asked === 'leave'
        ? 'domestic-abuse-leave-partner'
        : answers.asked === 'course'
          ? 'domestic-abuse-freedom-programme'
          : 'domestic-abuse-overview',
      answers.who === 'partner' || answers.who === 'ex-partner' ? 'convictions-risk-clares-law' : 'domestic-abuse-what-counts',
      'domestic-abuse-reporting',
    ],
  };
}
