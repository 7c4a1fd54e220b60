/** The metric pages share one filter bar, which stays put while moving between them. */
import { Outlet } from 'react-router';
import { FilterBar } from '../features/metrics/FilterBar.js';

export function MetricLayout() {
  return (
    <>
      <FilterBar />
      <Outlet />
    </>
  );
}
