/**
 * Call transcripts in the `Speaker: text` line format, one line per turn.
 * Customers close to leaving say the phrases a keyword tracker listens for
 * ("too expensive", "budget cut", "switching to Churnly", "cancel", "not using
 * it much"); happy customers sometimes say them too, negated ("we won't
 * cancel"), so a tracker that only matches words is useful but noisy.
 */
import type { Random } from '../../domain/random.js';
import type { CancelReason } from './demo-vocabulary.js';

const REP_OPENERS = [
  'Hi {name}, thanks for making time for our check-in today.',
  'Good to see you again, {name}. How are things on your side?',
  'Thanks for jumping on, {name}. I wanted to walk through how the rollout is going.',
  'Hi {name}, I have our usage report in front of me, shall we go through it?',
];
const CUSTOMER_REPLIES = [
  "Happy to. It's been a busy quarter for us.",
  'Sure, things are moving along.',
  'Thanks. We have a few things to go over as well.',
  'Yes, good timing actually.',
];
const REP_QUESTIONS = [
  'How is the team getting on with the churn dashboards?',
  'Are the weekly digests reaching the right people?',
  'Is anything blocking adoption in the sales team?',
  'What would you like to get out of the next quarter with us?',
  'How did the renewal planning go internally?',
  'Have you had a chance to try the new goal tracking?',
];
const CUSTOMER_ANSWERS = [
  'The CS team checks the health scores every morning now.',
  'The alerts helped us save two accounts last month.',
  'Adoption is good in sales, a bit slower in finance.',
  "We'd love a Salesforce sync for our custom fields.",
  'Reporting is solid, the exports could be faster.',
  'Onboarding the new hires went smoothly.',
  'We rolled it out to the second region in March.',
  'Mostly fine, a couple of people still prefer spreadsheets.',
];
const RISK_LINES: Readonly<Record<CancelReason | 'generic', readonly string[]>> = {
  too_expensive: [
    "Honestly, it's getting too expensive for what we use.",
    'Finance keeps telling me the tool is too expensive.',
  ],
  budget_cut: [
    'We had a budget cut for next year, so every tool is under review.',
    'There are budget cuts across the company right now.',
  ],
  switched_competitor: [
    'Part of the team is pushing for switching to Churnly.',
    'Leadership asked us to look at switching to Churnly.',
  ],
  no_longer_needed: [
    'To be frank, the team is not using it much anymore.',
    "We're not using it much since the reorganisation.",
  ],
  missing_features: ['Without the integrations we need, we may have to cancel.'],
  poor_support: ["After the last support tickets, people are asking why we don't just cancel."],
  generic: [
    "We're seriously considering cancelling our subscription.",
    "I'll be honest, we're discussing whether to cancel at renewal.",
    "It's too expensive for the value we get right now.",
    'We had a budget cut and have to find savings somewhere.',
  ],
};
const NEGATED_LINES = [
  "Don't worry, we won't cancel, we just need better reports.",
  'Good news on our side: no budget cut this year.',
  "We looked at Churnly, but we're staying with you.",
  "Nobody is talking about cancelling, it's just a busy time.",
];
const REP_RECOVERIES = [
  'I hear you. Let me see what we can do on pricing and training.',
  'Thanks for being upfront. Can we set up a session with your team next week?',
  "Understood. I'll take this to our product team and come back to you.",
];
const REP_CLOSERS = [
  "Great, I'll send a recap by e-mail.",
  'Thanks, {name}. Talk again next month.',
  "Perfect, I'll follow up with the training materials.",
];
const CUSTOMER_CLOSERS = ['Sounds good, thanks.', 'Thanks, speak soon.', 'Great, bye for now.'];

export type CustomerCallInput = {
  readonly repName: string;
  readonly contactName: string;
  /** Chance that the customer voices a risk, 0..1. */
  readonly riskChance: number;
  /** Drives which risk phrases come up; null picks generic ones. */
  readonly reason: CancelReason | null;
};

export function buildCustomerTranscript(random: Random, input: CustomerCallInput): string {
  const rep = (text: string): string =>
    `${input.repName}: ${text.replace('{name}', firstName(input.contactName))}`;
  const customer = (text: string): string => `${input.contactName}: ${text}`;
  const special: string[] = [];
  if (random.bernoulli(input.riskChance)) {
    const pool =
      input.reason && random.bernoulli(0.7) ? RISK_LINES[input.reason] : RISK_LINES.generic;
    special.push(random.pick(pool));
    if (random.bernoulli(0.35)) special.push(random.pick(RISK_LINES.generic));
  } else if (random.bernoulli(0.15)) {
    special.push(random.pick(NEGATED_LINES));
  }
  const lines = [rep(random.pick(REP_OPENERS)), customer(random.pick(CUSTOMER_REPLIES))];
  const exchanges = random.int(1, 5);
  for (let i = 0; i < exchanges || special.length > 0; i++) {
    lines.push(rep(random.pick(REP_QUESTIONS)));
    const line = special.shift();
    if (line === undefined) {
      lines.push(customer(random.pick(CUSTOMER_ANSWERS)));
    } else {
      lines.push(customer(line));
      if (!NEGATED_LINES.includes(line)) lines.push(rep(random.pick(REP_RECOVERIES)));
    }
  }
  lines.push(rep(random.pick(REP_CLOSERS)));
  if (lines.length < 15 && random.bernoulli(0.6))
    lines.push(customer(random.pick(CUSTOMER_CLOSERS)));
  return lines.slice(0, 15).join('\n');
}

const PROSPECT_OPENERS = [
  'Thanks for taking the time, {name}. How do you track churn today?',
  'Hi {name}, great to meet you. What made you look at us?',
  'Thanks for joining, {name}. Could you walk me through your renewal process?',
];
const PROSPECT_SITUATIONS = [
  'Mostly spreadsheets, and we find out too late when someone leaves.',
  'Our CSMs each have their own way of flagging risky accounts.',
  'We lost two big customers last quarter without seeing it coming.',
];
const AE_PITCHES = [
  'That is common. Let me show you how the health score flags accounts early.',
  'The daily digest would give every CSM their at-risk list each morning.',
  'We can pull that straight from your billing and CRM exports.',
];
const PROSPECT_OBJECTIONS = [
  "It looks great, but it's too expensive for our size.",
  "We're also evaluating Churnly.",
  'Timing is hard, we have budget cuts this quarter.',
  "We'd need a HubSpot integration before we could commit.",
];
const PROSPECT_POSITIVES = [
  'This is exactly what our CS team needs.',
  'Can you send over a proposal?',
  'I can see our managers using this every day.',
];
const AE_CLOSERS = [
  "I'll send a proposal with next steps.",
  "Let's book the full demo with your team.",
  "I'll share a trial workspace this afternoon.",
];

export type ProspectCallInput = {
  readonly repName: string;
  readonly contactName: string;
  /** Lost deals raise more objections. */
  readonly isLikelyLost: boolean;
};

export function buildProspectTranscript(random: Random, input: ProspectCallInput): string {
  const ae = (text: string): string =>
    `${input.repName}: ${text.replace('{name}', firstName(input.contactName))}`;
  const prospect = (text: string): string => `${input.contactName}: ${text}`;
  const lines = [
    ae(random.pick(PROSPECT_OPENERS)),
    prospect(random.pick(PROSPECT_SITUATIONS)),
    ae(random.pick(AE_PITCHES)),
  ];
  const turns = random.int(0, 4);
  for (let i = 0; i < turns; i++) {
    const objects = random.bernoulli(input.isLikelyLost ? 0.5 : 0.2);
    lines.push(prospect(random.pick(objects ? PROSPECT_OBJECTIONS : PROSPECT_POSITIVES)));
    lines.push(ae(random.pick(AE_PITCHES)));
  }
  lines.push(prospect(random.pick(PROSPECT_POSITIVES)), ae(random.pick(AE_CLOSERS)));
  return lines.join('\n');
}

function firstName(fullName: string): string {
  return fullName.split(' ')[0] ?? fullName;
}
