/** Whether a customer is paying now. */
import { StatusBadge } from '../../components/StatusBadge.js';

export type ActiveBadgeProps = { isActive: boolean };

export function ActiveBadge({ isActive }: ActiveBadgeProps) {
  return isActive ? (
    <StatusBadge label="Active" tone="good" />
  ) : (
    <StatusBadge label="Inactive" tone="neutral" />
  );
}
