/**
 * What the account owner does with a customer: an onboarding kickoff, check-in
 * calls and meetings on a cadence set by segment, e-mails, a save call when
 * the customer is about to leave, and a win-back note afterwards. Some
 * conversations are recorded as transcripts, with risk phrases as likely as
 * the customer is close to leaving.
 */
import type { Random } from '../../domain/random.js';
import { DAY_MS, formatTimestamp, HOUR_MS, MONTH_MS, pickBusinessTime } from './demo-calendar.js';
import type { DemoContext } from './demo-context.js';
import type { CustomerProfile } from './demo-customer-profile.js';
import { drawDialDurationS, emitActivity, type DialOutcome } from './demo-activity-writer.js';
import { computeLeavingProximity, findFinalEnd, findPayingSpans } from './demo-life-queries.js';
import type { DemoRep } from './demo-reps.js';
import type { CustomerLife } from './demo-subscription-life.js';
import { buildCustomerTranscript } from './demo-transcripts.js';
import { sigmoid, type Segment } from './demo-vocabulary.js';

const CHECK_IN_DAYS: Readonly<Record<Segment, number>> = {
  smb: 75,
  mid_market: 40,
  enterprise: 28,
};
const EMAILS_PER_MONTH: Readonly<Record<Segment, number>> = {
  smb: 0.3,
  mid_market: 1,
  enterprise: 2,
};
const RISK_HORIZON_MS = 120 * DAY_MS;

export function emitAccountActivities(
  random: Random,
  ctx: DemoContext,
  profile: CustomerProfile,
  life: CustomerLife,
): void {
  const rep = profile.ownerRepId === profile.csm.id ? profile.csm : profile.accountExecutive;
  const { windowStartMs, asOfMs } = ctx.plan;
  const spans = findPayingSpans(life);
  const first = spans[0];
  if (first && !profile.isOpening) {
    const kickoffMs = pickBusinessTime(
      random,
      first.startMs + random.uniform(1, 7) * DAY_MS,
      rep.utcOffsetH,
    );
    emitCheckIn(random, ctx, profile, life, rep, kickoffMs, 'meeting');
    const onboardingMs = pickBusinessTime(
      random,
      first.startMs + random.uniform(14, 28) * DAY_MS,
      rep.utcOffsetH,
    );
    emitCheckIn(random, ctx, profile, life, rep, onboardingMs, 'call');
  }
  for (const span of spans) {
    const fromMs = Math.max(span.startMs, windowStartMs);
    const untilMs = Math.min(span.endMs, asOfMs);
    const cadenceMs = CHECK_IN_DAYS[profile.segment] * DAY_MS;
    for (
      let t = fromMs + random.uniform(0.3, 1) * cadenceMs;
      t < untilMs;
      t += cadenceMs * random.uniform(0.7, 1.3)
    ) {
      if (profile.segment === 'smb' && random.bernoulli(0.35)) continue;
      const kind = random.bernoulli(0.6) ? 'call' : 'meeting';
      emitCheckIn(
        random,
        ctx,
        profile,
        life,
        rep,
        pickBusinessTime(random, t, rep.utcOffsetH),
        kind,
      );
    }
    for (let t = fromMs; t < untilMs; t += MONTH_MS) {
      const emails = random.poisson(
        EMAILS_PER_MONTH[profile.segment] * Math.min(1, (untilMs - t) / MONTH_MS),
      );
      for (let i = 0; i < emails; i++) {
        const isInbound = random.bernoulli(0.15);
        emitActivity(ctx, {
          rep,
          kind: 'email',
          atMs: pickBusinessTime(random, t + random.uniform(0, MONTH_MS), rep.utcOffsetH),
          direction: isInbound ? 'inbound' : 'outbound',
          outcome: isInbound ? 'received' : 'sent',
          customerId: profile.id,
        });
      }
    }
  }
  emitSaveAndWinBack(random, ctx, profile, life, rep);
}

function emitSaveAndWinBack(
  random: Random,
  ctx: DemoContext,
  profile: CustomerProfile,
  life: CustomerLife,
  rep: DemoRep,
): void {
  for (const { main } of life.stretches) {
    if (main.endReason !== 'voluntary' || main.endMs === null || !random.bernoulli(0.5)) continue;
    const saveMs = pickBusinessTime(
      random,
      main.endMs - random.uniform(10, 45) * DAY_MS,
      rep.utcOffsetH,
    );
    if (saveMs > main.payStartMs) emitCheckIn(random, ctx, profile, life, rep, saveMs, 'call');
  }
  const end = findFinalEnd(life);
  if (end && end.reason !== null && random.bernoulli(0.3)) {
    emitActivity(ctx, {
      rep,
      kind: 'email',
      atMs: pickBusinessTime(random, end.endMs + random.uniform(30, 90) * DAY_MS, rep.utcOffsetH),
      direction: 'outbound',
      outcome: 'sent',
      customerId: profile.id,
    });
  }
}

function emitCheckIn(
  random: Random,
  ctx: DemoContext,
  profile: CustomerProfile,
  life: CustomerLife,
  rep: DemoRep,
  atMs: number,
  kind: 'call' | 'meeting',
): void {
  const proximity = computeLeavingProximity(life, atMs, RISK_HORIZON_MS);
  // Disengaged customers stop picking up the phone.
  const callOutcome: DialOutcome = random.bernoulli(0.8 - 0.25 * proximity)
    ? 'connected'
    : random.bernoulli(0.7)
      ? 'no_answer'
      : 'voicemail';
  const outcome = kind === 'meeting' ? 'completed' : callOutcome;
  const durationS =
    kind === 'meeting' ? random.int(1200, 3600) : drawDialDurationS(random, callOutcome);
  const written = emitActivity(ctx, {
    rep,
    kind,
    atMs,
    direction: 'outbound',
    outcome,
    customerId: profile.id,
    durationS,
  });
  if (!written || (outcome !== 'connected' && outcome !== 'completed')) return;
  if (kind === 'meeting' && random.bernoulli(0.3)) {
    emitActivity(ctx, { rep, kind: 'note', atMs: atMs + HOUR_MS, customerId: profile.id });
  }
  if (!random.bernoulli(0.45)) return;
  const nextEnding = life.stretches.find((s) => s.main.endMs !== null && s.main.endMs > atMs)?.main;
  ctx.emitter.add('conversations', {
    id: ctx.emitter.nextId('cnv'),
    occurred_at: formatTimestamp(atMs),
    channel: kind,
    rep_id: rep.id,
    customer_id: profile.id,
    transcript: buildCustomerTranscript(random, {
      repName: rep.name,
      contactName: profile.contactName,
      riskChance: sigmoid(-2.6 + 0.6 * profile.risk + 3 * proximity),
      reason: nextEnding?.cancelReason ?? null,
    }),
  });
}
