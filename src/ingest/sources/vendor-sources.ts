/** The vendor exports `retain import --source` reads, besides Retain's own files. */
import { hubspotSource } from './hubspot/index.js';
import { salesforceSource } from './salesforce/index.js';
import type { Source } from './source.js';
import { stripeSource } from './stripe/index.js';
import { vttSource } from './vtt/index.js';

export const VENDOR_SOURCES: readonly Source[] = [
  stripeSource,
  hubspotSource,
  salesforceSource,
  vttSource,
];
