import { Answers, SituationScript, Summary } from './situationScript';

/** Something went wrong with children's services and the person wants to complain (FACTS.md §10, §13, §3, §11). */
export const complaintSocialWorkerScript: SituationScript = {
  topic: 'complaint-social-worker',
  title: 'Making a complaint',
  intro:
    "I'll ask you 4 short questions about what went wrong and how far you have got, then give you next steps that fit. You can type \"help\" at any question, \"back\" to change an answer, or \"start over\".",
  questions: [
    {
      id: 'what-wrong',
      kind: 'choice',
      prompt: 'What went wrong?',
      help: 'Pick the one that matters most to you. If there is more than one thing, pick the biggest: you can put everything in your complaint later.',
      example: 'For example: "the report is wrong", "how I was treated" or "no support".',
      choices: [
        {
          value: 'report',
          title: 'Wrong info in a report',
          synonyms: ['report', 'wrong information', 'wrong info', 'lies', 'lies in the report', 'mistakes', 'not true', 'untrue', 'false', 'inaccurate', 'records', 'assessment is wrong', 'they wrote', 'repot', 'wrong facts'],
        },
        {
          value: 'treatment',
          title: 'How I was treated',
          synonyms: ['treated', 'how i was treated', 'rude', 'attitude', 'bullied', 'bullying', 'disrespectful', 'shouted', 'ignored me', 'not listened to', 'unprofessional', 'threatened', 'racist', 'treatd'],
        },
        {
          value: 'support',
          title: 'Support not given',
          synonyms: ['support', 'no support', 'support not given', 'no help', 'not helped', 'promised', 'never happened', 'referral never made', 'delay', 'delays', 'waiting', 'nothing done', 'suport'],
        },
        {
          value: 'decision',
          title: 'A decision about my child',
          synonyms: ['decision', 'a decision', 'decided', 'conference', 'plan', 'child protection plan', 'contact', 'removed', 'placement', 'they decided', 'disagree with decision', 'descision', 'desicion'],
        },
        {
          value: 'other',
          title: 'Something else',
          synonyms: ['something else', 'else', 'other', 'different', 'none of these', 'none of them', 'lots of things', 'everything'],
        },
      ],
    },
    {
      id: 'manager',
      kind: 'yesNo',
      prompt: "Have you told the social worker's team manager?",
      help: "Every social worker has a team manager. Raising it with them first can sometimes sort a problem quickly. Your answer changes what I suggest you do first.",
      example: 'For example: "yes, I emailed them", "no" or "not sure".',
    },
    {
      id: 'formal',
      kind: 'choice',
      prompt: 'Have you made a formal complaint yet?',
      help: 'A formal complaint is one you make in writing to the council, usually through its complaints team. It goes in stages. Letters from the council usually say which stage you are at.',
      example: 'For example: "no", "stage 1", "stage 2" or "it has finished".',
      allowUnsure: true,
      choices: [
        {
          value: 'none',
          title: 'No, not yet',
          synonyms: ['no', 'not yet', 'nope', 'none', 'havent', "haven't", 'no complaint', 'want to', 'thinking about it', 'nah'],
        },
        {
          value: 'stage-1',
          title: 'Yes, stage 1',
          synonyms: ['stage 1', 'stage one', 'stage1', 'first stage', 'yes', 'just made it', 'sent it', 'complained', 'waiting for reply', 'local resolution', 'stg 1'],
        },
        {
          value: 'stage-2-3',
          title: 'Stage 2 or 3',
          synonyms: ['stage 2', 'stage two', 'stage2', 'stage 3', 'stage three', 'stage3', 'investigation', 'investigating officer', 'independent person', 'panel', 'review panel', 'second stage', 'stg 2'],
        },
        {
          value: 'finished',
          title: 'It has finished',
          synonyms: ['finished', 'done', 'over', 'ended', 'all stages', 'final reply', 'final response', 'closed', 'end of process', 'completed', 'finshed'],
        },
      ],
    },
    {
      id: 'country',
      kind: 'choice',
      prompt: 'Do you live in England or Wales?',
      help: 'The complaint rules are different in England and Wales. Answer for the council that is working with your family.',
      example: 'For example: "England" or "Wales".',
      choices: [
        { value: 'england', title: 'England', synonyms: ['england', 'english', 'eng', 'london', 'englnd', 'englad'] },
        { value: 'wales', title: 'Wales', synonyms: ['wales', 'welsh', 'cymru', 'cardiff', 'swansea', 'wails', 'wles'] },
      ],
    },
  ],
  summarise,
};

function summarise(answers: Answers, _today: string): Summary {
  const steps: string[] = [];
  const country = answers.country;
  const formal = answers.formal;

  switch (answers['what-wrong']) {
    case 'report':
      steps.push('Write down each mistake in the report, what it should say, and how you know. Ask for it to be corrected, and if they will not, ask for your own account to be added to the file.');
      steps.push('You can ask for a copy of everything the council holds about you (a subject access request). It is usually free, and they should reply within one month.');
      break;
    case 'treatment':
      steps.push('Write down what was said or done, when, and who else was there. If you would feel safer with a different social worker, you can ask the team manager, and ask for their reasons in writing if they say no.');
      break;
    case 'support':
      steps.push('Say exactly what support was promised or needed, who promised it and when. Ask when it will start, and ask whether you can refer yourself to the service.');
      break;
    case 'decision':
      steps.push("If the decision was made at a child protection conference, use your area's conference complaints process instead (ask the chair or the council for it). The decision stays in place while they look at it, and some areas give you only 28 days.");
      steps.push('A complaint cannot overturn a decision made by a court. If the decision is part of a court case, speak to a solicitor instead.');
      break;
    case 'other':
      steps.push('Keep your complaint to the main points, with a short paragraph for each thing that went wrong. Put the most important one first.');
      break;
    default:
      steps.push('Before you write, think about what upset you most and what you want to happen. Pick the two or three things that matter most.');
  }

  if (answers.manager === 'yes') {
    steps.push('You have already told the team manager. In your complaint, say when you did and what they said, so it is clear you tried to sort it first.');
  } else if (answers.manager === 'no') {
    steps.push("It can help to email the social worker's team manager first and give them a few days to put it right. If that does not work, or you would rather not, make a formal complaint.");
  } else {
    steps.push("If you do not know who the team manager is, ask the social worker or the council for their name and email address, and keep a copy of what you send them.");
  }

  steps.push('Put your complaint in writing and keep a copy. Give the dates, what happened, who was involved, and what you want to happen now, such as an apology, a corrected record or support put in place.');

  steps.push(stageStep(formal, country));

  if (formal !== 'finished') {
    if (country === 'wales') {
      steps.push('If you are still unhappy once the council has finished, you can take it to the Public Services Ombudsman for Wales.');
    } else if (country === 'england') {
      steps.push('If you are still unhappy after the last stage, you can go to the Local Government and Social Care Ombudsman on 0300 061 0614. Do it within 12 months.');
    } else {
      steps.push('If you are still unhappy at the end, you can go to an ombudsman: in England, the Local Government and Social Care Ombudsman (0300 061 0614); in Wales, the Public Services Ombudsman for Wales.');
    }
  }

  const whatWrong = answers['what-wrong'];
  return {
    steps,
    entries: [
      formal === 'finished' ? 'complaint-social-worker-ombudsman' : 'complaint-social-worker-stages',
      whatWrong === 'report'
        ? 'complaint-social-worker-wrong-information'
        : whatWrong === 'treatment'
          ? 'complaint-social-worker-change-social-worker'
          : whatWrong === 'decision'
            ? 'child-protection-plan-challenge-decision'
            : 'complaint-social-worker-overview',
      whatWrong === 'report' ? 'records-access-overview' : formal === 'finished' ? 'complaint-social-worker-stages' : 'complaint-social-worker-ombudsman',
    ],
  };
}

function stageStep(formal: string | undefined, country: string | undefined): string {
  const wales = country === 'wales';
  const england = country === 'england';
  switch (formal) {
    case 'none':
      if (wales) return 'Send it to the council\'s complaints team. In Wales, stage 1 should be acknowledged within 2 working days, and they should offer to talk it through within 10 working days.';
      if (england) return 'Send it to the council\'s children\'s services complaints team, ideally within a year of what happened. At stage 1 they should reply within 10 working days, or 20 if it is complex.';
      return 'Send it to the council\'s complaints team. England has three stages and Wales has two, and stage 1 in both should get a response within 10 working days.';
    case 'stage-1':
      if (wales) return 'If stage 1 does not put things right, ask in writing for stage 2. Someone independent investigates, and the council should send its answer within 25 working days.';
      if (england) return 'If the stage 1 reply does not put things right, ask in writing for stage 2, an investigation with an independent person. It should take 25 working days (up to 65 if complex); check your letter for how long you have to ask.';
      return 'If the stage 1 reply does not put things right, ask in writing for stage 2, an investigation. Check the council\'s letter for how long you have to ask.';
    case 'stage-2-3':
      if (wales) return 'In Wales there is no stage 3. If the stage 2 reply does not put things right, the next step is the Ombudsman.';
      if (england) return 'If stage 2 did not put things right, ask in writing for stage 3: a panel of three independent people, and you can go to the meeting. Check the council\'s letter for how long you have to ask, often 20 working days.';
      return 'After stage 2, England has a review panel (stage 3) but Wales goes straight to the Ombudsman. Check the council\'s letter for your next step and deadline.';
    case 'finished':
      if (wales) return 'The council\'s process has finished, so you can take your complaint to the Public Services Ombudsman for Wales. Send it the council\'s final reply.';
      if (england) return 'The council\'s process has finished, so you can complain to the Local Government and Social Care Ombudsman on 0300 061 0614. Do it within 12 months of the final reply.';
      return 'The council\'s process has finished, so you can go to the ombudsman: in England the Local Government and Social Care Ombudsman (0300 061 0614), in Wales the Public Services Ombudsman for Wales.';
    default:
      return 'Look at the letters the council sent you: they usually say which stage your complaint is at and how long you have to ask for the next one. If not, ask the complaints team in writing.';
  }
}
