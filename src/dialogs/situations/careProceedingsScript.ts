import { Answers, SituationScript, Summary } from './situationScript';
import { daysBetween, describeDistance, formatDay, isIsoDay } from './scriptDates';

/** Pre-proceedings (PLO) or care proceedings have started or may start (FACTS.md §5, §9, §14). */
export const careProceedingsScript: SituationScript = {
  topic: 'care-proceedings',
  title: 'Court and care proceedings',
  intro:
    "I'll ask you up to 4 short questions about the letter, meeting or court case, then give you next steps that fit. You can type \"help\" at any question, \"back\" to change an answer, or \"start over\".",
  questions: [
    {
      id: 'stage',
      kind: 'choice',
      prompt: 'What have you had from children\'s services or the court?',
      help: 'A "letter before proceedings" (often called a PLO letter) warns that the council is thinking about going to court. Court papers or a hearing date mean the court case has started. If you are not sure, tap "Not sure".',
      example: 'For example: "a PLO letter", "a meeting invite" or "a court date".',
      allowUnsure: true,
      choices: [
        {
          value: 'letter',
          title: 'Letter before proceedings',
          synonyms: ['letter before proceedings', 'letter before proceeding', 'leter before proceedings', 'lbp', 'plo letter', 'plo', 'p.l.o', 'pre proceedings letter', 'pre-proceedings letter', 'pre proceedings', 'pre-proceedings', 'letter', 'a letter', 'warning letter', 'legal letter', 'letter from the council'],
        },
        {
          value: 'plo-meeting',
          title: 'Invite to a PLO meeting',
          synonyms: ['plo meeting', 'p.l.o meeting', 'meeting', 'a meeting', 'pre-proceedings meeting', 'pre proceedings meeting', 'ppm', 'invite', 'invited', 'invitation', 'meeting invite', 'legal meeting', 'meeting with their solicitor', 'meeting at the council'],
        },
        {
          value: 'court-papers',
          title: 'Court papers',
          synonyms: ['court papers', 'court paper', 'papers', 'court documents', 'documents', 'application', 'court application', 'care proceedings', 'care proceedins', 'served', 'been served', 'c110', 'c110a', 'bundle', 'court forms', 'summons', 'care order application'],
        },
        {
          value: 'hearing',
          title: 'A court hearing date',
          synonyms: ['hearing', 'hearin', 'court date', 'hearing date', 'court', 'going to court', 'in court', 'court tomorrow', 'court next week', 'first hearing', 'cmh', 'case management hearing', 'irh', 'final hearing', 'interim care order', 'ico', 'judge'],
        },
      ],
    },
    {
      id: 'meeting-date',
      kind: 'date',
      prompt: 'When is the meeting? A date like 3/12 or words like "next Tuesday" are fine.',
      help: 'The letter before proceedings usually gives the date of the pre-proceedings meeting. Knowing it lets me tell you how much time you have. If you do not know yet, tap "I don\'t know yet".',
      example: 'For example: "14 December", "3/12" or "next Tuesday".',
      askIf: (answers) => answers.stage === 'letter' || answers.stage === 'plo-meeting',
    },
    {
      id: 'hearing-date',
      kind: 'date',
      prompt: 'When is the court hearing? A date like 3/12 or words like "next Tuesday" are fine.',
      help: 'The court papers should show the date and place of the next hearing. Knowing it lets me tell you how much time you have. If you do not know yet, tap "I don\'t know yet".',
      example: 'For example: "14 December", "3/12" or "tomorrow".',
      askIf: (answers) => answers.stage === 'court-papers' || answers.stage === 'hearing',
    },
    {
      id: 'solicitor',
      kind: 'yesNo',
      prompt: 'Do you have a solicitor helping you yet?',
      help: 'At this stage a solicitor is free for parents with parental responsibility, whatever their income. Tell me if one is already helping you.',
      example: 'For example: "yes", "no" or "not sure".',
    },
    {
      id: 'child-home',
      kind: 'yesNo',
      prompt: 'Is your child living with you now?',
      help: 'This changes what you should ask for, such as time with your child or help to keep them at home.',
      example: 'For example: "yes", "no, with my mum" or "no, in foster care".',
    },
  ],
  summarise,
};

const COURT_STAGES = new Set(['court-papers', 'hearing']);

function stageStep(stage: string | undefined): string {
  switch (stage) {
    case 'letter':
      return 'A letter before proceedings means the council is thinking about going to court, but has not started a case. It should say what worries them, what needs to change and by when.';
    case 'plo-meeting':
      return 'The PLO meeting is where the council explains its worries and you agree a written plan. Missing it can add to their worries, so go, with your solicitor if you can.';
    case 'court-papers':
      return 'Court papers mean the council has asked the family court for an order about your child. The court should aim to finish the case within 26 weeks of the application.';
    case 'hearing':
      return 'Court hearings plan how the case will run, and at an early one the judge may decide where your child lives for now, such as under an interim care order. The court aims to finish within 26 weeks.';
    default:
      return 'Look at what you have been sent. A letter from the council is usually the stage before court; papers with a court\'s name and a case number mean a case has started.';
  }
}

function dateStep(stage: string | undefined, answers: Answers, today: string): string | undefined {
  const court = COURT_STAGES.has(stage ?? '');
  if (!court && stage !== 'letter' && stage !== 'plo-meeting') return undefined;
  const date = court ? answers['hearing-date'] : answers['meeting-date'];
  const event = court ? 'hearing' : 'meeting';

  if (isIsoDay(date)) {
    const days = daysBetween(today, date);
    const when = `${formatDay(date, today)} (${describeDistance(date, today)})`;
    if (days < 0) {
      return court
        ? `You said the hearing was on ${when}. If it has happened, ask your solicitor for a copy of any order and the date of the next hearing.`
        : `You said the meeting was on ${when}. If it has happened, ask for the written plan from it and check it says what was agreed.`;
    }
    if (days <= 3) {
      return court
        ? `Your hearing is very soon: ${when}. Today, make sure a solicitor has the papers; if you have no solicitor by then, go anyway and tell the court you want legal advice.`
        : `Your meeting is very soon: ${when}. Today, make sure a solicitor has the letter, and ask them to come with you.`;
    }
    return `Your ${event} is on ${when}. Use the time to give your solicitor the papers and write down what you want them to know.`;
  }
  return court
    ? 'Check the court papers for the date of the next hearing, or ask a solicitor to find it. Never miss a hearing.'
    : 'Ask the social worker for the date of the meeting in writing, and pass it on to your solicitor so they can come.';
}

function solicitorStep(solicitor: string | undefined): string {
  switch (solicitor) {
    case 'yes':
      return 'Give your solicitor a copy of everything you have been sent, and tell them straight away about any new letter, meeting or change at home.';
    case 'no':
      return 'Get a solicitor now: search the Law Society\'s Find a Solicitor website for a children law specialist, or use any list the council sent you. Take all your letters and papers to them.';
    default:
      return 'Check whether a solicitor is already acting for you: look for a firm\'s name on your letters and ring them. If not, search the Law Society\'s Find a Solicitor website for a children law specialist.';
  }
}

function legalAidStep(stage: string | undefined): string {
  if (COURT_STAGES.has(stage ?? '')) {
    return 'In care proceedings, parents with parental responsibility get legal aid automatically, whatever their income or savings. A children\'s guardian from Cafcass (Cafcass Cymru in Wales) will also look at what your child needs.';
  }
  if (stage === 'letter' || stage === 'plo-meeting') {
    return 'Because you have a letter before proceedings, free legal advice is available whatever your income. It pays for a solicitor to advise you and come to the meeting.';
  }
  return 'If you have a letter before proceedings or court papers, a solicitor is free for parents with parental responsibility, whatever their income.';
}

function childStep(childHome: string | undefined): string {
  switch (childHome) {
    case 'yes':
      return 'Your child lives with you, so keep doing what the plan or letter asks, and keep a record of it. Do not agree to your child moving out, even for a short time, before talking to your solicitor.';
    case 'no':
      return 'Your child is not living with you, so ask for regular time with them (contact) and go to every session. Ask your solicitor what needs to happen for your child to come home.';
    default:
      return 'Tell your solicitor exactly where your child is living now and on what basis, for example with family by agreement or in foster care.';
  }
}

function summarise(answers: Answers, today: string): Summary {
  const stage = answers.stage;
  const court = COURT_STAGES.has(stage ?? '');
  const steps: string[] = [];

  steps.push(stageStep(stage));
  const date = dateStep(stage, answers, today);
  if (date) steps.push(date);
  steps.push(solicitorStep(answers.solicitor));
  steps.push(legalAidStep(stage));
  steps.push(childStep(answers['child-home']));
  steps.push(
    court
      ? 'Give your solicitor the names of family or friends who could help or care for your child, as early as you can. A family group conference can still help at this stage.'
      : 'Think about family or friends who could help, or care for your child if needed. Ask for a family group conference, where your family makes its own plan.',
  );
  steps.push('Go to every meeting, assessment and hearing, on time. If you truly cannot go, say so in writing beforehand.');

  return {
    steps,
    entries: [
      court ? 'care-proceedings-overview' : 'care-proceedings-letter-before-proceedings',
      court ? 'care-proceedings-interim-care-order' : 'family-group-conference-care-proceedings',
      answers.solicitor === 'yes' ? 'legal-help-legal-aid-care-proceedings' : 'legal-help-find-solicitor',
    ],
  };
}
