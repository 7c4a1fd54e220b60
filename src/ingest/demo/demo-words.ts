/**
 * Word lists the demo company is made of: people, company names, industries,
 * competitors and survey comments. Plain data, so the rest of the generator
 * reads as behaviour rather than vocabulary.
 */
import type { Random } from '../../domain/random.js';

export const FIRST_NAMES = (
  'Olivia Liam Emma Noah Ava Lucas Mia Ethan Sofia Mateo Amelia James Isabella ' +
  'Daniel Chloe Henry Grace Samuel Hannah Leo Zoe Arjun Priya Kenji Yuki Wei Mei ' +
  'Omar Leila Tariq Fatima Diego Camila Lukas Anna Jonas Elena Marco Giulia Pierre ' +
  'Claire Sven Ingrid Mateus Beatriz Kwame Amara Tomás Lucía Oscar Nora Felix Maya ' +
  'Adam Sara Hugo Julia Ravi Aisha Connor'
).split(' ');

export const LAST_NAMES = (
  'Smith Johnson Williams Brown Garcia Miller Davis Martinez Lopez Wilson Anderson ' +
  'Taylor Thomas Moore Martin Lee Walker Hall Young King Wright Scott Green Baker ' +
  'Adams Nelson Carter Mitchell Roberts Turner Müller Schmidt Fischer Weber Dubois ' +
  'Moreau Rossi Bianchi Nakamura Tanaka Chen Wang Kim Park Singh Patel Okafor ' +
  "Mensah Silva Santos Costa Novak Kowalski Larsen Nilsson Jansen O'Brien Murphy " +
  'Haddad Ortiz'
).split(' ');

const COMPANY_HEADS = (
  'Blue North Silver Bright Iron Summit Cedar Harbor Apex Clear Red Stone Golden ' +
  'Swift Green Pine Polar River Nova True Atlas Beacon Crest Delta Echo Falcon ' +
  'Granite Horizon Keystone Lumen Maple Orbit Pioneer Quartz Sierra Tidal Vertex ' +
  'Willow Zenith Copper'
).split(' ');

const COMPANY_TAILS = (
  'wave field line point bridge forge stack path works gate leaf peak rock light ' +
  'spring stream ridge bay mark shore'
).split(' ');

const COMPANY_KINDS = (
  'Analytics Logistics Health Foods Systems Labs Partners Media Retail Software ' +
  'Energy Finance Robotics Studios Consulting Supply Networks Cloud'
).split(' ');

const COMPANY_SUFFIXES = [
  'Inc.',
  'Ltd',
  'GmbH',
  'LLC',
  'Group',
  'Co.',
  'S.A.',
  'AB',
  'Pty Ltd',
  '',
] as const;

export const INDUSTRIES = (
  'software fintech healthcare retail manufacturing education logistics media ' +
  'professional_services real_estate'
).split(' ');

export const COMPETITORS = ['Churnly', 'RetainIQ', 'SaaSGrid', 'PulseCRM', 'Loyalty Labs'] as const;

export const NPS_COMMENTS = {
  detractor: [
    'Too expensive for what we actually use.',
    'Support takes days to answer.',
    'Still missing the integrations we were promised.',
    'The reports are slow and often wrong.',
    'We are not using it much anymore.',
    'Onboarding was confusing and nobody followed up.',
  ],
  passive: [
    'It does the job, nothing more.',
    'Good product, but the price keeps going up.',
    'Fine overall; the dashboard could be faster.',
    'Useful, though our team needed a lot of training.',
  ],
  promoter: [
    'Our CSM is fantastic.',
    'It saved us hours every week.',
    'The churn alerts alone paid for it.',
    'Easy to set up and the team loves it.',
    'Best tool we bought this year.',
  ],
} as const;

/** A person's full name, e.g. `Elena Rossi`. */
export function pickPersonName(random: Random): { first: string; last: string; full: string } {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return { first, last, full: `${first} ${last}` };
}

/** A company name such as `Northwave Analytics Ltd` or `Cedar Systems`. */
export function pickCompanyName(random: Random): string {
  const head = random.pick(COMPANY_HEADS);
  const name = random.bernoulli(0.55) ? `${head}${random.pick(COMPANY_TAILS)}` : head;
  const suffix = random.pick(COMPANY_SUFFIXES);
  return `${name} ${random.pick(COMPANY_KINDS)}${suffix === '' ? '' : ` ${suffix}`}`;
}
