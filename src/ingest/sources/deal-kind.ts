/**
 * The canonical deal kind from a CRM's deal type. Recognised: HubSpot's
 * `New Business`, Salesforce's `New Customer` and `Existing Customer -
 * Upgrade`, and types that say renewal, upgrade, upsell, cross-sell, add-on or
 * expansion. Others (HubSpot's `Existing Business`, which may be either a
 * renewal or an expansion) stay empty; the type itself is kept as an attribute.
 */
import { toMatchKey } from './export-values.js';

export type DealKind = 'new_business' | 'renewal' | 'expansion';

const NEW_BUSINESS = new Set(['newbusiness', 'newcustomer', 'new', 'newlogo']);
const EXPANSION = /upgrade|upsell|crosssell|addon|expansion/;

export function toDealKind(type: string): DealKind | undefined {
  const key = toMatchKey(type);
  if (NEW_BUSINESS.has(key)) return 'new_business';
  if (key.includes('renewal')) return 'renewal';
  if (EXPANSION.test(key)) return 'expansion';
  return undefined;
}
