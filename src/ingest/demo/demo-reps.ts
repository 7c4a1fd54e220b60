/**
 * The demo company's people: SDRs, account executives, CSMs and their
 * managers, in four teams. Headcount grows sub-linearly with the customer
 * count (about one rep per 40 customers at 2,000, at least 12, at most ~300),
 * and every non-manager reports to a manager of their own team.
 */
import type { Random } from '../../domain/random.js';
import { MONTH_MS } from './demo-calendar.js';
import type { DemoEmitter } from './demo-emitter.js';
import type { DemoPlan } from './demo-plan.js';
import type { Region } from './demo-vocabulary.js';
import { pickPersonName } from './demo-words.js';

export type RepRole = 'sdr' | 'ae' | 'csm' | 'manager';

export type DemoRep = {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly team: string;
  readonly role: RepRole;
  readonly managerId: string | null;
  /** Hours east of UTC where the rep works, for business-hour timestamps. */
  readonly utcOffsetH: number;
  /** When the rep started logging activity; later for SDRs hired as the company grew. */
  readonly startMs: number;
  /** SDRs only: the rep's own pace and skill, so dials per meeting varies by rep. */
  readonly dialsPerDay: number;
  readonly dialsPerMeeting: number;
};

export type DemoRoster = {
  readonly reps: readonly DemoRep[];
  readonly sdrs: readonly DemoRep[];
  readonly csms: readonly DemoRep[];
  readonly northAes: readonly DemoRep[];
  readonly southAes: readonly DemoRep[];
};

export const TEAM_NORTH = 'Team North';
export const TEAM_SOUTH = 'Team South';
export const TEAM_SDR = 'Sales Development';
export const TEAM_CS = 'Customer Success';

const UTC_OFFSET_H: Readonly<Record<Region, number>> = {
  north_america: -5,
  emea: 1,
  apac: 8,
  latam: -3,
};

const SPREAD_REGIONS: readonly (readonly [Region, number])[] = [
  ['north_america', 0.5],
  ['emea', 0.3],
  ['apac', 0.1],
  ['latam', 0.1],
];

const HOME_REGIONS: Readonly<Record<string, readonly (readonly [Region, number])[]>> = {
  [TEAM_NORTH]: [
    ['north_america', 0.65],
    ['emea', 0.35],
  ],
  [TEAM_SOUTH]: [
    ['latam', 0.5],
    ['apac', 0.5],
  ],
  [TEAM_SDR]: SPREAD_REGIONS,
  [TEAM_CS]: SPREAD_REGIONS,
};

/** About 50 reps at 2,000 customers, growing with the 0.75 power of the customer count. */
export function computeRepCount(customers: number): number {
  return Math.min(300, Math.max(12, Math.round(50 * Math.pow(customers / 2000, 0.75))));
}

export function buildRoster(random: Random, plan: DemoPlan): DemoRoster {
  const total = computeRepCount(plan.customers);
  const sdrCount = Math.max(2, Math.round(total * 0.12));
  const aeCount = Math.max(2, Math.round(total * 0.24));
  const csmCount = Math.max(2, total - sdrCount - aeCount - Math.max(4, Math.round(total / 9)));
  // Team North sells into North America and EMEA, four in five customers.
  const northCount = Math.max(1, Math.round(aeCount * 0.72));
  const namer = createRepNamer(random);
  const reps: DemoRep[] = [];
  const buildTeam = (team: string, role: RepRole, members: number): DemoRep[] => {
    const managers = Array.from({ length: Math.max(1, Math.round(members / 8)) }, () =>
      buildRep(random, namer, team, 'manager', null, plan.windowStartMs),
    );
    const people = Array.from({ length: members }, (_, i) => {
      // Two in five SDRs were hired during the window, which is why their history is shorter.
      const isLateHire = role === 'sdr' && i >= Math.ceil(members * 0.6);
      const startMs = isLateHire
        ? plan.windowStartMs + random.uniform(2, 18) * MONTH_MS
        : plan.windowStartMs;
      return buildRep(random, namer, team, role, random.pick(managers).id, startMs);
    });
    reps.push(...managers, ...people);
    return people;
  };
  const northAes = buildTeam(TEAM_NORTH, 'ae', northCount);
  const southAes = buildTeam(TEAM_SOUTH, 'ae', Math.max(1, aeCount - northCount));
  const sdrs = buildTeam(TEAM_SDR, 'sdr', sdrCount);
  const csms = buildTeam(TEAM_CS, 'csm', csmCount);
  return { reps, sdrs, csms, northAes, southAes };
}

type RepNamer = () => { id: string; name: string; email: string };

function createRepNamer(random: Random): RepNamer {
  const usedEmails = new Set<string>();
  let count = 0;
  return () => {
    count++;
    for (let attempt = 0; ; attempt++) {
      const person = pickPersonName(random);
      const local = `${toEmailWord(person.first)}.${toEmailWord(person.last)}${attempt >= 20 ? count : ''}`;
      const email = `${local}@retain-demo.example`;
      if (usedEmails.has(email)) continue;
      usedEmails.add(email);
      return { id: `rep_${String(count).padStart(3, '0')}`, name: person.full, email };
    }
  };
}

function toEmailWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function buildRep(
  random: Random,
  namer: RepNamer,
  team: string,
  role: RepRole,
  managerId: string | null,
  startMs: number,
): DemoRep {
  const { id, name, email } = namer();
  const home = random.weighted<Region>(HOME_REGIONS[team] ?? SPREAD_REGIONS);
  return {
    id,
    name,
    email,
    team,
    role,
    managerId,
    utcOffsetH: UTC_OFFSET_H[home],
    startMs,
    dialsPerDay: random.uniform(42, 58),
    dialsPerMeeting: random.uniform(70, 140),
  };
}

export function emitReps(emitter: DemoEmitter, roster: DemoRoster): void {
  for (const rep of roster.reps) {
    emitter.add('reps', {
      id: rep.id,
      name: rep.name,
      email: rep.email,
      team: rep.team,
      role: rep.role,
      manager_id: rep.managerId,
    });
  }
}

/** The account executive team that sells into a region. */
export function pickAccountExecutive(random: Random, roster: DemoRoster, region: Region): DemoRep {
  const team = region === 'north_america' || region === 'emea' ? roster.northAes : roster.southAes;
  return random.pick(team);
}

/** An SDR already on the team at `ms` (the founding SDRs always are). */
export function pickSdrAt(random: Random, roster: DemoRoster, ms: number): DemoRep {
  const hired = roster.sdrs.filter((sdr) => sdr.startMs <= ms);
  return random.pick(hired.length > 0 ? hired : roster.sdrs);
}
