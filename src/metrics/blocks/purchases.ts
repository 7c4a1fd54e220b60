/**
 * Every purchase with its rank in the customer's history: orders, or paid
 * invoices (at paid_at) for customers without orders (DESIGN.md, reading 9).
 * A refund or credit (a negative amount) buys nothing, so it is no
 * purchase; a refunded invoice is not paid.
 * The rank of a customer's last purchase in a period is their purchase count
 * up to its end, whatever the periods, so the ranking is built once.
 */
import type { Store } from '../../store/store.js';
import type { MetricContext } from '../context.js';

export async function createPurchasesBlock(store: Store, context: MetricContext): Promise<void> {
  await store.query(
    `CREATE TEMPORARY TABLE ${context.tables.purchases} AS
     SELECT customer_id, purchased_at,
            row_number() OVER (PARTITION BY customer_id ORDER BY purchased_at) AS purchase_rank
     FROM (
       SELECT customer_id, ordered_at AS purchased_at FROM orders WHERE amount >= 0
       UNION ALL
       SELECT i.customer_id, i.paid_at FROM invoices i
       WHERE i.status = 'paid' AND i.paid_at IS NOT NULL AND i.amount >= 0
         AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = i.customer_id)
     ) u`,
  );
}
