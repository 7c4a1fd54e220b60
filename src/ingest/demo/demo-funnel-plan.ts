/**
 * Sizes the sales funnel so its ratios come out right at any company size:
 * how many new customers come through an SDR-booked meeting (bounded by what
 * the SDR team can book at ~100 dials a meeting), and how many lost prospects
 * to add per win so new-business win rate lands near 21 %, and how many
 * leads that go nowhere to add so there are about 11 leads per new customer
 * even when the SDR team is capped at large sizes.
 */
import { DAY_MS, isWorkingDay, startOfDay } from './demo-calendar.js';
import type { DemoPlan } from './demo-plan.js';
import type { DemoRoster } from './demo-reps.js';

export type FunnelPlan = {
  /** Share of sales-led new customers whose first meeting an SDR booked by phone. */
  readonly sdrSourcedShare: number;
  /** Mean lost or open prospect deals generated beside each won one. */
  readonly lostProspectsPerNewCustomer: number;
  /** Mean inbound leads per won deal that are never qualified. */
  readonly unqualifiedLeadsPerNewCustomer: number;
};

const TARGET_WIN_RATE = 0.21;
/** Share of new customers that are sales-led rather than self-serve trials. */
const SALES_LED_SHARE = 0.8;
/** Booked meetings that become a deal which closes (lost) before asOf. */
const MEETING_TO_CLOSED_DEAL = 0.8 * 0.9;
const TARGET_LEADS_PER_NEW_CUSTOMER = 11;
/** Dials an SDR's cadence spends per lead on average (measured on the prospecting simulation). */
const DIALS_PER_PROSPECTED_LEAD = 10.5;
/** Share of working days an SDR is at their desk. */
const ATTENDANCE = 0.96;

export function buildFunnelPlan(plan: DemoPlan, roster: DemoRoster): FunnelPlan {
  let capacity = 0;
  let dials = 0;
  for (const sdr of roster.sdrs) {
    const days = countWorkingDays(Math.max(sdr.startMs, plan.windowStartMs), plan.asOfMs);
    dials += days * sdr.dialsPerDay * ATTENDANCE;
    capacity += (days * sdr.dialsPerDay * ATTENDANCE) / sdr.dialsPerMeeting;
  }
  const salesLed = Math.max(1, plan.expectedNewCustomers * SALES_LED_SHARE);
  // SDR-booked wins take at most ~40 % of the team's meetings, so the rest is real prospecting.
  const sdrSourcedShare = Math.min(0.5, (0.4 * capacity) / salesLed);
  const prospectingMeetings = Math.max(capacity - sdrSourcedShare * salesLed, 0.15 * capacity);
  const targetLost = plan.expectedNewCustomers * (1 / TARGET_WIN_RATE - 1);
  const missingLost =
    targetLost - prospectingMeetings * MEETING_TO_CLOSED_DEAL - plan.expectedTrialOnly;
  const newCustomers = Math.max(1, plan.expectedNewCustomers);
  const lostProspectsPerNewCustomer = Math.max(0, missingLost / newCustomers);
  const expectedLeads =
    dials / DIALS_PER_PROSPECTED_LEAD +
    newCustomers * (1 + lostProspectsPerNewCustomer) +
    plan.expectedTrialOnly;
  return {
    sdrSourcedShare,
    lostProspectsPerNewCustomer,
    unqualifiedLeadsPerNewCustomer: Math.max(
      0,
      TARGET_LEADS_PER_NEW_CUSTOMER - expectedLeads / newCustomers,
    ),
  };
}

function countWorkingDays(fromMs: number, untilMs: number): number {
  let days = 0;
  for (let day = startOfDay(fromMs); day < untilMs; day += DAY_MS) if (isWorkingDay(day)) days++;
  return days;
}
