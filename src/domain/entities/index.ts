/**
 * The canonical entities in import order: an entity comes after every entity
 * it references, so one `retain import` of several files can check references
 * against rows of the same import.
 */
import { activityEntity } from './activity.js';
import { conversationEntity } from './conversation.js';
import { customerEntity } from './customer.js';
import { dealEntity } from './deal.js';
import type { Entity } from './define-entity.js';
import { fxRateEntity } from './fx-rate.js';
import { goalEntity } from './goal.js';
import { invoiceEntity } from './invoice.js';
import { leadEntity } from './lead.js';
import { marketingSpendEntity } from './marketing-spend.js';
import { npsResponseEntity } from './nps-response.js';
import { orderEntity } from './order.js';
import { paymentMethodEntity } from './payment-method.js';
import { repEntity } from './rep.js';
import { subscriptionChangeEntity } from './subscription-change.js';
import { subscriptionEntity } from './subscription.js';
import { ticketEntity } from './ticket.js';
import { usageEntity } from './usage.js';

export type { CanonicalRow, Entity, EntityCheck } from './define-entity.js';
export type { FieldKind, FieldSpec } from './fields.js';

export const ENTITIES = [
  fxRateEntity,
  repEntity,
  customerEntity,
  subscriptionEntity,
  subscriptionChangeEntity,
  invoiceEntity,
  paymentMethodEntity,
  orderEntity,
  leadEntity,
  dealEntity,
  activityEntity,
  marketingSpendEntity,
  npsResponseEntity,
  ticketEntity,
  usageEntity,
  conversationEntity,
  goalEntity,
] as const satisfies readonly Entity[];

export type EntityName = (typeof ENTITIES)[number]['name'];

export const ENTITY_NAMES: readonly EntityName[] = ENTITIES.map((entity) => entity.name);

/** The entity called `name`, or undefined; accepts the singular too (`customer`). */
export function findEntity(name: string): Entity | undefined {
  const wanted = name.trim().toLowerCase().replaceAll('-', '_');
  return ENTITIES.find((entity) => entity.name === wanted || entity.name === `${wanted}s`);
}
