/** Whether a customer is paying now. */
export type ActiveBadgeProps = { isActive: boolean };

export function ActiveBadge({ isActive }: ActiveBadgeProps) {
  return (
    <span className={isActive ? 'badge badge-active' : 'badge'}>
      {isActive ? 'Active' : 'Inactive'}
    </span>
  );
}
